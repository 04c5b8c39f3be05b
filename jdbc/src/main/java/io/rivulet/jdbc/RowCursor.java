package io.rivulet.jdbc;

import java.sql.SQLException;
import java.sql.SQLWarning;

/** Where a result set's rows come from: a list computed at once, or a running query. */
interface RowCursor {
  /**
   * The next row in the engine's representation of values (see {@link JdbcValues}), or null at the
   * end; may block until a row arrives.
   */
  Object[] next() throws SQLException;

  /** Whether the row last returned is the last one; only lists know without waiting. */
  boolean isLast() throws SQLException;

  /** Whether there are no rows at all; only lists know without waiting. */
  boolean hasNoRows() throws SQLException;

  /** Releases what the cursor holds; a running query is stopped. Called once the rows are not wanted. */
  void close();

  /** Why the rows ended early, if they did (a cancel or a time-out), or null. */
  SQLWarning warnings();
}
