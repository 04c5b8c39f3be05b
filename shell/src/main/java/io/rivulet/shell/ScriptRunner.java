package io.rivulet.shell;

import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.ResultBatch;
import io.rivulet.engine.ResultStream;
import io.rivulet.engine.Session;
import io.rivulet.engine.StatementResult;
import io.rivulet.parser.Statement;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.exec.QueryStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch mode: runs the statements of a script in order, prints what they return, waits for the
 * queries they started, and reports the first error as {@code script:line:column: error: ...}.
 */
final class ScriptRunner {
  private final Session session;
  private final ResultPrinter printer;
  private final ProgressReporter progress;
  private final PrintStream err;
  private final String scriptName;
  private final List<QueryHandle> started = new ArrayList<>();

  ScriptRunner(Session session, ResultPrinter printer, ProgressReporter progress, PrintStream err,
      String scriptName) {
    this.session = session;
    this.printer = printer;
    this.progress = progress;
    this.err = err;
    this.scriptName = scriptName;
  }

  /** Runs the script; returns the process exit code. */
  int run(String script) {
    try {
      for (Statement statement : Session.parse(script)) {
        runStatement(statement);
      }
      for (QueryHandle query : started) {
        query.awaitTermination();
        failIfFailed(query);
      }
      return 0;
    } catch (RivuletException e) {
      reportError(e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      session.engine().close();
    }
  }

  private void runStatement(Statement statement) throws InterruptedException {
    StatementResult result = session.execute(statement);
    if (result instanceof StatementResult.Rows rows) {
      printer.print(rows);
    } else if (result instanceof StatementResult.Text text) {
      printer.print(text);
    } else if (result instanceof StatementResult.Started query) {
      started.add(query.query());
      progress.watch(query.query());
    } else if (result instanceof StatementResult.Streaming streaming) {
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
    try {
      failIfFailed(query);
    } catch (RivuletException e) {
      throw e.at(new RivuletException.Position(
          statement.position().line(), statement.position().column()));
    }
  }

  private static void failIfFailed(QueryHandle query) {
    if (query.status() == QueryStatus.FAILED) {
      Throwable failure = query.failure().orElseThrow();
      if (failure instanceof RivuletException rivulet) {
        throw rivulet;
      }
      throw new RivuletException(
          RivuletException.Category.EXECUTION,
          "query " + query.id() + " failed: " + failure,
          failure);
    }
  }

  private void reportError(RivuletException e) {
    String place = e.position().map(p -> scriptName + ":" + p.line() + ":" + p.column())
        .orElse(scriptName);
    err.println(place + ": error: " + e.getMessage());
    if ("true".equalsIgnoreCase(session.settings().get("verbose"))) {
      e.printStackTrace(err);
    }
    err.flush();
  }
}
