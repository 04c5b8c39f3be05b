package io.rivulet.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real shell in a real terminal: tmux runs {@code io.rivulet.shell.Main} in a pane, the test
 * types into it and reads the screen back. Skipped where tmux is not installed.
 */
class TerminalSessionTest {
  private static final Duration PATIENCE = Duration.ofSeconds(40);

  @TempDir Path dir;
  private boolean started;

  @BeforeEach
  void needsTmux() {
    Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed");
  }

  @AfterEach
  void stopTmux() throws Exception {
    if (started) {
      tmux("kill-server");
    }
  }

  @Test
  void typeCompleteStreamStopAndLeave() throws Exception {
    Path bids = Files.createDirectories(dir.resolve("bids"));
    Files.writeString(bids.resolve("a.csv"), "1,100,web\n2,250,app\n3,300,web\n", StandardCharsets.UTF_8);
    startShell();

    awaitScreen("the prompt", screen -> screen.contains("rivulet> "));
    assertThat(screen()).as("a real terminal, and no log lines on it").doesNotContain("WARN").doesNotContain("dumb");
    type("CREATE STREAM bids (auction BIGINT, price BIGINT,");
    awaitScreen("the continuation prompt", screen -> screen.contains("    ...> "));
    type("  channel VARCHAR) WITH ('connector' = 'file', 'path' = '" + bids + "', 'format' = 'csv');");
    awaitScreen("the stream created", screen -> screen.contains("stream 'bids' created"));

    keys("-l", "SELECT channel, COUNT(*) AS n FROM bi");
    keys("Tab");
    awaitScreen("the stream name completed", screen -> screen.contains("AS n FROM bids "));
    type("GROUP BY channel;");
    awaitScreen("the first batch", screen -> screen.contains("| +I | web ") && screen.contains("Ctrl-C stops"));
    assertThat(screen()).containsPattern("\\| \\+I \\| web +\\| +2 \\|").containsPattern("q1  batch 0 ");

    Files.writeString(bids.resolve("b.csv"), "4,400,app\n", StandardCharsets.UTF_8);
    awaitScreen("a second batch while the query runs", screen -> screen.contains("| +U | app "));
    assertThat(screen()).containsPattern("\\| \\+U \\| app +\\| +2 \\|");

    keys("C-c");
    awaitScreen("the query stopped and the prompt back",
        screen -> screen.contains("query q1 stopped") && screen.trim().endsWith("rivulet>"));

    keys("C-d");
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (tmux("has-session", "-t", "shell") == 0) {
      if (System.nanoTime() > deadline) {
        fail("the shell did not leave on Ctrl-D; the screen shows:\n" + screen());
      }
      Thread.sleep(100);
    }
    assertThat(Files.readString(dir.resolve(".rivulet_history"), StandardCharsets.UTF_8))
        .contains("GROUP BY channel;");
  }

  private void startShell() throws IOException, InterruptedException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Path launcher = dir.resolve("shell.sh");
    Files.writeString(launcher, String.join(" ",
        "exec", quote(java.toString()), "-XX:TieredStopAtLevel=1",
        quote("-Duser.home=" + dir), quote("-Dorg.slf4j.simpleLogger.logFile=" + dir.resolve("shell.log")),
        "-cp", quote(classpath), "io.rivulet.shell.Main") + "\n", StandardCharsets.UTF_8);
    int code = tmux("new-session", "-d", "-x", "200", "-y", "50", "-s", "shell", "sh " + quote(launcher.toString()));
    started = true;
    assertThat(code).as("tmux new-session").isZero();
  }

  /** Types a line and presses Enter. */
  private void type(String line) throws IOException, InterruptedException {
    keys("-l", line);
    keys("Enter");
  }

  private void keys(String... keys) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("send-keys", "-t", "shell"));
    for (String key : keys) {
      // tmux reads an argument ending in ';' as the end of a command.
      command.add(key.endsWith(";") ? key.substring(0, key.length() - 1) + "\\;" : key);
    }
    assertThat(tmux(command.toArray(String[]::new))).as("tmux send-keys").isZero();
  }

  private void awaitScreen(String what, Predicate<String> condition) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String screen = screen();
    while (!condition.test(screen)) {
      if (System.nanoTime() > deadline) {
        fail("waited " + PATIENCE.toSeconds() + " s for " + what + "; the screen shows:\n" + screen);
      }
      Thread.sleep(100);
      screen = screen();
    }
  }

  private String screen() throws IOException, InterruptedException {
    Process capture = new ProcessBuilder("tmux", "-S", socket(), "capture-pane", "-p", "-J", "-t", "shell")
        .redirectErrorStream(true).start();
    String text = new String(capture.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    capture.waitFor(10, TimeUnit.SECONDS);
    return text;
  }

  private int tmux(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-S", socket()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  /** A tmux server of this test's own, whose socket goes with the temporary directory. */
  private String socket() {
    return dir.resolve("tmux.socket").toString();
  }

  private static boolean tmuxInstalled() {
    try {
      Process process = new ProcessBuilder("tmux", "-V").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
