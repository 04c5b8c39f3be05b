package io.rivulet.shell.view;

import io.rivulet.engine.ResultBatch;
import io.rivulet.runtime.exec.Progress;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Shows a running SELECT: its rows as a {@link ResultView} lays them out, and under them a
 * {@link StatusLine}, kept up to date on a {@link LiveScreen}. Batches, progress and clock ticks
 * arrive on different threads; every call is serialised here.
 */
public final class StreamingDisplay {
  private final LiveScreen screen;
  private final ResultView view;
  private final StatusLine status;
  private final IntSupplier height;
  private boolean finished;

  /** @param height the terminal's height in rows, which bounds a live table */
  public StreamingDisplay(LiveScreen screen, ResultView view, StatusLine status, IntSupplier height) {
    this.screen = screen;
    this.view = view;
    this.status = status;
    this.height = height;
  }

  /** Shows the status line before any row has come. */
  public synchronized void start() {
    redraw(List.of());
  }

  public synchronized void batch(ResultBatch batch) {
    List<String> appended = view.append(batch);
    if (!screen.redraws() && view instanceof TableView) {
      appended = view.live(Integer.MAX_VALUE);
    }
    redraw(appended);
  }

  public synchronized void progress(Progress progress) {
    status.progress(progress);
    redraw(List.of());
  }

  /** Redraws the status line, whose elapsed time moves on. */
  public synchronized void tick() {
    redraw(List.of());
  }

  /** Ends the display: the last state of the result stays on the screen, the status line goes. */
  public synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    screen.update(view.finish(), view.live(liveHeight()), null);
    screen.close();
  }

  public long rows() {
    return view.rows();
  }

  private void redraw(List<String> appended) {
    if (finished) {
      return;
    }
    screen.update(appended, view.live(liveHeight()), status.text());
  }

  private int liveHeight() {
    // Keep a row for the status line and one for the prompt that follows.
    return Math.max(6, height.getAsInt() - 2);
  }
}
