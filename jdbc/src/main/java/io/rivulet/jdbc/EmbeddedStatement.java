package io.rivulet.jdbc;

import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.StatementResult;
import io.rivulet.parser.DescribeStatement;
import io.rivulet.parser.ExplainStatement;
import io.rivulet.parser.QueryStatement;
import io.rivulet.parser.SetStatement;
import io.rivulet.parser.ShowStatement;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs SQL text on its connection's session. {@code execute} takes a whole script (its results
 * are walked with {@link #getMoreResults()}); {@code executeQuery} and {@code executeUpdate} check
 * first that the script returns rows, or does not, and run nothing otherwise. A SELECT's result set
 * reads the live rows of the query, which {@link #cancel()}, the query timeout, {@link #close()}
 * and the max-rows limit stop.
 */
class EmbeddedStatement implements Statement, RivuletStatement {
  /** Stops queries whose timeout passed; one daemon thread for the whole JVM. */
  private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, task -> {
    Thread thread = new Thread(task, "rivulet-jdbc-query-timeout");
    thread.setDaemon(true);
    return thread;
  });

  static {
    TIMER.setRemoveOnCancelPolicy(true);
  }

  /** Which results an execute method accepts. */
  enum Expect {
    ANY,
    ROWS,
    UPDATE
  }

  /** What one statement of a script gave: rows, or an update count. */
  private record Result(EmbeddedResultSet rows, int updateCount) {}

  final EmbeddedConnection connection;
  private final Deque<Result> pending = new ArrayDeque<>();
  private final Map<EmbeddedResultSet, Optional<ScheduledFuture<?>>> open = new ConcurrentHashMap<>();
  private final List<String> batch = new ArrayList<>();
  private volatile boolean closed;
  private volatile EmbeddedResultSet resultSet;
  private volatile QueryHandle lastQuery;
  private int updateCount = -1;
  private int queryTimeout;
  private long maxRows;
  private int fetchSize;
  private boolean closeOnCompletion;
  private boolean poolable;
  private SQLWarning warnings;

  EmbeddedStatement(EmbeddedConnection connection) {
    this.connection = connection;
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("statement");
    }
    connection.checkOpen();
  }

  /** Runs every statement of {@code sql}; the first result becomes current. */
  final boolean run(String sql, SqlTemplate.PositionMap positions, Expect expect) throws SQLException {
    checkOpen();
    closeResults();
    warnings = null;
    lastQuery = null;
    List<io.rivulet.parser.Statement> statements = connection.parse(sql, positions);
    if (statements.isEmpty()) {
      throw new SQLException("there is no statement to run in '" + sql + "'", "42000");
    }
    check(statements, expect);
    List<Result> results = new ArrayList<>();
    try {
      for (io.rivulet.parser.Statement statement : statements) {
        results.add(result(connection.execute(statement, positions), positions));
      }
    } catch (SQLException | RuntimeException e) {
      results.stream().filter(r -> r.rows() != null).forEach(r -> r.rows().close());
      throw e;
    }
    pending.addAll(results);
    advance();
    while (expect == Expect.ROWS && resultSet == null) {
      advance(); // executeQuery answers with the rows of its last statement
    }
    return resultSet != null;
  }

  /** Whether a statement's result is rows (as opposed to an update count). */
  static boolean returnsRows(io.rivulet.parser.Statement statement) {
    return statement instanceof QueryStatement
        || statement instanceof ExplainStatement
        || statement instanceof ShowStatement
        || statement instanceof DescribeStatement
        || (statement instanceof SetStatement set && set.key().isEmpty());
  }

  private static void check(List<io.rivulet.parser.Statement> statements, Expect expect) throws SQLException {
    if (expect == Expect.ROWS) {
      for (int i = 0; i < statements.size(); i++) {
        boolean last = i == statements.size() - 1;
        if (returnsRows(statements.get(i)) != last) {
          throw new SQLException("executeQuery runs a statement that returns rows (a query, SHOW, DESCRIBE, EXPLAIN "
              + "or SET without a value), possibly after others that do not; use execute or executeUpdate for "
              + "'" + firstWords(statements.get(i).text()) + "'", "HY000");
        }
      }
    } else if (expect == Expect.UPDATE) {
      for (io.rivulet.parser.Statement statement : statements) {
        if (returnsRows(statement)) {
          throw new SQLException("executeUpdate runs statements that return no rows (DDL, SET, INSERT INTO, STOP "
              + "QUERY); use executeQuery or execute for '" + firstWords(statement.text()) + "'", "HY000");
        }
      }
    }
  }

  private static String firstWords(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() > 40 ? flat.substring(0, 40) + "..." : flat;
  }

  private Result result(StatementResult result, SqlTemplate.PositionMap positions) {
    if (result instanceof StatementResult.Started started) {
      QueryHandle query = started.query();
      lastQuery = query;
      addWarning(new SQLWarning("query " + query.id() + " started; SHOW QUERIES lists it and STOP QUERY "
          + query.id() + " stops it"));
      return new Result(null, 0);
    } else if (result instanceof StatementResult.Rows rows) {
      return rows(JdbcColumn.of(rows.schema().fields()), rows.rows());
    } else if (result instanceof StatementResult.Text text) {
      List<Object[]> lines = new ArrayList<>();
      text.text().strip().lines().forEach(line -> lines.add(new Object[] {line}));
      return rows(List.of(JdbcColumn.of(new Field("plan", DataType.VARCHAR, false, "VARCHAR"))), lines);
    } else if (result instanceof StatementResult.Streaming streaming) {
      QueryHandle query = streaming.query();
      lastQuery = query;
      List<JdbcColumn> columns = new ArrayList<>();
      if (query.changelog()) {
        columns.add(JdbcColumn.of(new Field("op", DataType.VARCHAR, false, "VARCHAR")));
      }
      columns.addAll(JdbcColumn.of(query.schema().fields()));
      QueryCursor cursor = new QueryCursor(query, streaming.rows(), positions, maxRows);
      EmbeddedResultSet rows = new EmbeddedResultSet(this, columns, cursor);
      rows.setFetchSizeQuietly(fetchSize);
      Optional<ScheduledFuture<?>> timer = Optional.empty();
      if (queryTimeout > 0) {
        int seconds = queryTimeout;
        timer = Optional.of(TIMER.schedule(() -> cursor.timedOut(seconds), seconds, TimeUnit.SECONDS));
      }
      open.put(rows, timer);
      return new Result(rows, -1);
    }
    return new Result(null, 0);
  }

  private Result rows(List<JdbcColumn> columns, List<Object[]> rows) {
    EmbeddedResultSet resultSet = EmbeddedResultSet.of(this, columns, rows);
    open.put(resultSet, Optional.empty());
    return new Result(resultSet, -1);
  }

  private void addWarning(SQLWarning warning) {
    if (warnings == null) {
      warnings = warning;
    } else {
      warnings.setNextWarning(warning);
    }
  }

  private void advance() {
    Result next = pending.poll();
    if (next == null) {
      resultSet = null;
      updateCount = -1;
    } else {
      resultSet = next.rows();
      updateCount = next.rows() == null ? next.updateCount() : -1;
    }
  }

  /** Closes the current result set and any waiting after it. */
  private void closeResults() {
    EmbeddedResultSet current = resultSet;
    if (current != null) {
      current.close();
    }
    for (Result result : pending) {
      if (result.rows() != null) {
        result.rows().close();
      }
    }
    pending.clear();
    resultSet = null;
    updateCount = -1;
  }

  /** Called by a result set of this statement when it closes. */
  void resultSetClosed(EmbeddedResultSet rows) {
    Optional<ScheduledFuture<?>> timer = open.remove(rows);
    if (timer != null) {
      timer.ifPresent(t -> t.cancel(false));
    }
    if (closeOnCompletion && open.isEmpty() && !closed) {
      close();
    }
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    run(sql, SqlTemplate.PositionMap.identity(), Expect.ROWS);
    return resultSet;
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    run(sql, SqlTemplate.PositionMap.identity(), Expect.UPDATE);
    return updateCount;
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return run(sql, SqlTemplate.PositionMap.identity(), Expect.ANY);
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    noGeneratedKeys(autoGeneratedKeys);
    return executeUpdate(sql);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw SqlErrors.unsupported("generated keys");
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    throw SqlErrors.unsupported("generated keys");
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    noGeneratedKeys(autoGeneratedKeys);
    return execute(sql);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    throw SqlErrors.unsupported("generated keys");
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    throw SqlErrors.unsupported("generated keys");
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return executeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return executeUpdate(sql, autoGeneratedKeys);
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw SqlErrors.unsupported("generated keys");
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    throw SqlErrors.unsupported("generated keys");
  }

  static void noGeneratedKeys(int autoGeneratedKeys) throws SQLException {
    if (autoGeneratedKeys != NO_GENERATED_KEYS) {
      throw SqlErrors.unsupported("generated keys");
    }
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    throw SqlErrors.unsupported("generated keys");
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    return getUpdateCount();
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current != CLOSE_CURRENT_RESULT && current != CLOSE_ALL_RESULTS) {
      throw SqlErrors.unsupported("keeping a result set open while moving to the next (KEEP_CURRENT_RESULT)");
    }
    EmbeddedResultSet rows = resultSet;
    if (rows != null) {
      rows.close();
    }
    advance();
    return resultSet != null;
  }

  /** Stops the query whose rows the current result set reads; its next() then returns false. */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    EmbeddedResultSet rows = resultSet;
    if (rows != null && rows.cursor() instanceof QueryCursor cursor) {
      cursor.stop(QueryCursor.StopReason.CANCELLED);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeResults();
    for (EmbeddedResultSet rows : List.copyOf(open.keySet())) {
      rows.close();
    }
    connection.statementClosed(this);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  @Override
  public Optional<RivuletQuery> lastQuery() throws SQLException {
    checkOpen();
    return Optional.ofNullable(lastQuery).map(RivuletQuery::new);
  }

  // Batches of updates.

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    checkOpen();
    List<String> statements = List.copyOf(batch);
    batch.clear();
    int[] counts = new int[statements.size()];
    for (int i = 0; i < statements.size(); i++) {
      try {
        counts[i] = executeUpdate(statements.get(i));
      } catch (SQLException e) {
        throw new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(),
            Arrays.copyOf(counts, i), e);
      }
    }
    return counts;
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    return Arrays.stream(executeBatch()).asLongStream().toArray();
  }

  // Properties.

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max != 0) {
      throw SqlErrors.unsupported("a maximum field size");
    }
  }

  @Override
  public int getMaxRows() throws SQLException {
    return (int) Math.min(getLargeMaxRows(), Integer.MAX_VALUE);
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  /** The most rows a query's result set returns; then the query is stopped. 0: no limit. */
  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("max rows must be >= 0, not " + max, "HY024");
    }
    maxRows = max;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  /** After this many seconds a query's result set ends (next() returns false) and the query stops. */
  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw new SQLException("the query timeout must be >= 0 seconds, not " + seconds, "HY024");
    }
    queryTimeout = seconds;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    throw SqlErrors.unsupported("named cursors");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD) {
      throw SqlErrors.unsupported("a fetch direction other than FETCH_FORWARD");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("the fetch size must be >= 0, not " + rows, "HY024");
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    this.poolable = poolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
  }

  /** Identifiers are quoted with back-quotes in Rivulet's dialect. */
  @Override
  public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
    if (!alwaysQuote && isSimpleIdentifier(identifier)) {
      return identifier;
    }
    if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
      throw new SQLException("'" + identifier + "' cannot be an identifier", "42000");
    }
    return "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("a Rivulet statement is not a " + type.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
