package io.rivulet.bench.checksum;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Sink;
import java.util.concurrent.atomic.LongAdder;

/**
 * A sink that discards rows and sums their hashes (see {@link RowHasher}). Writes may come from
 * several worker threads at once.
 */
public final class ChecksumSink implements Sink {
  private final LongAdder hashSum = new LongAdder();
  private final LongAdder rows = new LongAdder();
  private final LongAdder rowsWritten = new LongAdder();

  @Override
  public void write(long batchId, int partition, Batch batch) {
    long[] sumAndCount = RowHasher.sumAndCount(batch);
    hashSum.add(sumAndCount[0]);
    rows.add(sumAndCount[1]);
    rowsWritten.add(batch.rowCount());
  }

  @Override
  public void commit(long batchId) {}

  /** The checksum of the result so far: the sum of its row hashes. */
  public long checksum() {
    return hashSum.sum();
  }

  /** The rows of the result so far: inserts less retractions. */
  public long resultRows() {
    return rows.sum();
  }

  /** Every row written, retractions included. */
  public long rowsWritten() {
    return rowsWritten.sum();
  }
}
