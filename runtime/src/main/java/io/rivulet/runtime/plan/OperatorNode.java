package io.rivulet.runtime.plan;

import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.type.Schema;
import java.util.List;

/**
 * Runs an operator over its input; stateless operators are fused with their neighbours into one
 * pipeline per stage.
 *
 * @param unboundedStateHere whether this operator's own state grows without bound on unbounded
 *     input (e.g. a non-windowed aggregate over an ever-growing key set)
 */
public record OperatorNode(
    PhysicalNode input,
    OperatorFactory factory,
    Schema schema,
    boolean changelog,
    boolean unboundedStateHere)
    implements PhysicalNode {

  public OperatorNode(PhysicalNode input, OperatorFactory factory, Schema schema, boolean changelog) {
    this(input, factory, schema, changelog, false);
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }

  @Override
  public boolean unboundedState() {
    return unboundedStateHere || input.unboundedState();
  }

  @Override
  public String explain() {
    return factory.explain();
  }

  @Override
  public PhysicalNode withInputs(List<PhysicalNode> newInputs) {
    PhysicalNode newInput = newInputs.get(0);
    return newInput == input
        ? this
        : new OperatorNode(newInput, factory, schema, changelog, unboundedStateHere);
  }
}
