package io.rivulet.jdbc;

import io.rivulet.engine.Engine;
import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.Session;
import io.rivulet.engine.StatementResult;
import io.rivulet.parser.InsertStatement;
import io.rivulet.parser.QueryStatement;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A connection to an in-process engine: a private one, or a named one shared with the other
 * connections to that name. Each connection has its own session (its own SET values); statements
 * of one connection run one at a time. Auto-commit is always on: there are no transactions.
 *
 * <p>Closing the connection stops the SELECTs its statements are reading. INSERT INTO queries
 * belong to the engine: a private engine stops them when its connection closes, a named engine
 * when its last connection closes.
 */
final class EmbeddedConnection implements Connection, RivuletConnection {
  private final String url;
  private final String engineName;
  private final Engine engine;
  private final Session session;
  private final Set<EmbeddedStatement> statements = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private boolean readOnly;
  private int networkTimeout;

  private EmbeddedConnection(String url, String engineName, Engine engine, Session session) {
    this.url = url;
    this.engineName = engineName;
    this.engine = engine;
    this.session = session;
  }

  static EmbeddedConnection open(String url, ConnectionUrl parsed) throws SQLException {
    String name = parsed.name();
    Engine engine = name.isEmpty() ? new Engine() : EngineRegistry.acquire(name);
    Session session = engine.newSession();
    for (Map.Entry<String, String> setting : parsed.settings().entrySet()) {
      try {
        session.settings().set(setting.getKey(), setting.getValue());
      } catch (RuntimeException e) {
        release(name, engine);
        throw new SQLException("bad connection property: " + e.getMessage(), "HY024", e);
      }
    }
    return new EmbeddedConnection(url, name, engine, session);
  }

  private static void release(String name, Engine engine) {
    if (name.isEmpty()) {
      engine.close();
    } else {
      EngineRegistry.release(name, engine);
    }
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("connection");
    }
  }

  String url() {
    return url;
  }

  /** Parses SQL text into statements; errors are placed in the text as written. */
  List<io.rivulet.parser.Statement> parse(String sql, SqlTemplate.PositionMap positions) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw new SQLException("the SQL text is null", "HY009");
    }
    try {
      return Session.parse(sql);
    } catch (RuntimeException e) {
      throw SqlErrors.of(e, positions);
    }
  }

  /** Runs one statement in this connection's session; statements of a connection run one at a time. */
  StatementResult execute(io.rivulet.parser.Statement statement, SqlTemplate.PositionMap positions)
      throws SQLException {
    checkOpen();
    synchronized (session) {
      try {
        return session.execute(statement);
      } catch (RuntimeException e) {
        throw SqlErrors.of(e, positions);
      }
    }
  }

  /** The streams, tables and views of the engine, for metadata. */
  List<io.rivulet.engine.CatalogEntry> catalog() throws SQLException {
    checkOpen();
    synchronized (session) {
      return session.objects();
    }
  }

  void statementClosed(EmbeddedStatement statement) {
    statements.remove(statement);
  }

  private <S extends EmbeddedStatement> S register(S statement) {
    statements.add(statement);
    return statement;
  }

  // The native API.

  @Override
  public String engineName() {
    return engineName;
  }

  @Override
  public Connection connection() {
    return this;
  }

  @Override
  public RivuletQuery start(String sql) throws SQLException {
    io.rivulet.parser.Statement statement = single(sql);
    if (statement instanceof InsertStatement) {
      StatementResult result = execute(statement, SqlTemplate.PositionMap.identity());
      return new RivuletQuery(((StatementResult.Started) result).query());
    }
    return start(sql, batch -> {});
  }

  @Override
  public RivuletQuery start(String sql, Consumer<RowBatch> subscriber) throws SQLException {
    io.rivulet.parser.Statement statement = single(sql);
    // The first batch may commit before subscribe returns the handle: the callback waits for it.
    CompletableFuture<RivuletQuery> started = new CompletableFuture<>();
    CompletableFuture<List<JdbcColumn>> columns = new CompletableFuture<>();
    QueryHandle handle;
    synchronized (session) {
      try {
        handle = session.subscribe(statement, result -> {
          RivuletQuery query = started.join();
          subscriber.accept(RowBatch.of(query, columns.join(), result));
        });
      } catch (RuntimeException e) {
        throw SqlErrors.of(e);
      }
    }
    RivuletQuery query = new RivuletQuery(handle);
    try {
      List<JdbcColumn> jdbcColumns = new java.util.ArrayList<>();
      if (handle.changelog()) {
        jdbcColumns.add(JdbcColumn.of(new io.rivulet.runtime.type.Field(
            "op", io.rivulet.runtime.type.DataType.VARCHAR, false, "VARCHAR")));
      }
      jdbcColumns.addAll(JdbcColumn.of(handle.schema().fields()));
      columns.complete(List.copyOf(jdbcColumns));
      started.complete(query);
    } catch (RuntimeException e) {
      columns.completeExceptionally(e);
      started.completeExceptionally(e);
      handle.stop();
      throw SqlErrors.of(e);
    }
    return query;
  }

  private io.rivulet.parser.Statement single(String sql) throws SQLException {
    List<io.rivulet.parser.Statement> parsed = parse(sql, SqlTemplate.PositionMap.identity());
    if (parsed.size() != 1
        || !(parsed.get(0) instanceof QueryStatement || parsed.get(0) instanceof InsertStatement)) {
      throw new SQLException("start takes one SELECT or INSERT INTO; run other statements with Statement.execute",
          "HY000");
    }
    return parsed.get(0);
  }

  @Override
  public List<RivuletQuery> queries() throws SQLException {
    checkOpen();
    return engine.queries().stream().map(RivuletQuery::new).toList();
  }

  @Override
  public Optional<RivuletQuery> query(String id) throws SQLException {
    checkOpen();
    return engine.query(id).map(RivuletQuery::new);
  }

  // Statements.

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    return register(new EmbeddedStatement(this));
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    checkResultSetKind(type, concurrency);
    return createStatement();
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    checkResultSetKind(type, concurrency);
    return createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw new SQLException("the SQL text is null", "HY009");
    }
    return register(new EmbeddedPreparedStatement(this, sql));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
    checkResultSetKind(type, concurrency);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    checkResultSetKind(type, concurrency);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    EmbeddedStatement.noGeneratedKeys(autoGeneratedKeys);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    throw SqlErrors.unsupported("generated keys");
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    throw SqlErrors.unsupported("generated keys");
  }

  private void checkResultSetKind(int type, int concurrency) throws SQLException {
    checkOpen();
    if (type != ResultSet.TYPE_FORWARD_ONLY) {
      throw SqlErrors.unsupported("scrollable result sets (results are TYPE_FORWARD_ONLY)");
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw SqlErrors.unsupported("updatable result sets (results are CONCUR_READ_ONLY)");
    }
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw SqlErrors.unsupported("stored procedures (prepareCall)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
    throw SqlErrors.unsupported("stored procedures (prepareCall)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    throw SqlErrors.unsupported("stored procedures (prepareCall)");
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  // Transactions: none; every statement takes effect at once.

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (!autoCommit) {
      throw SqlErrors.unsupported("transactions (auto-commit is always on)");
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public void commit() throws SQLException {
    checkOpen();
    throw new SQLException("commit in auto-commit mode: every statement takes effect at once", "25000");
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
    throw new SQLException("rollback in auto-commit mode: every statement takes effect at once", "25000");
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    if (level != TRANSACTION_NONE) {
      throw SqlErrors.unsupported("transaction isolation levels other than TRANSACTION_NONE");
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_NONE;
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    throw SqlErrors.unsupported("savepoints");
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    throw SqlErrors.unsupported("savepoints");
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    throw SqlErrors.unsupported("savepoints");
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    throw SqlErrors.unsupported("savepoints");
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      throw SqlErrors.unsupported("holdability other than HOLD_CURSORS_OVER_COMMIT");
    }
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  // Life cycle.

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (EmbeddedStatement statement : List.copyOf(statements)) {
      statement.close();
    }
    release(engineName, engine);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("the timeout must be >= 0, not " + timeout, "HY024");
    }
    return !closed;
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw new SQLException("abort needs an executor", "HY009");
    }
    executor.execute(this::close);
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (milliseconds < 0) {
      throw new SQLException("the network timeout must be >= 0, not " + milliseconds, "HY024");
    }
    networkTimeout = milliseconds;
  }

  /** There is no network: the engine runs in this JVM. The value set is kept for tools that read it back. */
  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return networkTimeout;
  }

  // Properties.

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new EmbeddedDatabaseMetaData(this);
  }

  /** A hint only (JDBC allows ignoring it): statements that change the catalog still run. */
  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    this.readOnly = readOnly;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return readOnly;
  }

  /** Rivulet has no catalogs; as JDBC asks, the request is ignored. */
  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return null;
  }

  /** Rivulet has no schemas; as JDBC asks, the request is ignored. */
  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return new java.util.HashMap<>();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    if (map != null && !map.isEmpty()) {
      throw SqlErrors.unsupported("user-defined type maps");
    }
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    throw new SQLClientInfoException("Rivulet has no client info properties; '" + name + "' is not one",
        "HY000", Map.of());
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (!properties.isEmpty()) {
      throw new SQLClientInfoException("Rivulet has no client info properties", "HY000", Map.of());
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    return new Properties();
  }

  @Override
  public Clob createClob() throws SQLException {
    throw SqlErrors.unsupported("CLOB values");
  }

  @Override
  public Blob createBlob() throws SQLException {
    throw SqlErrors.unsupported("BLOB values");
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw SqlErrors.unsupported("NCLOB values");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw SqlErrors.unsupported("SQLXML values");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    checkOpen();
    return new RivuletArray(typeName.toUpperCase(java.util.Locale.ROOT), java.util.Arrays.asList(elements.clone()));
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw SqlErrors.unsupported("structured types");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("a Rivulet connection is not a " + type.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
