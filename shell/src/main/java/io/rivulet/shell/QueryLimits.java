package io.rivulet.shell;

import io.rivulet.engine.QueryHandle;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends continuous queries in batch mode: {@code --max-batches N} stops a query after its N-th
 * micro-batch, {@code --duration D} once it has run for D. A query stopped this way ends normally,
 * with the rows of the batches it ran.
 */
final class QueryLimits implements AutoCloseable {
  private final long maxBatches;
  private final Duration duration;
  private ScheduledExecutorService timer;

  /** @param maxBatches 0 for no limit; @param duration null for no limit */
  QueryLimits(long maxBatches, Duration duration) {
    this.maxBatches = maxBatches;
    this.duration = duration;
  }

  static QueryLimits none() {
    return new QueryLimits(0, null);
  }

  /** Puts the limits on a query that has just started. */
  synchronized void apply(QueryHandle query) {
    if (maxBatches > 0) {
      query.onProgress(progress -> {
        if (progress.batchId() + 1 >= maxBatches) {
          query.stop();
        }
      });
      // Batches that ran before the listener was added count too.
      if (query.lastProgress().map(p -> p.batchId() + 1 >= maxBatches).orElse(false)) {
        query.stop();
      }
    }
    if (duration != null) {
      if (timer == null) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "rivulet-query-limits");
          thread.setDaemon(true);
          return thread;
        });
      }
      timer.schedule(query::stop, duration.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
