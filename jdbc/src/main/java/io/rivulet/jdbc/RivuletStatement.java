package io.rivulet.jdbc;

import java.sql.SQLException;
import java.util.Optional;

/**
 * What a Rivulet statement offers beyond JDBC: the query its last execution started. Get it with
 * {@code statement.unwrap(RivuletStatement.class)}.
 */
public interface RivuletStatement {
  /**
   * The query the last {@code execute...} started: the SELECT whose rows this statement's result
   * set reads, or the INSERT INTO now running in the background; empty when it started none.
   */
  Optional<RivuletQuery> lastQuery() throws SQLException;
}
