package io.rivulet.runtime.batch;

import io.rivulet.runtime.type.DataType;

/** A column of floating-point values. */
public record DoubleVector(DataType type, double[] values, boolean[] nulls, int size)
    implements ColumnVector {

  public double getDouble(int row) {
    return values[row];
  }

  @Override
  public boolean isNull(int row) {
    return nulls != null && nulls[row];
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : type.fromDouble(values[row]);
  }

  @Override
  public ColumnVector gather(int[] positions, int count) {
    double[] gathered = new double[count];
    boolean[] gatheredNulls = nulls == null ? null : new boolean[count];
    for (int i = 0; i < count; i++) {
      gathered[i] = values[positions[i]];
      if (gatheredNulls != null) {
        gatheredNulls[i] = nulls[positions[i]];
      }
    }
    return new DoubleVector(type, gathered, gatheredNulls, count);
  }
}
