package io.rivulet.engine;

import io.rivulet.runtime.type.Schema;
import java.util.List;

/** What executing one statement gave. */
public sealed interface StatementResult {
  /** A statement that changed something and has nothing to show but a short message. */
  record Done(String message) implements StatementResult {}

  /** Rows to show, e.g. from SHOW or DESCRIBE. */
  record Rows(Schema schema, List<Object[]> rows) implements StatementResult {
    public Rows {
      rows = List.copyOf(rows);
    }
  }

  /** Text to show as it is, e.g. EXPLAIN's plan. */
  record Text(String text) implements StatementResult {}

  /** A background query started by INSERT INTO. */
  record Started(QueryHandle query) implements StatementResult {}

  /** A SELECT whose rows arrive on {@code rows} while {@code query} runs. */
  record Streaming(QueryHandle query, ResultStream rows) implements StatementResult {}
}
