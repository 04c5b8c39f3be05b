package io.rivulet.runtime.batch;

import io.rivulet.runtime.type.DataType;

/**
 * One column of a batch: values of one type laid out in a primitive or object array, with an
 * optional null mask. Vectors are never changed once built.
 */
public sealed interface ColumnVector
    permits LongVector, DoubleVector, BooleanVector, DecimalVector, ObjectVector {
  DataType type();

  int size();

  boolean isNull(int row);

  /** The value at {@code row} in its Java representation (see {@link DataType}), or null. */
  Object get(int row);

  /** A vector holding the rows at {@code positions}, in that order. */
  ColumnVector gather(int[] positions, int count);

  /** A vector of {@code count} nulls. */
  static ColumnVector nulls(DataType type, int count) {
    VectorBuilder builder = VectorBuilder.create(type, count);
    for (int i = 0; i < count; i++) {
      builder.appendNull();
    }
    return builder.build();
  }
}
