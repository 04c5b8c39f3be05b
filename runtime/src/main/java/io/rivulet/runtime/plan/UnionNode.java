package io.rivulet.runtime.plan;

import io.rivulet.runtime.type.Schema;
import java.util.List;

/** Passes on the rows of all its inputs (UNION ALL); the inputs share one schema. */
public record UnionNode(List<PhysicalNode> inputs, Schema schema) implements PhysicalNode {
  public UnionNode {
    inputs = List.copyOf(inputs);
  }

  @Override
  public boolean changelog() {
    return inputs.stream().anyMatch(PhysicalNode::changelog);
  }

  @Override
  public String explain() {
    return "Union(all)";
  }

  @Override
  public PhysicalNode withInputs(List<PhysicalNode> newInputs) {
    return newInputs.equals(inputs) ? this : new UnionNode(newInputs, schema);
  }
}
