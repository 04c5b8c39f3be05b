package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.type.Schema;

/**
 * Places each row in its TUMBLE or HOP windows without aggregating: a row becomes one row per
 * window it belongs to, with {@code window_start} and {@code window_end} appended (a window table
 * function read as rows, e.g. before a window join). Stateless; rows without a time are dropped.
 *
 * @param outputSchema the input columns, then window_start and window_end
 * @param timeColumn the input's TIMESTAMP column
 */
public record WindowAssignFactory(Schema outputSchema, int timeColumn, WindowSpec window)
    implements OperatorFactory {

  public WindowAssignFactory {
    if (window instanceof WindowSpec.Session) {
      throw new IllegalArgumentException("session windows cannot be assigned row by row");
    }
  }

  @Override
  public Operator create(OperatorContext context) {
    return this::assign;
  }

  private void assign(Batch batch, Collector out) {
    long size;
    long slide;
    long offset;
    if (window instanceof WindowSpec.Tumble tumble) {
      size = tumble.sizeMillis();
      slide = size;
      offset = tumble.offsetMillis();
    } else {
      WindowSpec.Hop hop = (WindowSpec.Hop) window;
      size = hop.sizeMillis();
      slide = hop.slideMillis();
      offset = hop.offsetMillis();
    }
    int inputColumns = batch.columnCount();
    LongVector times = (LongVector) batch.column(timeColumn);
    BatchBuilder builder = new BatchBuilder(outputSchema, batch.rowCount() * (int) Math.max(1, size / slide));
    for (int r = 0; r < batch.rowCount(); r++) {
      if (times.isNull(r)) {
        continue;
      }
      long time = times.getLong(r);
      long lastStart = time - Math.floorMod(time - offset, slide);
      for (long start = lastStart; start + size > time; start -= slide) {
        for (int c = 0; c < inputColumns; c++) {
          builder.column(c).appendFrom(batch.column(c), r);
        }
        builder.column(inputColumns).appendLong(start);
        builder.column(inputColumns + 1).appendLong(start + size);
        builder.endRow(batch.kind(r));
      }
    }
    if (builder.rowCount() > 0) {
      out.collect(builder.build());
    }
  }

  @Override
  public String explain() {
    return "WindowAssign(window=" + window.explain() + " on " + outputSchema.field(timeColumn).name() + ")";
  }
}
