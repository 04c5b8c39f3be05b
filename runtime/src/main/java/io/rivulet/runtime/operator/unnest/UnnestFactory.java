package io.rivulet.runtime.operator.unnest;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.type.Schema;
import java.util.List;

/**
 * Flattens an array column: each input row becomes one output row per array element, made of the
 * input columns followed by the element (and its one-based ordinal when asked for).
 *
 * @param arrayColumn the index of the array column in the input
 * @param outer whether a row whose array is null or empty still yields one row, with a null
 *     element (LEFT JOIN UNNEST) rather than none
 * @param withOrdinality whether to append the element's one-based position
 */
public record UnnestFactory(
    Schema outputSchema, int arrayColumn, boolean outer, boolean withOrdinality)
    implements OperatorFactory {

  @Override
  public Operator create(OperatorContext context) {
    return new UnnestOperator();
  }

  @Override
  public String explain() {
    return "Unnest(" + outputSchema.field(arrayColumn).name() + (outer ? ", outer" : "")
        + (withOrdinality ? ", with ordinality" : "") + ")";
  }

  private final class UnnestOperator implements Operator {
    @Override
    public void process(Batch batch, Collector out) {
      int inputColumns = batch.columnCount();
      BatchBuilder builder = new BatchBuilder(outputSchema, batch.rowCount() * 4);
      for (int r = 0; r < batch.rowCount(); r++) {
        List<?> elements = (List<?>) batch.get(r, arrayColumn);
        RowKind kind = batch.kind(r);
        if (elements == null || elements.isEmpty()) {
          if (outer) {
            appendInput(batch, r, inputColumns, builder);
            builder.column(inputColumns).appendNull();
            if (withOrdinality) {
              builder.column(inputColumns + 1).appendNull();
            }
            builder.endRow(kind);
          }
          continue;
        }
        for (int e = 0; e < elements.size(); e++) {
          appendInput(batch, r, inputColumns, builder);
          builder.column(inputColumns).append(elements.get(e));
          if (withOrdinality) {
            builder.column(inputColumns + 1).append(e + 1);
          }
          builder.endRow(kind);
        }
      }
      if (builder.rowCount() > 0) {
        out.collect(builder.build());
      }
    }

    private void appendInput(Batch batch, int row, int inputColumns, BatchBuilder builder) {
      for (int c = 0; c < inputColumns; c++) {
        builder.column(c).appendFrom(batch.column(c), row);
      }
    }
  }
}
