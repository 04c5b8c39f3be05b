package io.rivulet.runtime.batch;

import io.rivulet.runtime.type.DataType;

/** A column of booleans. */
public record BooleanVector(boolean[] values, boolean[] nulls, int size) implements ColumnVector {

  @Override
  public DataType type() {
    return DataType.BOOLEAN;
  }

  public boolean getBoolean(int row) {
    return values[row];
  }

  @Override
  public boolean isNull(int row) {
    return nulls != null && nulls[row];
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public ColumnVector gather(int[] positions, int count) {
    boolean[] gathered = new boolean[count];
    boolean[] gatheredNulls = nulls == null ? null : new boolean[count];
    for (int i = 0; i < count; i++) {
      gathered[i] = values[positions[i]];
      if (gatheredNulls != null) {
        gatheredNulls[i] = nulls[positions[i]];
      }
    }
    return new BooleanVector(gathered, gatheredNulls, count);
  }
}
