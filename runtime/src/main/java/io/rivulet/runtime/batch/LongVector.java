package io.rivulet.runtime.batch;

import io.rivulet.runtime.type.DataType;

/** A column of integral, timestamp, date or time values stored as longs. */
public record LongVector(DataType type, long[] values, boolean[] nulls, int size)
    implements ColumnVector {

  public long getLong(int row) {
    return values[row];
  }

  @Override
  public boolean isNull(int row) {
    return nulls != null && nulls[row];
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : type.fromLong(values[row]);
  }

  @Override
  public ColumnVector gather(int[] positions, int count) {
    long[] gathered = new long[count];
    boolean[] gatheredNulls = nulls == null ? null : new boolean[count];
    for (int i = 0; i < count; i++) {
      gathered[i] = values[positions[i]];
      if (gatheredNulls != null) {
        gatheredNulls[i] = nulls[positions[i]];
      }
    }
    return new LongVector(type, gathered, gatheredNulls, count);
  }
}
