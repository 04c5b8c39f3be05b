package io.rivulet.shell.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live area is erased with ANSI cursor movements and drawn again in place. */
class LiveScreenTest {
  private static final String ESC = "\u001b[";
  private StringWriter written;
  private LiveScreen screen;

  @BeforeEach
  void newScreen() {
    written = new StringWriter();
    screen = new LiveScreen(new PrintWriter(written), true, () -> 30);
  }

  private String take() {
    String text = written.toString();
    written.getBuffer().setLength(0);
    return text;
  }

  @Test
  void redrawsATableInPlaceAndPrintsAppendedLinesAboveIt() {
    screen.update(List.of(), List.of("| a | 1 |", "| b | 1 |"), "batch 0");
    assertThat(take()).isEqualTo("| a | 1 |\n| b | 1 |\n" + ESC + "2mbatch 0" + ESC + "0m");

    screen.update(List.of("note"), List.of("| a | 2 |", "| b | 1 |"), "batch 1");
    assertThat(take()).isEqualTo("\r" + ESC + "2A" + ESC + "J" + "note\n| a | 2 |\n| b | 1 |\n"
        + ESC + "2mbatch 1" + ESC + "0m");

    screen.close();
    assertThat(take()).isEqualTo("\n");
  }

  @Test
  void whenOnlyTheStatusChangesOnlyItIsRewritten() {
    screen.update(List.of(), List.of("| a |"), "00:01");
    take();

    screen.update(List.of(), List.of("| a |"), "00:02");

    assertThat(take()).isEqualTo("\r" + ESC + "K" + ESC + "2m00:02" + ESC + "0m");
  }

  @Test
  void liveLinesAreCutToTheWidthOfTheTerminal() {
    screen.update(List.of("an appended line is never cut, the terminal wraps it"), List.of(), "x".repeat(50));

    assertThat(take()).isEqualTo("an appended line is never cut, the terminal wraps it\n"
        + ESC + "2m" + "x".repeat(29) + ESC + "0m");
  }

  @Test
  void aDumbTerminalGetsTheAppendedLinesOnly() {
    LiveScreen dumb = new LiveScreen(new PrintWriter(written), false, () -> 80);

    dumb.update(List.of("row"), List.of("| a |"), "status");
    dumb.close();

    assertThat(take()).isEqualTo("row\n");
  }
}
