package io.rivulet.runtime.connector.datagen;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Generated rows split into partitions by row number: with P partitions, partition p makes rows p,
 * p + P, ... at 1/P of the rate each, so together they make the same rows whatever P is.
 */
final class DatagenSource implements Source {
  /**
   * The most rows one read returns, whatever the query's {@code batch.max-rows}; a column of longs
   * stays under the 512 KiB at which G1 (with 1 MiB regions) allocates "humongous" objects.
   */
  static final int MAX_ROWS_PER_READ = (1 << 16) - 8;

  private final List<Partition> partitions = new ArrayList<>();
  private final boolean bounded;

  DatagenSource(DatagenValues values, OptionalLong rows, long rowsPerSecond, int partitionCount) {
    int count = Math.max(1, partitionCount);
    long end = rows.orElse(Long.MAX_VALUE);
    for (int p = 0; p < count; p++) {
      partitions.add(
          new Partition(values, p, count, end, new RowRate(rowsPerSecond / (double) count)));
    }
    this.bounded = rows.isPresent();
  }

  @Override
  public synchronized List<SourcePartition> partitions() {
    partitions.removeIf(Partition::exhausted);
    return List.copyOf(partitions);
  }

  @Override
  public boolean bounded() {
    return bounded;
  }

  /** Rows {@code first, first + stride, ...} below {@code end}. */
  private static final class Partition implements SourcePartition {
    private final DatagenValues values;
    private final long stride;
    private final long end;
    private final RowRate rate;
    private final String id;
    private volatile long next;
    private long[] rowNumbers = new long[0];

    Partition(DatagenValues values, long first, long stride, long end, RowRate rate) {
      this.values = values;
      this.stride = stride;
      this.end = end;
      this.rate = rate;
      this.id = "datagen [" + first + " mod " + stride + "]";
      this.next = first;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Batch read(int maxRows) {
      long n = next;
      if (n >= end || maxRows <= 0) {
        return Batch.empty(values.schema());
      }
      long remaining = (end - n + stride - 1) / stride;
      int limit = (int) Math.min(Math.min(maxRows, MAX_ROWS_PER_READ), remaining);
      limit = rate.takeOrWait(limit);
      if (rowNumbers.length < limit) {
        rowNumbers = new long[limit];
      }
      for (int i = 0; i < limit; i++) {
        rowNumbers[i] = n;
        n += stride;
      }
      next = limit == remaining ? end : n;
      return values.generate(rowNumbers, limit);
    }

    @Override
    public boolean exhausted() {
      return next >= end;
    }
  }
}
