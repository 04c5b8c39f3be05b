package io.rivulet.runtime.connector.nexmark;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.NullVectors;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.connector.datagen.RowRate;
import io.rivulet.runtime.type.Schema;

/**
 * The events {@code first, first + stride, ...} below {@code end} that belong to one table,
 * generated a batch at a time straight into column arrays.
 */
final class NexmarkPartition implements SourcePartition {
  /**
   * The most rows one read returns when the query sets no smaller {@code batch.max-rows}: enough to
   * make a micro-batch's fixed costs small, and just few enough that a column of longs (with its
   * array header) stays under 512 KiB, which G1 with 1 MiB regions would allocate as a slow
   * "humongous" object.
   */
  static final int MAX_ROWS_PER_READ = (1 << 16) - 8;

  private final NexmarkGenerator generator;
  private final NexmarkTable table;
  private final Schema schema;
  private final int[] columns;
  private final boolean[] needed;
  private final NullVectors nulls = new NullVectors();
  private final long stride;
  private final long end;
  private final RowRate rate;
  private final String id;
  /** The next event of this partition's table, or a number {@code >= end} once there is none. */
  private volatile long next;

  private long[] eventNumbers = new long[0];

  NexmarkPartition(
      NexmarkGenerator generator,
      NexmarkTable table,
      Schema schema,
      int[] columns,
      boolean[] neededColumns,
      long first,
      long stride,
      long end,
      RowRate rate) {
    this.generator = generator;
    this.table = table;
    this.schema = schema;
    this.columns = columns.clone();
    this.needed = new boolean[columns.length];
    for (int c = 0; c < columns.length; c++) {
      needed[c] = neededColumns == null || neededColumns[c];
    }
    this.stride = stride;
    this.end = end;
    this.rate = rate;
    this.id = "nexmark " + table.optionName() + " [" + first + " mod " + stride + "]";
    this.next = hasRows(first) ? advance(first) : end;
  }

  /** Whether any of the events {@code first + k * stride} is of this table. */
  private boolean hasRows(long first) {
    // Event numbers modulo 50 repeat after at most 50 steps.
    for (long k = 0; k < NexmarkTable.EPOCH_EVENTS; k++) {
      if (table.contains(first + k * stride)) {
        return true;
      }
    }
    return false;
  }

  /** The first event of this table at or after {@code n} in this partition, or {@code end}. */
  private long advance(long n) {
    while (n < end && !table.contains(n)) {
      n = n > end - stride ? end : n + stride;
    }
    return Math.min(n, end);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Batch read(int maxRows) {
    long n = next;
    if (n >= end || maxRows <= 0) {
      return Batch.empty(schema);
    }
    int limit = Math.min(maxRows, MAX_ROWS_PER_READ);
    if (rate != null) {
      limit = rate.takeOrWait(limit);
      if (limit == 0) {
        return Batch.empty(schema);
      }
    }
    if (eventNumbers.length < limit) {
      eventNumbers = new long[limit];
    }
    long[] numbers = eventNumbers;
    int count = 0;
    while (count < limit && n < end) {
      numbers[count++] = n;
      n = advance(n > end - stride ? end : n + stride);
    }
    next = n;
    if (rate != null && count < limit) {
      rate.giveBack(limit - count);
    }
    ColumnVector[] vectors = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      vectors[c] =
          needed[c]
              ? generator.column(table, columns[c], schema.type(c), numbers, count)
              : nulls.of(schema.type(c), count);
    }
    return new Batch(schema, vectors, count, null);
  }

  @Override
  public int maxRowsPerRead() {
    return MAX_ROWS_PER_READ;
  }

  @Override
  public boolean exhausted() {
    return next >= end;
  }
}
