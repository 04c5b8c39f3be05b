package io.rivulet.shell.view;

import io.rivulet.engine.Session;
import io.rivulet.runtime.exec.Progress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The line under a running query's rows: its id, the last batch, the input rate over the last few
 * seconds, the watermark and the time since it started.
 *
 * <pre>q3  batch 12  1,250 rows/s  watermark 2024-05-01 10:00:05.000  00:01:05  Ctrl-C stops</pre>
 */
public final class StatusLine {
  private static final long RATE_WINDOW_MILLIS = 5_000;

  private final String queryId;
  private final LongSupplier clock;
  private final long started;
  private final Deque<long[]> recentInput = new ArrayDeque<>();
  private Progress last;
  private long inputRows;

  /** A status line for a query started now; {@code clock} gives milliseconds. */
  public StatusLine(String queryId, LongSupplier clock) {
    this.queryId = queryId;
    this.clock = clock;
    this.started = clock.getAsLong();
  }

  /** Takes in the progress of one batch; may be called from the query's thread. */
  public synchronized void progress(Progress progress) {
    long now = clock.getAsLong();
    last = progress;
    inputRows += progress.inputRows();
    recentInput.addLast(new long[] {now, progress.inputRows()});
  }

  /** The line as of now. */
  public synchronized String text() {
    long now = clock.getAsLong();
    while (!recentInput.isEmpty() && recentInput.peekFirst()[0] <= now - RATE_WINDOW_MILLIS) {
      recentInput.removeFirst();
    }
    StringBuilder line = new StringBuilder(queryId).append("  ");
    if (last == null) {
      line.append("waiting for the first batch");
    } else {
      long recent = 0;
      for (long[] entry : recentInput) {
        recent += entry[1];
      }
      long window = Math.max(1_000, Math.min(RATE_WINDOW_MILLIS, now - started));
      line.append("batch ").append(last.batchId())
          .append(String.format(Locale.ROOT, "  %,d rows in  %,.0f rows/s", inputRows, recent * 1000.0 / window))
          .append("  watermark ").append(Session.formatWatermark(last.watermark()));
    }
    return line.append("  ").append(elapsed(now - started)).append("  Ctrl-C stops").toString();
  }

  static String elapsed(long millis) {
    long seconds = millis / 1000;
    return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
