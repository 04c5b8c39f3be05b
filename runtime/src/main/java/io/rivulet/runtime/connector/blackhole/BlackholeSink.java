package io.rivulet.runtime.connector.blackhole;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Sink;
import java.util.concurrent.atomic.LongAdder;

/** A sink that discards every row it is given and counts them. */
public final class BlackholeSink implements Sink {
  private final LongAdder rows = new LongAdder();

  @Override
  public void write(long batchId, int partition, Batch batch) {
    rows.add(batch.rowCount());
  }

  @Override
  public void commit(long batchId) {}

  /** How many rows were written so far, committed or not. */
  public long rowCount() {
    return rows.sum();
  }
}
