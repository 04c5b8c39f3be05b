package io.rivulet.shell.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.engine.Engine;
import io.rivulet.shell.script.Variables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's conversation, typed on an in-memory terminal: what each statement prints. */
class InteractiveShellTest {
  @TempDir Path dir;
  private String createBids;

  @BeforeEach
  void writeInput() throws IOException {
    Path data = Files.createDirectories(dir.resolve("bids"));
    Files.writeString(data.resolve("a.csv"), "1,100,web\n2,250,app\n3,300,web\n", StandardCharsets.UTF_8);
    createBids = "CREATE STREAM bids (auction BIGINT, price BIGINT,\n  channel VARCHAR)\n"
        + "WITH ('connector' = 'file', 'path' = '" + data.toString().replace('\\', '/')
        + "', 'format' = 'csv', 'mode' = '${mode}');\n";
  }

  /** Types {@code input}, then QUIT, into a new shell and returns everything the screen showed. */
  private String session(String input) throws IOException {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    // The keyboard stays open, as a real one does; QUIT ends the session.
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream keys = new PipedInputStream(keyboard, 1 << 16);
    // An external terminal writes the screen on this thread, so nothing is left unwritten at the end.
    try (Terminal terminal = new ExternalTerminal("test", Terminal.TYPE_DUMB, keys, screen, StandardCharsets.UTF_8)) {
      // The line reader shows what is typed; the terminal itself must not echo it as well.
      Attributes attributes = terminal.getAttributes();
      attributes.setLocalFlag(Attributes.LocalFlag.ECHO, false);
      terminal.setAttributes(attributes);
      keyboard.write((input + "QUIT\n").getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      ConsoleOutput console = new ConsoleOutput(terminal);
      Engine engine = new Engine(new PrintStream(console, true, StandardCharsets.UTF_8));
      InteractiveShell shell = new InteractiveShell(terminal, engine.newSession(),
          new Variables(Map.of("mode", "bounded")), console, dir.resolve("history"), new WarmUp());
      assertThat(shell.run()).isZero();
    }
    return screen.toString(StandardCharsets.UTF_8).replace("\r", "");
  }

  @Test
  void runsAMultiLineStatementThenStreamsAQueryToItsEnd() throws IOException {
    String screen = session(createBids + "SELECT channel, COUNT(*) AS n\nFROM bids GROUP BY channel;\n");

    assertThat(screen)
        .contains("rivulet> CREATE STREAM bids (auction BIGINT, price BIGINT,\n    ...>   channel VARCHAR)\n    ...> WITH (")
        .contains("stream 'bids' created\nrivulet> SELECT channel, COUNT(*) AS n\n    ...> FROM bids GROUP BY channel;\n")
        .contains("| op | channel              |                    n |")
        .containsPattern("\\| \\+I \\| web +\\| +2 \\|")
        .containsPattern("query q1 finished \\(2 rows\\)");
    assertThat(Files.readString(dir.resolve("history"), StandardCharsets.UTF_8))
        .contains("SELECT channel, COUNT(*) AS n\\nFROM bids GROUP BY channel;");
  }

  @Test
  void showsAnErrorWithACaretAndCarriesOn() throws IOException {
    String screen = session(createBids + "SELECT auction,\n       prize FROM bids;\nSHOW STREAMS;\n");

    assertThat(screen).contains("""
        validation error at line 2, column 8: Column 'prize' not found in any table
          2 |        prize FROM bids;
            |        ^^^^^
        """)
        .doesNotContain("\tat ")
        .contains("| bids |\n+------+\n1 row");
  }

  @Test
  void helpListsEveryStatementWithAnExample() throws IOException {
    String screen = session("help\n");

    for (Help.Entry entry : Help.STATEMENTS) {
      assertThat(screen).contains(entry.form()).contains(entry.example().split("\n")[0]);
    }
  }

  @Test
  void insertRunsInTheBackgroundUntilStopped() throws IOException {
    String continuous = createBids.replace("${mode}", "continuous");
    Path out = dir.resolve("out");
    String screen = session(continuous
        + "CREATE STREAM copies (auction BIGINT) WITH ('connector' = 'file', 'path' = '"
        + out.toString().replace('\\', '/') + "', 'format' = 'csv');\n"
        + "INSERT INTO copies SELECT auction FROM bids;\n"
        + "SHOW QUERIES;\n"
        + "STOP QUERY q1;\n"
        + "STOP QUERY q9;\n");

    assertThat(screen)
        .contains("query q1 started in the background; SHOW QUERIES lists it, STOP QUERY q1 ends it")
        .containsPattern("\\| q1 +\\| RUNNING +\\|")
        .contains("query q1 stopped")
        .contains("validation error at line 1, column 1: no query with id 'q9'; SHOW QUERIES lists them");
  }

  @Test
  void settingsChangeHowResultsAreShown() throws IOException {
    String screen = session(createBids + "SET 'result.mode' = 'changelog';\nSELECT auction FROM bids WHERE price > 200;\n"
        + "SET 'verbose' = 'true';\nSELECT nope FROM bids;\n");

    assertThat(screen)
        .contains("| op |              auction |\n+----+----------------------+\n| +I |                    2 |\n"
            + "| +I |                    3 |\n+----+----------------------+\n")
        .contains("Column 'nope' not found")
        .contains("\tat ");
  }
}
