package io.rivulet.shell;

import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.Session;
import io.rivulet.runtime.exec.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a progress line for long-running queries (batch, rows/s, watermark) at most every few
 * seconds, so a person can see a job move; short jobs print nothing.
 */
final class ProgressReporter {
  private final PrintStream err;
  private final long intervalMillis;

  ProgressReporter(PrintStream err, long intervalMillis) {
    this.err = err;
    this.intervalMillis = intervalMillis;
  }

  void watch(QueryHandle query) {
    if (intervalMillis <= 0) {
      return;
    }
    long started = System.currentTimeMillis();
    long[] lastPrinted = {started};
    long[] totalRows = {0};
    query.onProgress(
        progress -> {
          totalRows[0] += progress.inputRows();
          long now = System.currentTimeMillis();
          if (now - lastPrinted[0] >= intervalMillis) {
            lastPrinted[0] = now;
            err.println(line(query.id(), progress, totalRows[0], now - started));
            err.flush();
          }
        });
  }

  static String line(String queryId, Progress progress, long totalRows, long elapsedMillis) {
    return String.format(
        Locale.ROOT,
        "[%s] batch %d | %,d rows in | %,.0f rows/s | watermark %s | state %,d | elapsed %.1f s",
        queryId,
        progress.batchId(),
        totalRows,
        progress.inputRowsPerSecond(),
        Session.formatWatermark(progress.watermark()),
        progress.stateSize(),
        elapsedMillis / 1000.0);
  }
}
