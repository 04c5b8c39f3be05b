package io.rivulet.runtime.connector;

import java.util.List;

/**
 * A source of rows for one running query, split into partitions that are read in parallel.
 *
 * <p>The scheduler calls {@link #partitions()} on its own thread at the start of every
 * micro-batch, then reads each partition on a worker thread. A partition is read by one thread at
 * a time.
 */
public interface Source extends AutoCloseable {
  /**
   * The partitions to read in the next micro-batch; a source may add partitions over time (new
   * files in a directory), but keeps returning the ones it returned before until they are
   * exhausted.
   */
  List<SourcePartition> partitions();

  /** Whether the source ends by itself: once all its partitions are exhausted it has no more. */
  boolean bounded();

  /**
   * How many malformed rows the source skipped so far, those of partitions it no longer returns
   * included.
   */
  default long skippedRows() {
    long skipped = 0;
    for (SourcePartition partition : partitions()) {
      skipped += partition.skippedRows();
    }
    return skipped;
  }

  @Override
  default void close() {}
}
