package io.rivulet.runtime.operator.time;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.time.Clock;
import java.util.Arrays;

/**
 * Fills processing-time columns ({@code col AS PROCTIME()}) with the wall-clock time at which a
 * batch is processed, in UTC epoch milliseconds, between the columns read from the source.
 *
 * @param outputSchema all columns, in declared order
 * @param processingTimeColumns the indexes in the output that hold processing time; the other
 *     output columns are the input columns in order
 */
public record ProcessingTimeFactory(Schema outputSchema, int[] processingTimeColumns, Clock clock)
    implements OperatorFactory {

  @Override
  public Operator create(OperatorContext context) {
    return (batch, out) -> out.collect(fill(batch));
  }

  private Batch fill(Batch batch) {
    long now = clock.millis();
    int rows = batch.rowCount();
    ColumnVector[] columns = new ColumnVector[outputSchema.size()];
    int inputColumn = 0;
    for (int c = 0; c < columns.length; c++) {
      if (isProcessingTime(c)) {
        long[] times = new long[rows];
        Arrays.fill(times, now);
        columns[c] = new LongVector(DataType.TIMESTAMP, times, null, rows);
      } else {
        columns[c] = batch.column(inputColumn++);
      }
    }
    return new Batch(outputSchema, columns, rows, batch.kindCodes());
  }

  private boolean isProcessingTime(int column) {
    for (int index : processingTimeColumns) {
      if (index == column) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String explain() {
    StringBuilder names = new StringBuilder();
    for (int index : processingTimeColumns) {
      names.append(names.length() == 0 ? "" : ", ").append(outputSchema.field(index).name());
    }
    return "ProcessingTime(" + names + ")";
  }
}
