package io.rivulet.shell.interactive;

import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.ResultBatch;
import io.rivulet.engine.ResultStream;
import io.rivulet.engine.Session;
import io.rivulet.engine.StatementResult;
import io.rivulet.parser.Statement;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.exec.QueryStatus;
import io.rivulet.runtime.format.TableRenderer;
import io.rivulet.shell.script.ErrorReport;
import io.rivulet.shell.script.Variables;
import io.rivulet.shell.view.LiveScreen;
import io.rivulet.shell.view.ResultView;
import io.rivulet.shell.view.StatusLine;
import io.rivulet.shell.view.StreamingDisplay;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive shell: reads statements at a prompt (continued over lines until ';', with
 * history, completion and highlighting), runs them, and shows their results; a continuous SELECT
 * streams its rows until it ends or Ctrl-C stops it.
 */
public final class InteractiveShell {
  static final String PROMPT = "rivulet> ";
  static final String CONTINUATION = "    ...> ";

  private static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
  private static final AttributedStyle NOTE = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);

  private final Terminal terminal;
  private final Session session;
  private final Variables variables;
  private final LineReader reader;
  private final PrintWriter out;
  private final boolean ansi;
  private final ScheduledExecutorService timer;
  /** Background queries this shell started whose end has not been reported yet. */
  private final Set<QueryHandle> background = ConcurrentHashMap.newKeySet();
  private final WarmUp warmUp;
  private boolean greeted;

  /**
   * @param console the stream the session's console sinks print to, which this shell attaches to
   *     its line reader; null if they print elsewhere
   * @param historyFile where the history is kept across runs; null for none
   * @param warmUp started once the prompt is up, so that it does not hold the prompt back
   */
  public InteractiveShell(Terminal terminal, Session session, Variables variables, ConsoleOutput console,
      Path historyFile, WarmUp warmUp) {
    this.terminal = terminal;
    this.session = session;
    this.variables = variables;
    this.out = terminal.writer();
    this.ansi = !terminal.getType().startsWith(Terminal.TYPE_DUMB);
    this.warmUp = warmUp;
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .appName("rivulet")
        .terminal(terminal)
        .parser(new StatementLineParser())
        .completer(new SqlCompleter(CompletionSource.of(session, warmUp::functions)))
        .highlighter(new SqlHighlighter())
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
        .variable(LineReader.BLINK_MATCHING_PAREN, 0)
        // Offer what was typed, not what is one typo away from it.
        .variable(LineReader.ERRORS, 0)
        .variable(LineReader.HISTORY_SIZE, 2000)
        .variable(LineReader.HISTORY_FILE_SIZE, 2000)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .option(LineReader.Option.INSERT_TAB, false)
        .option(LineReader.Option.AUTO_FRESH_LINE, true)
        .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
    if (historyFile != null) {
      builder.variable(LineReader.HISTORY_FILE, historyFile);
    }
    this.reader = builder.build();
    if (console != null) {
      console.attach(reader);
    }
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "rivulet-shell-timer");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Runs an init script before the prompt; false (with the error on the screen) if it failed. */
  public boolean runInit(String script, String name) {
    greet();
    try {
      Variables.Substituted substituted = variables.substitute(script);
      try {
        for (Statement statement : Session.parse(substituted.text())) {
          execute(statement);
        }
      } catch (RivuletException e) {
        throw substituted.original(e);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RivuletException e) {
      String place = e.position().map(p -> name + ":" + p.line() + ":" + p.column()).orElse(name);
      styled(ERROR, place + ": error: " + e.getMessage());
      return false;
    }
  }

  /** Reads and runs statements until QUIT, EXIT or Ctrl-D; returns the exit code. */
  public int run() {
    greet();
    ScheduledFuture<?> watcher = timer.scheduleWithFixedDelay(this::reportEndedQueries, 1, 1, TimeUnit.SECONDS);
    try {
      while (true) {
        String input;
        try {
          input = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException | java.io.IOError e) {
          // Ctrl-D, or the terminal went away.
          break;
        }
        if (ShellCommand.of(input).orElse(null) == ShellCommand.QUIT) {
          break;
        } else if (ShellCommand.of(input).isPresent()) {
          out.print(Help.text());
          out.flush();
        } else if (!input.isBlank()) {
          runInput(input);
        }
      }
    } finally {
      watcher.cancel(false);
      leave();
    }
    return 0;
  }

  private void greet() {
    if (!greeted) {
      greeted = true;
      styled(AttributedStyle.BOLD, "Rivulet " + version() + ": continuous SQL over streams.");
      styled(NOTE, "Statements end with ';'. HELP lists them, Tab completes, Ctrl-D leaves.");
      warmUp.start();
    }
  }

  /** Runs what was typed: one or more statements; stops at the first error. */
  void runInput(String input) {
    String text = input;
    try {
      Variables.Substituted substituted = variables.substitute(input);
      text = substituted.text();
      for (Statement statement : Session.parse(text)) {
        execute(statement);
      }
    } catch (RivuletException e) {
      report(e, text);
    } catch (RuntimeException e) {
      report(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void execute(Statement statement) throws InterruptedException {
    StatementResult result = session.execute(statement);
    if (result instanceof StatementResult.Done done) {
      out.println(done.message());
    } else if (result instanceof StatementResult.Rows rows) {
      out.print(TableRenderer.render(rows.schema(), rows.rows()));
      out.println(rows.rows().size() == 1 ? "1 row" : rows.rows().size() + " rows");
    } else if (result instanceof StatementResult.Text plain) {
      out.println(plain.text().stripTrailing());
    } else if (result instanceof StatementResult.Started started) {
      QueryHandle query = started.query();
      background.add(query);
      out.println("query " + query.id() + " started in the background; SHOW QUERIES lists it, STOP QUERY "
          + query.id() + " ends it");
    } else if (result instanceof StatementResult.Streaming streaming) {
      out.flush();
      stream(streaming.query(), streaming.rows(), statement);
    }
    out.flush();
  }

  /** Shows a SELECT's rows as they come, until it ends or the person presses Ctrl-C. */
  private void stream(QueryHandle query, ResultStream rows, Statement statement) throws InterruptedException {
    ResultView view = ResultView.of(session.settings().get("result.mode"), rows.schema(), query.changelog());
    LiveScreen screen = new LiveScreen(out, ansi, terminal::getWidth);
    StreamingDisplay display = new StreamingDisplay(
        screen, view, new StatusLine(query.id(), System::currentTimeMillis), terminal::getHeight);
    AtomicBoolean interrupted = new AtomicBoolean();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> interrupted.set(true));
    // No echo while rows stream, so that keys pressed meanwhile do not tear the live area.
    Attributes attributes = terminal.enterRawMode();
    ScheduledFuture<?> ticker = null;
    try {
      query.onProgress(display::progress);
      display.start();
      ticker = timer.scheduleAtFixedRate(display::tick, 1, 1, TimeUnit.SECONDS);
      while (true) {
        if (interrupted.get()) {
          query.stop();
          rows.abandon();
          break;
        }
        ResultBatch batch = rows.poll(Duration.ofMillis(100));
        if (batch != null) {
          display.batch(batch);
        } else if (rows.ended()) {
          break;
        }
      }
    } finally {
      if (ticker != null) {
        ticker.cancel(false);
      }
      display.finish();
      terminal.setAttributes(attributes);
      terminal.handle(Terminal.Signal.INT, previous);
    }
    query.awaitTermination(Duration.ofSeconds(10));
    QueryStatus status = query.status();
    if (status == QueryStatus.FAILED) {
      Throwable failure = query.failure().orElseThrow();
      RivuletException error = failure instanceof RivuletException rivulet
          ? rivulet
          : new RivuletException(RivuletException.Category.EXECUTION, "query " + query.id() + " failed: " + failure, failure);
      throw error.at(new RivuletException.Position(statement.position().line(), statement.position().column()));
    }
    long shown = display.rows();
    String rowsText = shown == 1 ? "1 row" : String.format(Locale.ROOT, "%,d rows", shown);
    String how = interrupted.get() ? "stopped" : status.name().toLowerCase(Locale.ROOT);
    styled(NOTE, "query " + query.id() + " " + how + " (" + rowsText + ")");
  }

  private void report(RivuletException error, String text) {
    List<String> lines = ErrorReport.lines(error, text);
    styled(ERROR, lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      out.println(line);
    }
    stackTraceIfVerbose(error);
    out.flush();
  }

  private void report(RuntimeException error) {
    styled(ERROR, "internal error: " + error);
    if (!stackTraceIfVerbose(error)) {
      styled(NOTE, "SET 'verbose' = 'true' shows where it happened");
    }
    out.flush();
  }

  private boolean stackTraceIfVerbose(Throwable error) {
    if (!"true".equalsIgnoreCase(session.settings().get("verbose"))) {
      return false;
    }
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    out.print(trace);
    return true;
  }

  /** Tells, above the prompt, about background queries that have ended since the last look. */
  private void reportEndedQueries() {
    if (!reader.isReading()) {
      return;
    }
    List<String> notes = new ArrayList<>();
    for (QueryHandle query : List.copyOf(background)) {
      QueryStatus status = query.status();
      if (!status.isTerminal()) {
        continue;
      }
      background.remove(query);
      if (status == QueryStatus.FAILED) {
        notes.add("query " + query.id() + " failed: " + query.failure().map(Throwable::getMessage).orElse("?"));
      } else if (status == QueryStatus.FINISHED) {
        notes.add("query " + query.id() + " finished");
      }
    }
    for (String note : notes) {
      reader.printAbove(new AttributedString(note, NOTE).toAnsi(terminal));
    }
  }

  private void styled(AttributedStyle style, String text) {
    if (ansi) {
      out.println(new AttributedString(text, style).toAnsi(terminal));
    } else {
      out.println(text);
    }
    out.flush();
  }

  private void leave() {
    long running = session.engine().queries().stream().filter(q -> !q.status().isTerminal()).count();
    if (running > 0) {
      styled(NOTE, "stopping " + running + (running == 1 ? " running query" : " running queries"));
    }
    try {
      reader.getHistory().save();
    } catch (java.io.IOException e) {
      styled(NOTE, "cannot save the history: " + e.getMessage());
    }
    session.engine().close();
    timer.shutdownNow();
  }

  private static String version() {
    String version = InteractiveShell.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }
}
