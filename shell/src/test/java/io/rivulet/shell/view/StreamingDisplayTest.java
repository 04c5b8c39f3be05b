package io.rivulet.shell.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A running query on the screen: rows, the status line under them, the end. */
class StreamingDisplayTest {
  private static final String ESC = "\u001b[";
  private final StringWriter written = new StringWriter();
  private long now = 0;

  private StreamingDisplay display(ResultView view) {
    LiveScreen screen = new LiveScreen(new PrintWriter(written), true, () -> 80);
    return new StreamingDisplay(screen, view, new StatusLine("q7", () -> now), () -> 24);
  }

  private String take() {
    String text = written.toString();
    written.getBuffer().setLength(0);
    return text;
  }

  @Test
  void tableModeRedrawsTheTableAndLeavesItsLastStateWithoutTheStatusLine() {
    StreamingDisplay display = display(new TableView(Changes.COUNTS));
    display.start();
    // The empty table and the status line under it.
    assertThat(take()).startsWith("+----").contains("| channel              |                    n |\n")
        .endsWith(ESC + "2mq7  waiting for the first batch  00:00:00  Ctrl-C stops" + ESC + "0m");

    display.batch(Changes.of(0).add("+I", "web", 1L).batch());
    String first = take();
    assertThat(first).startsWith("\r" + ESC + "4A" + ESC + "J+----")
        .contains("| web                  |                    1 |\n");

    display.batch(Changes.of(1).add("-U", "web", 1L).add("+U", "web", 2L).batch());
    String second = take();
    // Up over the five lines of the table to its top, then the new state.
    assertThat(second).startsWith("\r" + ESC + "5A" + ESC + "J+----")
        .contains("| web                  |                    2 |\n")
        .doesNotContain("|                    1 |");

    display.finish();
    assertThat(take()).startsWith("\r" + ESC + "5A" + ESC + "J+----")
        .endsWith("+----------------------+----------------------+\n")
        .doesNotContain("Ctrl-C stops");
    assertThat(display.rows()).isEqualTo(1);
  }

  @Test
  void tableauModePrintsBatchesAboveTheStatusLineAndErasesItAtTheEnd() {
    StreamingDisplay display = display(new TableauView(Changes.COUNTS, false));
    display.start();
    take();

    display.batch(Changes.of(0).add("+I", "web", 1L).batch());
    assertThat(take()).startsWith("\r" + ESC + "JBatch 0 (1 row)\n+---")
        .endsWith(ESC + "2mq7  waiting for the first batch  00:00:00  Ctrl-C stops" + ESC + "0m");

    now = 3_000;
    display.tick();
    assertThat(take()).isEqualTo("\r" + ESC + "K" + ESC + "2mq7  waiting for the first batch  00:00:03  Ctrl-C stops"
        + ESC + "0m");

    display.finish();
    assertThat(take()).isEqualTo("\r" + ESC + "J");
  }
}
