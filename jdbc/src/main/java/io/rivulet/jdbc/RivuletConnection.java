package io.rivulet.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a Rivulet connection offers beyond JDBC: start a continuous query, get its handle, and have
 * its output pushed to a callback. Get it with {@code connection.unwrap(RivuletConnection.class)}.
 *
 * <pre>{@code
 * RivuletConnection rivulet = connection.unwrap(RivuletConnection.class);
 * RivuletQuery query = rivulet.start("SELECT word, COUNT(*) AS c FROM words GROUP BY word",
 *     batch -> batch.rows().forEach(System.out::println));
 * query.awaitTermination();
 * }</pre>
 */
public interface RivuletConnection {
  /** The name of the shared engine this connection uses, or empty for a private engine. */
  String engineName();

  /**
   * Starts a query without subscribing to its output: an INSERT INTO writing to its sink (as
   * {@code executeUpdate} does), or a SELECT whose rows are dropped (for its progress alone).
   *
   * @throws SQLException for anything but one SELECT or INSERT INTO, or when it does not plan
   */
  RivuletQuery start(String sql) throws SQLException;

  /**
   * Starts a SELECT or an INSERT INTO and passes every micro-batch of its output to {@code
   * subscriber}, from the first, in commit order, on the query's own thread. A slow subscriber holds
   * the query back (memory stays bounded); an exception it throws fails the query. Once {@link
   * RivuletQuery#awaitTermination()} returns, the subscriber has seen every batch.
   */
  RivuletQuery start(String sql, Consumer<RowBatch> subscriber) throws SQLException;

  /** Every query of the engine, of this connection or another sharing the engine, oldest first. */
  List<RivuletQuery> queries() throws SQLException;

  /** The query with the id SHOW QUERIES shows, such as {@code q3}. */
  Optional<RivuletQuery> query(String id) throws SQLException;

  /** This connection as a plain JDBC connection. */
  Connection connection();
}
