package io.rivulet.runtime.format;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BooleanVector;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.NullVectors;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.Arrays;

/**
 * The column arrays a {@link RecordParser} writes rows into, one primitive or object array per
 * column, without boxing and without staging a row elsewhere first.
 *
 * <p>A parser writes every value of the row being read at index {@link #rowCount()} and then calls
 * {@link #endRow()}; a row abandoned half way (a malformed record) is simply not ended, and the
 * next row overwrites what it wrote. Columns that nobody reads (see {@link #needs}) get no arrays:
 * {@link #build()} gives them a shared all-null vector. One instance serves one reader at a time.
 */
public final class ColumnBuffers {
  private final Schema schema;
  private final DataType[] types;
  private final boolean[] needed;
  private final NullVectors nullVectors = new NullVectors();
  private final long[][] longs;
  private final double[][] doubles;
  private final boolean[][] booleans;
  private final Object[][] objects;
  /** Null masks, made for a column when its first null arrives. */
  private final boolean[][] nulls;
  /** Whether a column had a null in the rows since the last build. */
  private final boolean[] anyNull;

  private int capacity;
  private int rowCount;
  /** The most rows that will be ended before the next build. */
  private int limit = Integer.MAX_VALUE;

  /**
   * @param needed which columns are read, or null for all of them
   * @param capacity the rows to make room for at first; more are made as needed
   */
  public ColumnBuffers(Schema schema, boolean[] needed, int capacity) {
    this.schema = schema;
    int size = schema.size();
    this.types = new DataType[size];
    this.needed = new boolean[size];
    for (int c = 0; c < size; c++) {
      types[c] = schema.type(c);
      this.needed[c] = needed == null || (c < needed.length && needed[c]);
    }
    this.longs = new long[size][];
    this.doubles = new double[size][];
    this.booleans = new boolean[size][];
    this.objects = new Object[size][];
    this.nulls = new boolean[size][];
    this.anyNull = new boolean[size];
    allocate(Math.max(1, capacity));
  }

  public Schema schema() {
    return schema;
  }

  /** Whether column {@code column} is read; a parser writes nothing into the others. */
  public boolean needs(int column) {
    return needed[column];
  }

  /** The rows ended since the last {@link #build()}. */
  public int rowCount() {
    return rowCount;
  }

  public void setLong(int column, long value) {
    longs[column][rowCount] = value;
    boolean[] mask = nulls[column];
    if (mask != null) {
      mask[rowCount] = false;
    }
  }

  public void setDouble(int column, double value) {
    doubles[column][rowCount] = value;
    boolean[] mask = nulls[column];
    if (mask != null) {
      mask[rowCount] = false;
    }
  }

  public void setBoolean(int column, boolean value) {
    booleans[column][rowCount] = value;
    boolean[] mask = nulls[column];
    if (mask != null) {
      mask[rowCount] = false;
    }
  }

  /** Sets an OBJECT column's value; null is a SQL null. */
  public void setObject(int column, Object value) {
    objects[column][rowCount] = value;
    if (value == null) {
      anyNull[column] = true;
    }
  }

  public void setNull(int column) {
    if (types[column].storage() == DataType.Storage.OBJECT) {
      objects[column][rowCount] = null;
    } else {
      boolean[] mask = nulls[column];
      if (mask == null) {
        mask = new boolean[capacity];
        nulls[column] = mask;
      }
      mask[rowCount] = true;
    }
    anyNull[column] = true;
  }

  /** The value written at {@code row} of {@code column}, or null; for copying rows elsewhere. */
  Object get(int row, int column) {
    if (!needed[column]) {
      return null;
    }
    DataType type = types[column];
    if (type.storage() != DataType.Storage.OBJECT && nulls[column] != null && nulls[column][row]) {
      return null;
    }
    return switch (type.storage()) {
      case LONG -> type.fromLong(longs[column][row]);
      case DOUBLE -> type.fromDouble(doubles[column][row]);
      case BOOLEAN -> booleans[column][row];
      case OBJECT -> objects[column][row];
    };
  }

  /**
   * Says that at most {@code maxRows} rows will be ended before the next {@link #build()}, so that
   * the arrays grow to exactly that and can be handed to the batch rather than copied; writing more
   * rows than that fails.
   */
  public void limit(int maxRows) {
    limit = Math.max(1, maxRows);
  }

  /** Ends the row being written: its values become row {@link #rowCount()} - 1. */
  public void endRow() {
    rowCount++;
    if (rowCount == capacity && rowCount < limit) {
      grow((int) Math.min(2L * capacity, limit));
    }
  }

  /** Forgets the rows ended since the last build. */
  public void clear() {
    rowCount = 0;
    Arrays.fill(anyNull, false);
  }

  /**
   * The rows ended since the last build as a batch (all inserts), and starts over empty. Full
   * arrays are handed to the batch and replaced; partly filled ones are copied and kept.
   */
  public Batch build() {
    int rows = rowCount;
    boolean handOver = rows == capacity;
    ColumnVector[] columns = new ColumnVector[types.length];
    for (int c = 0; c < types.length; c++) {
      columns[c] = needed[c] ? vector(c, rows, handOver) : nullVectors.of(types[c], rows);
    }
    clear();
    if (handOver) {
      allocate(capacity);
    }
    return new Batch(schema, columns, rows, null);
  }

  private ColumnVector vector(int c, int rows, boolean handOver) {
    DataType type = types[c];
    boolean[] mask = anyNull[c] && nulls[c] != null ? trim(nulls[c], rows, handOver) : null;
    return switch (type.storage()) {
      case LONG ->
          new LongVector(
              type, handOver ? longs[c] : Arrays.copyOf(longs[c], rows), mask, rows);
      case DOUBLE ->
          new DoubleVector(
              type, handOver ? doubles[c] : Arrays.copyOf(doubles[c], rows), mask, rows);
      case BOOLEAN ->
          new BooleanVector(handOver ? booleans[c] : Arrays.copyOf(booleans[c], rows), mask, rows);
      case OBJECT ->
          new ObjectVector(type, handOver ? objects[c] : Arrays.copyOf(objects[c], rows), rows);
    };
  }

  private static boolean[] trim(boolean[] mask, int rows, boolean handOver) {
    return handOver ? mask : Arrays.copyOf(mask, rows);
  }

  /** Makes new arrays for the needed columns; null masks are made again when needed. */
  private void allocate(int newCapacity) {
    capacity = newCapacity;
    for (int c = 0; c < types.length; c++) {
      nulls[c] = null;
      if (!needed[c]) {
        continue;
      }
      switch (types[c].storage()) {
        case LONG -> longs[c] = new long[newCapacity];
        case DOUBLE -> doubles[c] = new double[newCapacity];
        case BOOLEAN -> booleans[c] = new boolean[newCapacity];
        case OBJECT -> objects[c] = new Object[newCapacity];
      }
    }
  }

  private void grow(int newCapacity) {
    capacity = newCapacity;
    for (int c = 0; c < types.length; c++) {
      if (nulls[c] != null) {
        nulls[c] = Arrays.copyOf(nulls[c], newCapacity);
      }
      if (!needed[c]) {
        continue;
      }
      switch (types[c].storage()) {
        case LONG -> longs[c] = Arrays.copyOf(longs[c], newCapacity);
        case DOUBLE -> doubles[c] = Arrays.copyOf(doubles[c], newCapacity);
        case BOOLEAN -> booleans[c] = Arrays.copyOf(booleans[c], newCapacity);
        case OBJECT -> objects[c] = Arrays.copyOf(objects[c], newCapacity);
      }
    }
  }
}
