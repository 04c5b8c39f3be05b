package io.rivulet.runtime.format;

import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.Arrays;

/**
 * One row's values held until the whole row has been read, so that a row failing half way leaves
 * the batch untouched; primitives stay unboxed.
 */
final class StagedRow {
  private final DataType.Storage[] storages;
  private final long[] longs;
  private final double[] doubles;
  private final boolean[] booleans;
  private final Object[] objects;
  private final boolean[] present;

  StagedRow(Schema schema) {
    int size = schema.size();
    storages = new DataType.Storage[size];
    for (int c = 0; c < size; c++) {
      storages[c] = schema.type(c).storage();
    }
    longs = new long[size];
    doubles = new double[size];
    booleans = new boolean[size];
    objects = new Object[size];
    present = new boolean[size];
  }

  /** Makes every column null. */
  void clear() {
    Arrays.fill(present, false);
    Arrays.fill(objects, null);
  }

  void setNull(int column) {
    present[column] = false;
    objects[column] = null;
  }

  void setLong(int column, long value) {
    longs[column] = value;
    present[column] = true;
  }

  void setDouble(int column, double value) {
    doubles[column] = value;
    present[column] = true;
  }

  void setBoolean(int column, boolean value) {
    booleans[column] = value;
    present[column] = true;
  }

  void setObject(int column, Object value) {
    objects[column] = value;
    present[column] = value != null;
  }

  /** Appends the staged values as one insert row. */
  void appendTo(BatchBuilder builder) {
    for (int c = 0; c < storages.length; c++) {
      VectorBuilder column = builder.column(c);
      if (!present[c]) {
        column.appendNull();
        continue;
      }
      switch (storages[c]) {
        case LONG -> column.appendLong(longs[c]);
        case DOUBLE -> column.appendDouble(doubles[c]);
        case BOOLEAN -> column.appendBoolean(booleans[c]);
        case OBJECT -> column.append(objects[c]);
      }
    }
    builder.endRow();
  }
}
