package io.rivulet.shell;

import io.rivulet.engine.Engine;
import io.rivulet.engine.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code rivulet} command: runs a .sql script (batch mode) or statements given inline. */
@Command(
    name = "rivulet",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Rivulet: continuous SQL over streams, in micro-batches.")
public final class Main implements Callable<Integer> {
  @Option(names = {"-f", "--file"}, paramLabel = "SCRIPT", description = "Run the statements of a .sql file and exit.")
  Path file;

  @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "Run these statements and exit.")
  String statements;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "How query rows are printed: table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--progress-interval", paramLabel = "MILLIS", defaultValue = "5000",
      description = "Print query progress to stderr at most this often; 0 turns it off.")
  long progressInterval;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  Main(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
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
  public Integer call() throws IOException {
    ResultPrinter.Format outputFormat;
    try {
      outputFormat = ResultPrinter.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("rivulet: --format must be table, csv or json, not '" + format + "'");
      return 2;
    }
    String script;
    String name;
    if (file != null) {
      try {
        script = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        err.println("rivulet: cannot read " + file + ": no such file");
        return 2;
      }
      name = file.toString();
    } else if (statements != null) {
      script = statements;
      name = "<command line>";
    } else {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      name = "<stdin>";
    }
    Engine engine = new Engine(out);
    Session session = engine.newSession();
    ScriptRunner runner = new ScriptRunner(
        session, new ResultPrinter(out, outputFormat), new ProgressReporter(err, progressInterval), err, name);
    return runner.run(script);
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
