package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;

/**
 * The running state of one partition of a {@link WindowAggregateFactory}: the aggregates of every
 * open window per group key, in hash tables of group keys ({@link
 * io.rivulet.runtime.operator.hash.GroupTable}) with primitive accumulators, so that closing a
 * window drops its state at once.
 *
 * <p>{@link #process} places each row in its windows: for TUMBLE and HOP the windows containing
 * its time that are still open; for SESSION a new session {@code [time, time + gap)} merged with
 * every open session of its key that it intersects, accumulators included. A row is late when
 * every window it belongs to has closed: for TUMBLE and HOP when its last window ends at or before
 * the watermark, for SESSION when {@code time + gap} does; it is then dropped and counted ({@link
 * LatePolicy#DROP}) or fails the query ({@link LatePolicy#FAIL}). A row of a HOP that belongs to
 * closed and open windows goes into the open ones and is not late. A row whose time is null
 * belongs to no window and is skipped without being counted, as is a HOP row falling between
 * windows when the slide exceeds the size.
 *
 * <p>Sessions that only touch ({@code [0, 10)} and {@code [10, 20)}) stay apart: the first fires
 * once the watermark reaches 10, so merging them would make the result depend on when the second
 * row came. A SESSION row behind the watermark (later than the declared delay) but not late opens
 * a session of its own even where it would have joined one that already fired, as in Flink; rows
 * within the delay never meet a fired session, so their result does not depend on the batches.
 *
 * <p>{@link #endBatch} closes every window whose end is at or before the watermark, in order of
 * window end, then start, then key, and drops its state. With {@link EmitMode#ON_CLOSE} it emits
 * one {@code +I} row per closed window. With {@link EmitMode#EVERY_BATCH} it emits, in this order:
 * {@code -D} for each session merged away since the last batch whose row had been emitted; for
 * each closing window its result if that differs from the last one emitted; for each open window
 * changed in this batch its current result. A result is {@code +I} the first time, {@code
 * -U}/{@code +U} when its aggregates change, and {@code -D}/{@code +I} when a session's bounds
 * change. Each call emits at most one batch, and none when there is nothing to say.
 *
 * <p>Because the watermark only advances and a closed window is never opened again, each window
 * fires exactly once. The watermark this instance uses is the greatest it was given, so a
 * watermark that went back would not reopen anything.
 *
 * <p>How the state is laid out depends on the window: TUMBLE windows, and HOP windows emitted
 * every batch, keep a table per window ({@link AlignedWindows}); HOP windows emitted on close keep
 * a table per pane of {@code gcd(size, slide)} and merge a window's panes when it closes ({@link
 * PanedWindows}), where that gives exactly the same results; sessions keep one table of keys and
 * per key a list of sessions ({@link SessionWindows}).
 */
public final class WindowAggregateOperator implements Operator {
  private final WindowAggregateFactory plan;
  private final int timeColumn;
  private final WindowAggregation state;

  WindowAggregateOperator(WindowAggregateFactory plan) {
    this.plan = plan;
    this.timeColumn = plan.timeColumn();
    WindowSpec window = plan.window();
    if (window instanceof WindowSpec.Tumble tumble) {
      state =
          new AlignedWindows(plan, tumble.sizeMillis(), tumble.sizeMillis(), tumble.offsetMillis());
    } else if (window instanceof WindowSpec.Hop hop) {
      state =
          PanedWindows.suits(plan, hop)
              ? new PanedWindows(plan, hop.sizeMillis(), hop.slideMillis(), hop.offsetMillis())
              : new AlignedWindows(
                  plan, hop.sizeMillis(), hop.slideMillis(), hop.offsetMillis());
    } else {
      state = new SessionWindows(plan, ((WindowSpec.Session) window).gapMillis());
    }
  }

  /** The plan this instance runs. */
  public WindowAggregateFactory plan() {
    return plan;
  }

  /**
   * @throws IllegalStateException when the batch holds a row that is not an insert
   * @throws RivuletException when a row is late and the policy is {@link LatePolicy#FAIL}
   */
  @Override
  public void process(Batch batch, Collector out) {
    if (batch.rowCount() == 0) {
      return;
    }
    checkAppendOnly(batch);
    state.process(batch, (LongVector) batch.column(timeColumn));
  }

  private static void checkAppendOnly(Batch batch) {
    byte[] kinds = batch.kindCodes();
    if (kinds == null) {
      return;
    }
    for (byte kind : kinds) {
      if (kind != RowKind.INSERT.code()) {
        throw new IllegalStateException(
            "a window aggregate takes an append-only input but got a "
                + RowKind.ofCode(kind).shortName()
                + " row; plan it only over streams of inserts");
      }
    }
  }

  @Override
  public void endBatch(long newWatermark, Collector out) {
    state.watermark = Math.max(state.watermark, newWatermark);
    state.emit(out);
  }

  /** Closes every window left, as if the watermark had reached the end of time. */
  @Override
  public void finish(Collector out) {
    state.watermark = Long.MAX_VALUE;
    state.emit(out);
  }

  @Override
  public void close() {
    state.close();
  }

  /** The number of groups held over all open windows, panes or sessions. */
  @Override
  public long stateSize() {
    return state.stateSize();
  }

  @Override
  public long lateRows() {
    return state.lateRows();
  }
}
