package io.rivulet.shell;

import io.rivulet.engine.Engine;
import io.rivulet.engine.Session;
import io.rivulet.shell.interactive.ConsoleOutput;
import io.rivulet.shell.interactive.InteractiveShell;
import io.rivulet.shell.interactive.WarmUp;
import io.rivulet.shell.script.Variables;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code rivulet} command: the interactive shell when started on a terminal without a script,
 * otherwise batch mode, which runs a .sql script (or statements given inline, or standard input)
 * and exits.
 */
@Command(
    name = "rivulet",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Rivulet: continuous SQL over streams, in micro-batches.",
      "Without -f or -e on a terminal, starts the interactive shell."
    })
public final class Main implements Callable<Integer> {
  @Option(names = {"-f", "--file"}, paramLabel = "SCRIPT", description = "Run the statements of a .sql file and exit.")
  Path file;

  @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "Run these statements and exit.")
  String statements;

  @Option(names = {"-i", "--init"}, paramLabel = "SCRIPT",
      description = "Run this .sql file first, before the prompt or the script.")
  Path init;

  @Option(names = "--define", paramLabel = "KEY=VALUE",
      description = "Replace $${KEY} in the statements with VALUE; may be repeated.")
  Map<String, String> defines = new LinkedHashMap<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "How query rows are printed in batch mode: table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--max-batches", paramLabel = "N",
      description = "In batch mode, stop each continuous query after N micro-batches.")
  Long maxBatches;

  @Option(names = "--duration", paramLabel = "TIME", converter = DurationOption.class,
      description = "In batch mode, stop each continuous query after this long, e.g. 30s or 2min.")
  Duration duration;

  @Option(names = "--progress-interval", paramLabel = "MILLIS", defaultValue = "5000",
      description = "In batch mode, print query progress to stderr at most this often; 0 turns it off.")
  long progressInterval;

  @Option(names = "--cds-training", hidden = true,
      description = "Load what start-up loads, then exit: the launcher records a class-data archive from it.")
  boolean cdsTraining;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  Main(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0 && System.console() != null) {
      // The plain `rivulet` on a terminal: straight to the prompt, without the option parser's
      // start-up cost (picocli's classes cannot be class-data shared).
      System.exit(new Main(System.in, System.out, System.err).interactive(Variables.none(), null));
    }
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the command with the given streams; returns its exit code. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine commandLine = new CommandLine(new Main(in, out, err));
    commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    return commandLine.execute(args);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (cdsTraining) {
      return CdsTraining.run();
    }
    if (maxBatches != null && maxBatches < 1) {
      err.println("rivulet: --max-batches must be 1 or more, not " + maxBatches);
      return 2;
    }
    ResultPrinter.Format outputFormat;
    try {
      outputFormat = ResultPrinter.Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("rivulet: --format must be table, csv or json, not '" + format + "'");
      return 2;
    }
    List<ScriptRunner.Script> scripts = new ArrayList<>();
    if (init != null) {
      String text = read(init);
      if (text == null) {
        return 2;
      }
      scripts.add(new ScriptRunner.Script(init.toString(), text));
    }
    Variables variables = new Variables(defines);
    if (file != null) {
      String text = read(file);
      if (text == null) {
        return 2;
      }
      scripts.add(new ScriptRunner.Script(file.toString(), text));
    } else if (statements != null) {
      scripts.add(new ScriptRunner.Script("<command line>", statements));
    } else if (in == System.in && System.console() != null) {
      return interactive(variables, scripts.isEmpty() ? null : scripts.get(0));
    } else {
      scripts.add(new ScriptRunner.Script("<stdin>", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
    Engine engine = new Engine(out);
    ScriptRunner runner = new ScriptRunner(engine.newSession(), new ResultPrinter(out, outputFormat),
        new ProgressReporter(err, progressInterval), err, variables, new QueryLimits(maxBatches == null ? 0 : maxBatches, duration));
    return runner.run(scripts);
  }

  private int interactive(Variables variables, ScriptRunner.Script initScript) throws IOException {
    logToFile();
    WarmUp warmUp = new WarmUp();
    try (Terminal terminal = systemTerminal()) {
      ConsoleOutput console = new ConsoleOutput(terminal);
      Engine engine = new Engine(new PrintStream(console, true, StandardCharsets.UTF_8));
      Session session = engine.newSession();
      Path history = Paths.get(System.getProperty("user.home"), ".rivulet_history");
      InteractiveShell shell = new InteractiveShell(terminal, session, variables, console, history, warmUp);
      if (initScript != null && !shell.runInit(initScript.text(), initScript.name())) {
        engine.close();
        return 1;
      }
      return shell.run();
    }
  }

  /**
   * The terminal Rivulet runs in. Ctrl-C is ignored except while a query streams (the shell then
   * stops the query); the JNI provider is the quickest to start, the exec one the fallback.
   */
  static Terminal systemTerminal() throws IOException {
    return TerminalBuilder.builder()
        .name("rivulet")
        .system(true)
        .providers("jni,exec")
        .nativeSignals(true)
        .signalHandler(Terminal.SignalHandler.SIG_IGN)
        .build();
  }

  /** Log lines would tear the screen: the interactive shell writes them to a file instead. */
  private static void logToFile() {
    String key = "org.slf4j.simpleLogger.logFile";
    if (System.getProperty(key) == null) {
      String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
      System.setProperty(key, Paths.get(System.getProperty("java.io.tmpdir"), "rivulet-shell-" + user + ".log").toString());
    }
  }

  private String read(Path script) throws IOException {
    try {
      return Files.readString(script, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      err.println("rivulet: cannot read " + script + ": no such file");
      return null;
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"rivulet " + (version == null ? "development build" : version)};
    }
  }
}
