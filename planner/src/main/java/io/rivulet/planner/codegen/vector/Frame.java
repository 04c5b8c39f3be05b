package io.rivulet.planner.codegen.vector;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BooleanVector;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DecimalVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.ObjectVector;
import java.math.BigDecimal;

/**
 * The evaluation of one program over one batch: its input columns and the values of the program's
 * common sub-expressions, each computed once for the widest rows that need it.
 */
final class Frame {
  private final Batch batch;
  private final VectorExpression[] locals;
  private final Values[] values;
  private final Rows[] computedFor;

  Frame(Batch batch, VectorExpression[] locals) {
    this.batch = batch;
    this.locals = locals;
    this.values = new Values[locals.length];
    this.computedFor = new Rows[locals.length];
  }

  /** The number of rows of the batch, and so the length of every array of values. */
  int size() {
    return batch.rowCount();
  }

  Batch batch() {
    return batch;
  }

  /** A frame over the same batch with no values computed yet. */
  Frame fresh() {
    return new Frame(batch, locals);
  }

  /** The values of the program's expression {@code index}, computed at most once per rows. */
  Values local(int index, Rows rows) {
    Values cached = values[index];
    if (cached != null && (computedFor[index] == null || rows.within(computedFor[index]))) {
      return cached;
    }
    Values computed = locals[index].evaluate(this, rows);
    if (cached == null) {
      values[index] = computed;
      // A literal fills every row, so it serves any rows.
      computedFor[index] = locals[index] instanceof Leaves.Constant ? null : rows;
    }
    return computed;
  }

  /** An input column as values, without copying. */
  Values column(int index) {
    ColumnVector column = batch.column(index);
    if (column instanceof LongVector longs) {
      return new Values.Longs(longs.values(), longs.nulls());
    }
    if (column instanceof DoubleVector doubles) {
      return new Values.Doubles(doubles.values(), doubles.nulls());
    }
    if (column instanceof BooleanVector booleans) {
      return new Values.Booleans(booleans.values(), booleans.nulls());
    }
    if (column instanceof DecimalVector decimals) {
      // Kernels read DECIMAL columns through decimalColumn; this serves any other reader.
      Object[] values = new Object[decimals.size()];
      for (int row = 0; row < values.length; row++) {
        values[row] = decimals.get(row);
      }
      return new Values.Objects(values);
    }
    return new Values.Objects(((ObjectVector) column).values());
  }

  /**
   * A DECIMAL input column as unscaled longs of {@code scale} at {@code rows}, read in place when
   * it is held as such; a value of another scale (the row path would keep that scale) or of more
   * than 18 digits needs the row path.
   */
  Values decimalColumn(int index, int scale, Rows rows) {
    ColumnVector column = batch.column(index);
    int[] positions = rows.positions();
    if (column instanceof DecimalVector decimals) {
      if (decimals.scale() != scale) {
        throw NeedsRowPath.INSTANCE;
      }
      long[] unscaled = decimals.values();
      boolean[] nulls = decimals.nulls();
      long limit = Decimal.POWERS_OF_TEN[18];
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        long value = unscaled[row];
        if ((value >= limit || value <= -limit) && (nulls == null || !nulls[row])) {
          throw NeedsRowPath.INSTANCE;
        }
      }
      return new Values.Longs(unscaled, nulls);
    }
    Object[] decimals = ((ObjectVector) column).values();
    long[] unscaled = new long[size()];
    boolean[] nulls = Nulls.of(decimals, rows, size());
    for (int i = 0; i < rows.count(); i++) {
      int row = positions[i];
      BigDecimal value = (BigDecimal) decimals[row];
      if (value != null) {
        if (value.scale() != scale || value.precision() > 18) {
          throw NeedsRowPath.INSTANCE;
        }
        unscaled[row] = value.unscaledValue().longValue();
      }
    }
    return new Values.Longs(unscaled, nulls);
  }
}
