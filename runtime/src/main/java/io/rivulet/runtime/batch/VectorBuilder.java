package io.rivulet.runtime.batch;

import io.rivulet.runtime.type.DataType;
import java.util.Arrays;

/** Appends values of one type and builds an immutable {@link ColumnVector}. */
public abstract sealed class VectorBuilder {
  protected final DataType type;
  protected boolean[] nulls;
  protected int size;

  private VectorBuilder(DataType type) {
    this.type = type;
  }

  public static VectorBuilder create(DataType type, int expectedSize) {
    int capacity = Math.max(expectedSize, 16);
    return switch (type.storage()) {
      case LONG -> new Longs(type, capacity);
      case DOUBLE -> new Doubles(type, capacity);
      case BOOLEAN -> new Booleans(type, capacity);
      case OBJECT -> new Objects(type, capacity);
    };
  }

  public DataType type() {
    return type;
  }

  public int size() {
    return size;
  }

  /** Appends a value in its Java representation (see {@link DataType}), or null. */
  public abstract void append(Object value);

  public abstract void appendNull();

  public void appendLong(long value) {
    throw new UnsupportedOperationException(type + " column does not hold longs");
  }

  public void appendDouble(double value) {
    throw new UnsupportedOperationException(type + " column does not hold doubles");
  }

  public void appendBoolean(boolean value) {
    throw new UnsupportedOperationException(type + " column does not hold booleans");
  }

  /** Appends the value at {@code row} of {@code source}, which must have this builder's storage. */
  public abstract void appendFrom(ColumnVector source, int row);

  public abstract ColumnVector build();

  protected final void markNull() {
    if (nulls == null) {
      nulls = new boolean[capacity()];
    }
    nulls[size] = true;
  }

  protected abstract int capacity();

  protected final void growNulls(int capacity) {
    if (nulls != null) {
      nulls = Arrays.copyOf(nulls, capacity);
    }
  }

  protected final boolean[] trimmedNulls() {
    return nulls == null ? null : Arrays.copyOf(nulls, size);
  }

  static final class Longs extends VectorBuilder {
    private long[] values;

    Longs(DataType type, int capacity) {
      super(type);
      values = new long[capacity];
    }

    @Override
    protected int capacity() {
      return values.length;
    }

    private void ensure() {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
        growNulls(values.length);
      }
    }

    @Override
    public void appendLong(long value) {
      ensure();
      values[size++] = value;
    }

    @Override
    public void append(Object value) {
      if (value == null) {
        appendNull();
      } else {
        appendLong(type.toLong(value));
      }
    }

    @Override
    public void appendNull() {
      ensure();
      markNull();
      size++;
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
      if (source.isNull(row)) {
        appendNull();
      } else {
        appendLong(((LongVector) source).getLong(row));
      }
    }

    @Override
    public ColumnVector build() {
      return new LongVector(type, Arrays.copyOf(values, size), trimmedNulls(), size);
    }
  }

  static final class Doubles extends VectorBuilder {
    private double[] values;

    Doubles(DataType type, int capacity) {
      super(type);
      values = new double[capacity];
    }

    @Override
    protected int capacity() {
      return values.length;
    }

    private void ensure() {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
        growNulls(values.length);
      }
    }

    @Override
    public void appendDouble(double value) {
      ensure();
      values[size++] = value;
    }

    @Override
    public void append(Object value) {
      if (value == null) {
        appendNull();
      } else {
        appendDouble(((Number) value).doubleValue());
      }
    }

    @Override
    public void appendNull() {
      ensure();
      markNull();
      size++;
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
      if (source.isNull(row)) {
        appendNull();
      } else {
        appendDouble(((DoubleVector) source).getDouble(row));
      }
    }

    @Override
    public ColumnVector build() {
      return new DoubleVector(type, Arrays.copyOf(values, size), trimmedNulls(), size);
    }
  }

  static final class Booleans extends VectorBuilder {
    private boolean[] values;

    Booleans(DataType type, int capacity) {
      super(type);
      values = new boolean[capacity];
    }

    @Override
    protected int capacity() {
      return values.length;
    }

    private void ensure() {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
        growNulls(values.length);
      }
    }

    @Override
    public void appendBoolean(boolean value) {
      ensure();
      values[size++] = value;
    }

    @Override
    public void append(Object value) {
      if (value == null) {
        appendNull();
      } else {
        appendBoolean((Boolean) value);
      }
    }

    @Override
    public void appendNull() {
      ensure();
      markNull();
      size++;
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
      if (source.isNull(row)) {
        appendNull();
      } else {
        appendBoolean(((BooleanVector) source).getBoolean(row));
      }
    }

    @Override
    public ColumnVector build() {
      return new BooleanVector(Arrays.copyOf(values, size), trimmedNulls(), size);
    }
  }

  static final class Objects extends VectorBuilder {
    private Object[] values;

    Objects(DataType type, int capacity) {
      super(type);
      values = new Object[capacity];
    }

    @Override
    protected int capacity() {
      return values.length;
    }

    @Override
    public void append(Object value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    @Override
    public void appendNull() {
      append(null);
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
      append(source.get(row));
    }

    @Override
    public ColumnVector build() {
      return new ObjectVector(type, Arrays.copyOf(values, size), size);
    }
  }
}
