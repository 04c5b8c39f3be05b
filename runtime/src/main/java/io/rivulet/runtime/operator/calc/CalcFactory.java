package io.rivulet.runtime.operator.calc;

import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;

/**
 * Fused filters and projections: applies one compiled {@link BatchFunction} to each batch.
 *
 * @param description EXPLAIN text, e.g. {@code Calc(filter=[price > 100], project=[auction])}
 */
public record CalcFactory(BatchFunction function, String description) implements OperatorFactory {

  @Override
  public Operator create(OperatorContext context) {
    return new CalcOperator(function);
  }

  @Override
  public String explain() {
    return description;
  }

  /** Applies the function; stateless. */
  private record CalcOperator(BatchFunction function) implements Operator {
    @Override
    public void process(io.rivulet.runtime.batch.Batch batch, Collector out) {
      io.rivulet.runtime.batch.Batch result = function.apply(batch);
      if (!result.isEmpty()) {
        out.collect(result);
      }
    }
  }
}
