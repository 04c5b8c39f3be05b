package io.rivulet.runtime.connector.datagen;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A wall-clock rate limit for a generator partition: from the first read on, at most {@code rate *
 * elapsed seconds} rows in total. Used by one reading thread at a time.
 */
public final class RowRate {
  /** The longest a read waits for its first row to become due. */
  private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final double rowsPerSecond;
  private final LongSupplier nanoTime;
  private long startNanos;
  private boolean started;
  private long granted;

  /** A limit measured by {@link System#nanoTime()}. */
  public RowRate(double rowsPerSecond) {
    this(rowsPerSecond, System::nanoTime);
  }

  /** A limit measured by the given clock, for tests. */
  public RowRate(double rowsPerSecond, LongSupplier nanoTime) {
    if (!(rowsPerSecond > 0)) {
      throw new IllegalArgumentException("a rate must be positive, not " + rowsPerSecond);
    }
    this.rowsPerSecond = rowsPerSecond;
    this.nanoTime = nanoTime;
  }

  /** How many rows, at most {@code max}, are due now. Counts them as read. */
  public int take(int max) {
    long now = nanoTime.getAsLong();
    if (!started) {
      started = true;
      startNanos = now;
    }
    double elapsedSeconds = (now - startNanos) / 1e9;
    long due = (long) Math.floor(elapsedSeconds * rowsPerSecond) + 1 - granted;
    int taken = (int) Math.max(0, Math.min(max, due));
    granted += taken;
    return taken;
  }

  /** Gives back rows taken but not read (the input ended first). */
  public void giveBack(int rows) {
    granted -= rows;
  }

  /**
   * Like {@link #take}, but when no row is due waits (at most 50 ms) for the next one rather than
   * returning 0 at once, so that a caller polling in a loop does not spin.
   */
  public int takeOrWait(int max) {
    int taken = take(max);
    if (taken == 0 && max > 0) {
      double nextDueSeconds = (granted) / rowsPerSecond;
      long waitNanos =
          (long) (nextDueSeconds * 1e9) - (nanoTime.getAsLong() - startNanos);
      LockSupport.parkNanos(Math.max(0, Math.min(MAX_WAIT_NANOS, waitNanos)));
      taken = take(max);
    }
    return taken;
  }
}
