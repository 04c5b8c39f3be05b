package io.rivulet.shell.interactive;

import io.rivulet.engine.Engine;
import io.rivulet.engine.ResultStream;
import io.rivulet.engine.Session;
import io.rivulet.engine.StatementResult;
import io.rivulet.parser.Statement;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Plans and runs a few throwaway queries on a background thread while the person types their
 * first statement: Calcite's first plan takes seconds in a cold JVM and later ones milliseconds.
 * It also learns the function names for completion. Failures are ignored: the real statements
 * will report them.
 */
public final class WarmUp {
  private static final List<String> SCRIPT = List.of(
      "EXPLAIN SELECT a, COUNT(*) AS n, SUM(b) FROM (VALUES (1, 2), (3, 4)) AS t(a, b) WHERE a > 0 GROUP BY a",
      "SELECT a, UPPER(b) AS c FROM (VALUES (1, 'x'), (2, 'y')) AS t(a, b) WHERE a < 5");

  private final Thread thread;
  private volatile List<String> functions = List.of();
  private boolean started;

  public WarmUp() {
    thread = new Thread(this::run, "rivulet-warm-up");
    thread.setDaemon(true);
    // The person typing and the prompt come first.
    thread.setPriority(Thread.MIN_PRIORITY);
  }

  /** Starts warming up in the background, unless it already has. */
  public synchronized WarmUp start() {
    if (!started) {
      started = true;
      thread.start();
    }
    return this;
  }

  /** The SQL function names, once known; empty before. */
  public List<String> functions() {
    return functions;
  }

  /** Waits for the warm-up to end, at most {@code timeout}. */
  public boolean await(Duration timeout) throws InterruptedException {
    start();
    thread.join(timeout.toMillis());
    return !thread.isAlive();
  }

  private void run() {
    try {
      functions = Session.functions();
      try (Engine engine = new Engine(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))) {
        Session session = engine.newSession();
        for (String sql : SCRIPT) {
          for (Statement statement : Session.parse(sql)) {
            StatementResult result = session.execute(statement);
            if (result instanceof StatementResult.Streaming streaming) {
              drain(streaming.rows());
              streaming.query().awaitTermination(Duration.ofSeconds(30));
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | LinkageError e) {
      // The statements the person types will meet the same problem and report it properly.
    }
  }

  private static void drain(ResultStream rows) throws InterruptedException {
    while (rows.next() != null) {
      // only the work counts
    }
  }
}
