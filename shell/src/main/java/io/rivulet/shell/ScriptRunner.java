package io.rivulet.shell;

import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.ResultBatch;
import io.rivulet.engine.ResultStream;
import io.rivulet.engine.Session;
import io.rivulet.engine.StatementResult;
import io.rivulet.parser.Statement;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.exec.QueryStatus;
import io.rivulet.shell.script.Variables;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch mode: runs the statements of scripts in order (an init script, then the script), prints
 * what they return, waits for the queries they started, and reports the first error as
 * {@code script:line:column: error: ...}, placed in the script as written, before {@code ${key}}
 * variables were replaced.
 */
final class ScriptRunner {
  /** A script and the name errors give it. */
  record Script(String name, String text) {}

  /** A background query and where it was started, for its errors. */
  private record Started(QueryHandle query, String scriptName, Variables.Substituted script, Statement statement) {}

  /** An error and the script it is in. */
  private static final class ScriptError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient String scriptName;
    private final RivuletException error;

    ScriptError(String scriptName, RivuletException error) {
      super(error.getMessage(), error, false, false);
      this.scriptName = scriptName;
      this.error = error;
    }
  }

  private final Session session;
  private final ResultPrinter printer;
  private final ProgressReporter progress;
  private final PrintStream err;
  private final Variables variables;
  private final QueryLimits limits;
  private final List<Started> started = new ArrayList<>();

  ScriptRunner(Session session, ResultPrinter printer, ProgressReporter progress, PrintStream err,
      Variables variables, QueryLimits limits) {
    this.session = session;
    this.printer = printer;
    this.progress = progress;
    this.err = err;
    this.variables = variables;
    this.limits = limits;
  }

  /** Runs the scripts one after another, then waits for their queries; returns the exit code. */
  int run(List<Script> scripts) {
    try {
      for (Script script : scripts) {
        run(script);
      }
      for (Started query : started) {
        query.query().awaitTermination();
        try {
          failIfFailed(query.query(), query.statement());
        } catch (RivuletException e) {
          throw new ScriptError(query.scriptName(), query.script().original(e));
        }
      }
      return 0;
    } catch (ScriptError e) {
      reportError(e.scriptName, e.error);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      limits.close();
      session.engine().close();
    }
  }

  private void run(Script script) throws InterruptedException {
    Variables.Substituted text;
    try {
      text = variables.substitute(script.text());
    } catch (RivuletException e) {
      throw new ScriptError(script.name(), e);
    }
    try {
      for (Statement statement : Session.parse(text.text())) {
        runStatement(statement, script.name(), text);
      }
    } catch (RivuletException e) {
      throw new ScriptError(script.name(), text.original(e));
    }
  }

  private void runStatement(Statement statement, String scriptName, Variables.Substituted script)
      throws InterruptedException {
    StatementResult result = session.execute(statement);
    if (result instanceof StatementResult.Rows rows) {
      printer.print(rows);
    } else if (result instanceof StatementResult.Text text) {
      printer.print(text);
    } else if (result instanceof StatementResult.Started query) {
      limits.apply(query.query());
      started.add(new Started(query.query(), scriptName, script, statement));
      progress.watch(query.query());
    } else if (result instanceof StatementResult.Streaming streaming) {
      limits.apply(streaming.query());
      stream(streaming.query(), streaming.rows(), statement);
    }
  }

  private void stream(QueryHandle query, ResultStream rows, Statement statement)
      throws InterruptedException {
    progress.watch(query);
    boolean first = true;
    ResultBatch batch;
    while ((batch = rows.next()) != null) {
      printer.print(batch, query.changelog(), first);
      first = first && batch.rows().isEmpty();
    }
    query.awaitTermination();
    failIfFailed(query, statement);
  }

  private static void failIfFailed(QueryHandle query, Statement statement) {
    if (query.status() != QueryStatus.FAILED) {
      return;
    }
    Throwable failure = query.failure().orElseThrow();
    RivuletException error = failure instanceof RivuletException rivulet
        ? rivulet
        : new RivuletException(RivuletException.Category.EXECUTION,
            "query " + query.id() + " failed: " + failure, failure);
    throw error.at(new RivuletException.Position(statement.position().line(), statement.position().column()));
  }

  private void reportError(String scriptName, RivuletException e) {
    String place = e.position().map(p -> scriptName + ":" + p.line() + ":" + p.column()).orElse(scriptName);
    err.println(place + ": error: " + e.getMessage());
    if ("true".equalsIgnoreCase(session.settings().get("verbose"))) {
      e.printStackTrace(err);
    }
    err.flush();
  }
}
