package io.rivulet.runtime.connector;

import io.rivulet.runtime.batch.Batch;

/** One independently readable part of a source: a file split, a socket, a generator range. */
public interface SourcePartition {
  /** A stable, readable id, e.g. {@code data/words/a.txt[0..1048576)}. */
  String id();

  /**
   * Reads the next rows that are available now, at most {@code maxRows}; returns an empty batch
   * when nothing is available yet. Malformed rows either fail the read with a {@link
   * io.rivulet.runtime.RivuletException} of category INPUT naming the file and line, or are
   * skipped and counted, as the source's {@code on-error} option says.
   */
  Batch read(int maxRows);

  /**
   * The most rows one {@link #read} returns however many are asked for; a read that returns this
   * many (or as many as asked) means more rows are ready now, so the next micro-batch starts at
   * once instead of waiting for the batch interval.
   */
  default int maxRowsPerRead() {
    return Integer.MAX_VALUE;
  }

  /** Whether this partition will never return rows again. */
  boolean exhausted();

  /** How many malformed rows this partition skipped so far. */
  default long skippedRows() {
    return 0;
  }
}
