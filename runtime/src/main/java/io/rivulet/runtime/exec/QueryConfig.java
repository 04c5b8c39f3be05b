package io.rivulet.runtime.exec;

import java.io.PrintStream;
import java.time.Duration;

/**
 * How a query runs.
 *
 * @param parallelism worker threads, and partitions of stages after an exchange
 * @param batchInterval how often a micro-batch starts when sources have no backlog
 * @param maxRowsPerBatch the most rows read from one source per micro-batch, over all its partitions
 * @param console where console sinks print
 * @param idleTimeout after how long without rows a source partition stops holding the watermark
 *     back ({@code Duration.ZERO}: never)
 */
public record QueryConfig(
    int parallelism,
    Duration batchInterval,
    int maxRowsPerBatch,
    PrintStream console,
    Duration idleTimeout) {

  public QueryConfig(int parallelism, Duration batchInterval, int maxRowsPerBatch, PrintStream console) {
    this(parallelism, batchInterval, maxRowsPerBatch, console, Duration.ZERO);
  }

  public QueryConfig {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
    }
    if (maxRowsPerBatch < 1) {
      throw new IllegalArgumentException("batch.max-rows must be at least 1, not " + maxRowsPerBatch);
    }
  }

  public static QueryConfig defaults() {
    return new QueryConfig(
        Runtime.getRuntime().availableProcessors(),
        Duration.ofSeconds(1),
        65_536,
        System.out);
  }
}
