package io.rivulet.runtime.plan;

import io.rivulet.runtime.type.Schema;
import java.util.List;

/**
 * A node of a physical micro-batch plan: an immutable description of what to run, from which
 * each partition task creates its own running operators.
 */
public sealed interface PhysicalNode permits ScanNode, OperatorNode, BinaryNode, ExchangeNode, UnionNode {
  List<PhysicalNode> inputs();

  Schema schema();

  /** Whether the rows this node emits carry change kinds (an updating result) rather than inserts. */
  boolean changelog();

  /** Whether this node, or any below it, keeps state that grows without bound on unbounded input. */
  default boolean unboundedState() {
    return inputs().stream().anyMatch(PhysicalNode::unboundedState);
  }

  /** One line describing this node alone, with column names. */
  String explain();

  PhysicalNode withInputs(List<PhysicalNode> newInputs);
}
