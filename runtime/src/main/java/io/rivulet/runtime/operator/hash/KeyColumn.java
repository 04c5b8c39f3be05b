package io.rivulet.runtime.operator.hash;

import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * The stored values of one key column of a {@link MultiColumnGroupTable}, indexed by group id:
 * hashing and comparing the column of a batch against them without boxing where the storage
 * allows it.
 *
 * <p>Equality is SQL's grouping equality: SQL nulls are one group, decimals equal in value are one
 * group ({@code 1.0} and {@code 1.00}), and so are {@code 0.0} and {@code -0.0}; all NaNs are one
 * group. The value kept for output is the one the group's first row brought.
 */
abstract sealed class KeyColumn {
  /** The hash of a SQL null key value. */
  static final int NULL_HASH = 0x5bd1e995;

  final DataType type;

  KeyColumn(DataType type) {
    this.type = type;
  }

  static KeyColumn create(DataType type, int capacity) {
    return switch (type.storage()) {
      case LONG -> new OfLongs(type, capacity);
      case DOUBLE -> new OfDoubles(type, capacity);
      case BOOLEAN, OBJECT -> new OfObjects(type, capacity);
    };
  }

  /**
   * Folds this column's hash of each row into {@code hashes}: {@code hashes[i]} becomes the hash
   * of {@code rows[i]} when {@code first}, else {@code 31 * hashes[i]} plus it.
   */
  abstract void hash(ColumnVector vector, int[] rows, int count, int[] hashes, boolean first);

  /** The hash of one row's value in {@code vector}, as {@link #hash} computes it. */
  abstract int hashRow(ColumnVector vector, int row);

  /** Whether the group's value equals the row's in {@code vector}. */
  abstract boolean equalsRow(int group, ColumnVector vector, int row);

  /** Whether the group's value equals the value of {@code otherGroup} in {@code other}. */
  abstract boolean equalsGroup(int group, KeyColumn other, int otherGroup);

  /** Stores the row's value as the group's. */
  abstract void set(int group, ColumnVector vector, int row);

  /** Stores the value of {@code otherGroup} in {@code other} as the group's. */
  abstract void setFrom(int group, KeyColumn other, int otherGroup);

  /** Lets go of the group's value, so that a removed group holds no objects. */
  abstract void clear(int group);

  abstract void grow(int capacity);

  /** The group's value as it first arrived, in the Java representation of the type. */
  abstract Object get(int group);

  /** Appends the group's value to a builder of this column's type. */
  abstract void appendTo(VectorBuilder builder, int group);

  /** Orders two groups' values as output is ordered: nulls first, then by value. */
  abstract int compare(int left, int right);

  static int mix(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** A column stored as longs: the integer types, TIMESTAMP, DATE and TIME. */
  static final class OfLongs extends KeyColumn {
    private long[] values;
    private boolean[] nulls;

    OfLongs(DataType type, int capacity) {
      super(type);
      values = new long[capacity];
      nulls = new boolean[capacity];
    }

    @Override
    void hash(ColumnVector vector, int[] rows, int count, int[] hashes, boolean first) {
      LongVector longs = (LongVector) vector;
      long[] input = longs.values();
      boolean[] inputNulls = longs.nulls();
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        int hash = inputNulls != null && inputNulls[row] ? NULL_HASH : mix(input[row]);
        hashes[i] = first ? hash : 31 * hashes[i] + hash;
      }
    }

    @Override
    int hashRow(ColumnVector vector, int row) {
      LongVector longs = (LongVector) vector;
      return longs.isNull(row) ? NULL_HASH : mix(longs.getLong(row));
    }

    @Override
    boolean equalsRow(int group, ColumnVector vector, int row) {
      LongVector longs = (LongVector) vector;
      if (longs.isNull(row)) {
        return nulls[group];
      }
      return !nulls[group] && values[group] == longs.getLong(row);
    }

    @Override
    boolean equalsGroup(int group, KeyColumn other, int otherGroup) {
      OfLongs that = (OfLongs) other;
      return nulls[group] == that.nulls[otherGroup]
          && (nulls[group] || values[group] == that.values[otherGroup]);
    }

    @Override
    void set(int group, ColumnVector vector, int row) {
      LongVector longs = (LongVector) vector;
      boolean isNull = longs.isNull(row);
      nulls[group] = isNull;
      values[group] = isNull ? 0 : longs.getLong(row);
    }

    @Override
    void setFrom(int group, KeyColumn other, int otherGroup) {
      OfLongs that = (OfLongs) other;
      nulls[group] = that.nulls[otherGroup];
      values[group] = that.values[otherGroup];
    }

    @Override
    void clear(int group) {}

    @Override
    void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
      nulls = Arrays.copyOf(nulls, capacity);
    }

    @Override
    Object get(int group) {
      return nulls[group] ? null : type.fromLong(values[group]);
    }

    @Override
    void appendTo(VectorBuilder builder, int group) {
      if (nulls[group]) {
        builder.appendNull();
      } else {
        builder.appendLong(values[group]);
      }
    }

    @Override
    int compare(int left, int right) {
      if (nulls[left] || nulls[right]) {
        return Boolean.compare(!nulls[left], !nulls[right]);
      }
      return Long.compare(values[left], values[right]);
    }
  }

  /**
   * A column stored as doubles (FLOAT, DOUBLE): compared by the bits of the value with the sign of
   * zero dropped, the way {@link Double#equals} compares after that normalization.
   */
  static final class OfDoubles extends KeyColumn {
    private double[] values;
    private boolean[] nulls;

    OfDoubles(DataType type, int capacity) {
      super(type);
      values = new double[capacity];
      nulls = new boolean[capacity];
    }

    /** The bits equal values share: {@code -0.0 + 0.0} is {@code 0.0}, and NaNs collapse. */
    private static long bits(double value) {
      return Double.doubleToLongBits(value + 0.0d);
    }

    @Override
    void hash(ColumnVector vector, int[] rows, int count, int[] hashes, boolean first) {
      DoubleVector doubles = (DoubleVector) vector;
      double[] input = doubles.values();
      boolean[] inputNulls = doubles.nulls();
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        int hash = inputNulls != null && inputNulls[row] ? NULL_HASH : mix(bits(input[row]));
        hashes[i] = first ? hash : 31 * hashes[i] + hash;
      }
    }

    @Override
    int hashRow(ColumnVector vector, int row) {
      DoubleVector doubles = (DoubleVector) vector;
      return doubles.isNull(row) ? NULL_HASH : mix(bits(doubles.getDouble(row)));
    }

    @Override
    boolean equalsRow(int group, ColumnVector vector, int row) {
      DoubleVector doubles = (DoubleVector) vector;
      if (doubles.isNull(row)) {
        return nulls[group];
      }
      return !nulls[group] && bits(values[group]) == bits(doubles.getDouble(row));
    }

    @Override
    boolean equalsGroup(int group, KeyColumn other, int otherGroup) {
      OfDoubles that = (OfDoubles) other;
      return nulls[group] == that.nulls[otherGroup]
          && (nulls[group] || bits(values[group]) == bits(that.values[otherGroup]));
    }

    @Override
    void set(int group, ColumnVector vector, int row) {
      DoubleVector doubles = (DoubleVector) vector;
      boolean isNull = doubles.isNull(row);
      nulls[group] = isNull;
      values[group] = isNull ? 0 : doubles.getDouble(row);
    }

    @Override
    void setFrom(int group, KeyColumn other, int otherGroup) {
      OfDoubles that = (OfDoubles) other;
      nulls[group] = that.nulls[otherGroup];
      values[group] = that.values[otherGroup];
    }

    @Override
    void clear(int group) {}

    @Override
    void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
      nulls = Arrays.copyOf(nulls, capacity);
    }

    @Override
    Object get(int group) {
      return nulls[group] ? null : type.fromDouble(values[group]);
    }

    @Override
    void appendTo(VectorBuilder builder, int group) {
      if (nulls[group]) {
        builder.appendNull();
      } else {
        builder.append(type.fromDouble(values[group]));
      }
    }

    @Override
    int compare(int left, int right) {
      if (nulls[left] || nulls[right]) {
        return Boolean.compare(!nulls[left], !nulls[right]);
      }
      return Double.compare(values[left], values[right]);
    }
  }

  /**
   * A column of objects (VARCHAR, DECIMAL, BOOLEAN, ARRAY, ...), compared with {@link
   * Object#equals}; decimals are compared without trailing zeros.
   */
  static final class OfObjects extends KeyColumn {
    private final boolean decimal;

    /** The values as they arrived. */
    private Object[] values;

    /** The values compared: {@link #values} itself unless decimals are normalized. */
    private Object[] normalized;

    OfObjects(DataType type, int capacity) {
      super(type);
      this.decimal = type == DataType.DECIMAL;
      values = new Object[capacity];
      normalized = decimal ? new Object[capacity] : values;
    }

    private static Object normalize(Object value) {
      if (value instanceof BigDecimal number) {
        return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
      }
      return value;
    }

    private Object compared(ColumnVector vector, int row) {
      Object value = vector.get(row);
      return decimal ? normalize(value) : value;
    }

    @Override
    void hash(ColumnVector vector, int[] rows, int count, int[] hashes, boolean first) {
      if (vector instanceof ObjectVector objects && !decimal) {
        Object[] input = objects.values();
        for (int i = 0; i < count; i++) {
          Object value = input[rows[i]];
          int hash = value == null ? NULL_HASH : value.hashCode();
          hashes[i] = first ? hash : 31 * hashes[i] + hash;
        }
        return;
      }
      for (int i = 0; i < count; i++) {
        int hash = hashRow(vector, rows[i]);
        hashes[i] = first ? hash : 31 * hashes[i] + hash;
      }
    }

    @Override
    int hashRow(ColumnVector vector, int row) {
      Object value = compared(vector, row);
      return value == null ? NULL_HASH : value.hashCode();
    }

    @Override
    boolean equalsRow(int group, ColumnVector vector, int row) {
      Object stored = normalized[group];
      Object value = compared(vector, row);
      if (stored == value) {
        return true;
      }
      if (stored == null || !stored.equals(value)) {
        return false;
      }
      if (!decimal) {
        // Keep the row's instance of the equal value: the rows after it that bring the same
        // instance (a split hands out one String per recurring word, replaced now and then) then
        // match by identity instead of comparing characters.
        values[group] = value;
      }
      return true;
    }

    @Override
    boolean equalsGroup(int group, KeyColumn other, int otherGroup) {
      return Objects.equals(normalized[group], ((OfObjects) other).normalized[otherGroup]);
    }

    @Override
    void set(int group, ColumnVector vector, int row) {
      Object value = vector.get(row);
      values[group] = value;
      if (decimal) {
        normalized[group] = normalize(value);
      }
    }

    @Override
    void setFrom(int group, KeyColumn other, int otherGroup) {
      OfObjects that = (OfObjects) other;
      values[group] = that.values[otherGroup];
      if (decimal) {
        normalized[group] = that.normalized[otherGroup];
      }
    }

    @Override
    void clear(int group) {
      values[group] = null;
      normalized[group] = null;
    }

    @Override
    void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
      normalized = decimal ? Arrays.copyOf(normalized, capacity) : values;
    }

    @Override
    Object get(int group) {
      return values[group];
    }

    @Override
    void appendTo(VectorBuilder builder, int group) {
      builder.append(values[group]);
    }

    @Override
    int compare(int left, int right) {
      return compareValues(values[left], values[right]);
    }
  }

  /**
   * Orders values nulls first, then naturally when both are of one comparable class, else by
   * their text, so that any two values have an order.
   */
  @SuppressWarnings("unchecked")
  static int compareValues(Object left, Object right) {
    if (left == right) {
      return 0;
    } else if (left == null) {
      return -1;
    } else if (right == null) {
      return 1;
    } else if (left instanceof Comparable<?> comparable && left.getClass() == right.getClass()) {
      return ((Comparable<Object>) comparable).compareTo(right);
    }
    return left.toString().compareTo(right.toString());
  }
}
