package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BooleanVector;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Reads the join key of each row of a batch as a hash-map key under which keys SQL considers equal
 * meet, whichever side they come from.
 *
 * <p>A key of one column is a single value: every integral, date, time and timestamp column becomes
 * a {@link Long} (so an INTEGER key meets a BIGINT one), every floating-point column a {@link
 * Double} without the sign of zero, a DECIMAL its value without trailing zeros ({@code 1.0} meets
 * {@code 1.00}); other values stay as they are. Several columns make a {@link CompositeKey}. A key
 * with a null in any column is {@code null}: it never equals another, as in SQL. A join without key
 * columns gives every row the one key {@link #NO_KEY}.
 */
final class JoinKeys {
  /** The key of every row when there are no key columns: all rows meet. */
  static final Object NO_KEY = new CompositeKey(new Object[0]);

  private final int[] columns;

  JoinKeys(int[] columns) {
    this.columns = columns.clone();
  }

  int size() {
    return columns.length;
  }

  /** The key of every row of {@code batch}, {@code null} where a key column holds a null. */
  Object[] keysOf(Batch batch) {
    int rowCount = batch.rowCount();
    Object[] keys = new Object[rowCount];
    if (columns.length == 0) {
      Arrays.fill(keys, NO_KEY);
      return keys;
    }
    if (columns.length == 1) {
      ColumnVector column = batch.column(columns[0]);
      for (int row = 0; row < rowCount; row++) {
        keys[row] = valueOf(column, row);
      }
      return keys;
    }
    ColumnVector[] keyColumns = new ColumnVector[columns.length];
    for (int i = 0; i < columns.length; i++) {
      keyColumns[i] = batch.column(columns[i]);
    }
    for (int row = 0; row < rowCount; row++) {
      Object[] values = new Object[keyColumns.length];
      boolean hasNull = false;
      for (int i = 0; i < values.length && !hasNull; i++) {
        values[i] = valueOf(keyColumns[i], row);
        hasNull = values[i] == null;
      }
      keys[row] = hasNull ? null : new CompositeKey(values);
    }
    return keys;
  }

  /** The normalised value at {@code row}, or null. */
  private static Object valueOf(ColumnVector column, int row) {
    if (column.isNull(row)) {
      return null;
    }
    if (column instanceof LongVector longs) {
      return longs.getLong(row);
    }
    if (column instanceof DoubleVector doubles) {
      double value = doubles.getDouble(row);
      return value == 0.0d ? 0.0d : value;
    }
    if (column instanceof BooleanVector booleans) {
      return booleans.getBoolean(row);
    }
    Object value = column.get(row);
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    }
    return value;
  }

  /** The key of a join over several columns, with its hash computed once. */
  static final class CompositeKey {
    private final Object[] values;
    private final int hash;

    CompositeKey(Object[] values) {
      this.values = values;
      this.hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object other) {
      return this == other
          || (other instanceof CompositeKey key
              && hash == key.hash
              && Arrays.equals(values, key.values));
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return Arrays.toString(values);
    }
  }
}
