package io.rivulet.runtime.batch;

import io.rivulet.runtime.type.DataType;

/** A column of object values (strings, decimals, arrays); null entries are SQL nulls. */
public record ObjectVector(DataType type, Object[] values, int size) implements ColumnVector {

  @Override
  public boolean isNull(int row) {
    return values[row] == null;
  }

  @Override
  public Object get(int row) {
    return values[row];
  }

  @Override
  public ColumnVector gather(int[] positions, int count) {
    Object[] gathered = new Object[count];
    for (int i = 0; i < count; i++) {
      gathered[i] = values[positions[i]];
    }
    return new ObjectVector(type, gathered, count);
  }
}
