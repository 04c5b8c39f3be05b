package io.rivulet.shell.view;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A terminal screen with a live area at its bottom: lines printed above it scroll away as usual,
 * while the live area (a status line, a table) is erased and drawn again in place with ANSI cursor
 * movements. The cursor stays at the end of the live area's last line, so nothing else may print
 * until {@link #close()}. On a terminal that cannot move its cursor, live areas are not drawn.
 */
public final class LiveScreen {
  private static final String ESC = "\u001b[";

  private final PrintWriter out;
  private final boolean ansi;
  private final IntSupplier width;
  private int liveLines;
  private List<String> shownLive = List.of();
  private boolean statusShown;

  /**
   * @param ansi whether the terminal understands ANSI cursor movement and colours
   * @param width the terminal's width in columns; live lines are cut to fit, since a wrapped line
   *     would take two rows and the redraw would miss one
   */
  public LiveScreen(PrintWriter out, boolean ansi, IntSupplier width) {
    this.out = out;
    this.ansi = ansi;
    this.width = width;
  }

  public boolean redraws() {
    return ansi;
  }

  /**
   * Erases the live area, prints {@code appended} above it, and draws {@code live} then the
   * {@code status} line (dimmed) as the new live area.
   */
  public synchronized void update(List<String> appended, List<String> live, String status) {
    StringBuilder text = new StringBuilder();
    if (ansi && appended.isEmpty() && statusShown && status != null && live.equals(shownLive)) {
      // Only the status line changed: rewrite it alone rather than the whole live area.
      text.append('\r').append(ESC).append('K');
      appendStatus(text, status);
      out.print(text);
      out.flush();
      return;
    }
    erase(text);
    for (String line : appended) {
      text.append(line).append('\n');
    }
    if (ansi) {
      int columns = Math.max(10, width.getAsInt()) - 1;
      for (String line : live) {
        text.append(cut(line, columns)).append('\n');
      }
      if (status != null) {
        appendStatus(text, status);
        liveLines = live.size() + 1;
      } else if (!live.isEmpty()) {
        text.setLength(text.length() - 1);
        liveLines = live.size();
      }
      shownLive = List.copyOf(live);
      statusShown = status != null;
    }
    out.print(text);
    out.flush();
  }

  /** Leaves the live area on the screen as it is and moves below it. */
  public synchronized void close() {
    if (liveLines > 0) {
      out.print('\n');
      liveLines = 0;
    }
    shownLive = List.of();
    statusShown = false;
    out.flush();
  }

  private void appendStatus(StringBuilder text, String status) {
    int columns = Math.max(10, width.getAsInt()) - 1;
    text.append(ESC).append("2m").append(cut(status, columns)).append(ESC).append("0m");
  }

  private void erase(StringBuilder text) {
    if (liveLines == 0) {
      return;
    }
    text.append('\r');
    if (liveLines > 1) {
      text.append(ESC).append(liveLines - 1).append('A');
    }
    text.append(ESC).append('J');
    liveLines = 0;
    shownLive = List.of();
    statusShown = false;
  }

  private static String cut(String line, int columns) {
    if (line.codePointCount(0, line.length()) <= columns) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, columns));
  }
}
