package io.rivulet.runtime.connector;

import io.rivulet.runtime.batch.Batch;

/**
 * Where a query's result goes. Output becomes visible per micro-batch and atomically: a batch's
 * partitions are written (concurrently, from worker threads), then committed once.
 */
public interface Sink extends AutoCloseable {
  /**
   * Writes one partition's output of micro-batch {@code batchId}; may be called several times for
   * the same batch and partition. For a changelog sink the rows carry their {@link
   * io.rivulet.runtime.batch.RowKind}.
   */
  void write(long batchId, int partition, Batch batch);

  /** Makes everything written for {@code batchId} visible; called once, after all writes. */
  void commit(long batchId);

  @Override
  default void close() {}
}
