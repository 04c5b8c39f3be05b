package io.rivulet.shell;

import io.rivulet.engine.Engine;
import io.rivulet.shell.interactive.ConsoleOutput;
import io.rivulet.shell.interactive.InteractiveShell;
import io.rivulet.shell.interactive.WarmUp;
import io.rivulet.shell.script.Variables;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The run the {@code rivulet} launcher records a class-data-sharing archive from
 * ({@code -XX:ArchiveClassesAtExit}): it loads what start-up and a first query load — a batch
 * {@code SELECT 1}, the interactive shell on an in-memory terminal, and the planner's warm-up —
 * so that later runs map those classes from the archive instead of loading them one by one.
 */
final class CdsTraining {
  private static final String SESSION = "SELECT 1;\nHELP\nSELECT a FROM (VALUES (1), (2)) AS t(a) WHERE a > 1;\nQUIT\n";

  /** Classes a real terminal loads that the training run, which has none, would not. */
  private static final String[] TERMINAL_CLASSES = {
    "org.jline.terminal.impl.PosixSysTerminal",
    "org.jline.terminal.impl.AbstractPosixTerminal",
    "org.jline.terminal.impl.jni.linux.LinuxNativePty",
    "org.jline.terminal.impl.jni.JniNativePty",
    "org.jline.terminal.impl.AbstractPty",
    "org.jline.nativ.CLibrary$Termios",
    "org.jline.nativ.CLibrary$WinSize",
    "org.jline.utils.Signals",
    "org.jline.utils.ShutdownHooks",
  };

  private CdsTraining() {}

  static int run() throws IOException, InterruptedException {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    WarmUp warmUp = new WarmUp().start();
    InputStream noInput = new ByteArrayInputStream(new byte[0]);
    Main.run(new String[] {"-e", "SELECT 1;"}, noInput, nowhere, nowhere);
    // Without a terminal this falls back to a dumb one, but loads the system terminal's classes.
    try (Terminal system = TerminalBuilder.builder().system(true).dumb(true).providers("jni,exec").build()) {
      system.getSize();
    }
    for (String name : TERMINAL_CLASSES) {
      try {
        Class.forName(name, false, CdsTraining.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        // another jline version: the archive is only a little less complete
      }
    }
    try (Terminal terminal = new ExternalTerminal("training", "xterm-256color",
        new ByteArrayInputStream(SESSION.getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream(),
        StandardCharsets.UTF_8)) {
      terminal.setSize(new Size(120, 40));
      ConsoleOutput console = new ConsoleOutput(terminal);
      Engine engine = new Engine(new PrintStream(console, true, StandardCharsets.UTF_8));
      new InteractiveShell(terminal, engine.newSession(), Variables.none(), console, null, warmUp).run();
    }
    warmUp.await(Duration.ofMinutes(2));
    return 0;
  }
}
