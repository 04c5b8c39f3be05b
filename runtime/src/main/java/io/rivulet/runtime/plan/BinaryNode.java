package io.rivulet.runtime.plan;

import io.rivulet.runtime.operator.BinaryOperatorFactory;
import io.rivulet.runtime.type.Schema;
import java.util.List;

/**
 * Runs a two-input operator (a join) over its left and right inputs, which reach it through
 * exchanges on the join keys (or one side broadcast).
 *
 * @param unboundedStateHere whether its state grows without bound on unbounded inputs
 */
public record BinaryNode(
    PhysicalNode left,
    PhysicalNode right,
    BinaryOperatorFactory factory,
    Schema schema,
    boolean changelog,
    boolean unboundedStateHere)
    implements PhysicalNode {

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(left, right);
  }

  @Override
  public boolean unboundedState() {
    return unboundedStateHere || left.unboundedState() || right.unboundedState();
  }

  @Override
  public String explain() {
    return factory.explain();
  }

  @Override
  public PhysicalNode withInputs(List<PhysicalNode> newInputs) {
    return newInputs.get(0) == left && newInputs.get(1) == right
        ? this
        : new BinaryNode(newInputs.get(0), newInputs.get(1), factory, schema, changelog, unboundedStateHere);
  }
}
