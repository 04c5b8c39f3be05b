package io.rivulet.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a statement: a list for commands and metadata, or the live rows of a running query,
 * in which case {@link #next()} blocks until the query commits its next rows.
 */
final class EmbeddedResultSet extends ReadOnlyResultSet {
  private final EmbeddedStatement statement;
  private final List<JdbcColumn> columns;
  private final RowCursor cursor;
  private final Map<String, Integer> indexes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private Object[] row;
  private boolean wasNull;
  private volatile boolean closed;
  private long rowNumber;
  private boolean afterLast;
  private int fetchSize;
  private SQLWarning clearedWarning;

  EmbeddedResultSet(EmbeddedStatement statement, List<JdbcColumn> columns, RowCursor cursor) {
    this.statement = statement;
    this.columns = List.copyOf(columns);
    this.cursor = cursor;
    for (int i = 0; i < columns.size(); i++) {
      indexes.putIfAbsent(columns.get(i).name(), i + 1);
    }
  }

  /** A result computed at once, e.g. for SHOW or metadata. */
  static EmbeddedResultSet of(EmbeddedStatement statement, List<JdbcColumn> columns, List<Object[]> rows) {
    return new EmbeddedResultSet(statement, columns, new ListCursor(rows));
  }

  /** Sets the fetch size hint the statement had when it created this result. */
  void setFetchSizeQuietly(int rows) {
    fetchSize = rows;
  }

  RowCursor cursor() {
    return cursor;
  }

  List<JdbcColumn> columns() {
    return columns;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("result set");
    }
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (afterLast) {
      return false;
    }
    row = cursor.next();
    if (row == null) {
      afterLast = true;
      return false;
    }
    rowNumber++;
    return true;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    row = null;
    cursor.close();
    if (statement != null) {
      statement.resultSetClosed(this);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  private Object value(int column) throws SQLException {
    checkOpen();
    if (column < 1 || column > columns.size()) {
      throw new SQLException("no column " + column + "; the result has columns 1 to " + columns.size(), "07009");
    }
    if (row == null) {
      throw new SQLException(afterLast ? "no current row: the rows have ended" : "no current row; call next() first",
          "24000");
    }
    Object value = row[column - 1];
    wasNull = value == null;
    return value;
  }

  private JdbcColumn column(int column) {
    return columns.get(column - 1);
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    Integer index = columnLabel == null ? null : indexes.get(columnLabel);
    if (index == null) {
      List<String> names = new ArrayList<>();
      columns.forEach(c -> names.add(c.name()));
      throw new SQLException("no column named '" + columnLabel + "'; the columns are " + String.join(", ", names),
          "42S22");
    }
    return index;
  }

  @Override
  public String getString(int column) throws SQLException {
    return JdbcValues.string(value(column), column(column));
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    return JdbcValues.bool(value(column), column(column));
  }

  @Override
  public byte getByte(int column) throws SQLException {
    return (byte) JdbcValues.integral(value(column), column(column), Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
  }

  @Override
  public short getShort(int column) throws SQLException {
    return (short) JdbcValues.integral(value(column), column(column), Short.MIN_VALUE, Short.MAX_VALUE, "short");
  }

  @Override
  public int getInt(int column) throws SQLException {
    return (int) JdbcValues.integral(value(column), column(column), Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
  }

  @Override
  public long getLong(int column) throws SQLException {
    return JdbcValues.integral(value(column), column(column), Long.MIN_VALUE, Long.MAX_VALUE, "long");
  }

  @Override
  public float getFloat(int column) throws SQLException {
    return (float) JdbcValues.floating(value(column), column(column), "float");
  }

  @Override
  public double getDouble(int column) throws SQLException {
    return JdbcValues.floating(value(column), column(column), "double");
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    return JdbcValues.decimal(value(column), column(column), scale);
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    return JdbcValues.decimal(value(column), column(column), "BigDecimal");
  }

  @Override
  public Date getDate(int column) throws SQLException {
    java.time.LocalDate date = JdbcValues.localDate(value(column), column(column));
    return date == null ? null : Date.valueOf(date);
  }

  @Override
  public Time getTime(int column) throws SQLException {
    return JdbcValues.time(JdbcValues.localTime(value(column), column(column)));
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    java.time.LocalDateTime dateTime = JdbcValues.localDateTime(value(column), column(column));
    return dateTime == null ? null : Timestamp.valueOf(dateTime);
  }

  @Override
  public Date getDate(int column, Calendar calendar) throws SQLException {
    return JdbcValues.date(JdbcValues.localDate(value(column), column(column)), calendar.getTimeZone().toZoneId());
  }

  @Override
  public Time getTime(int column, Calendar calendar) throws SQLException {
    return JdbcValues.time(JdbcValues.localTime(value(column), column(column)), calendar.getTimeZone().toZoneId());
  }

  @Override
  public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
    return JdbcValues.timestamp(
        JdbcValues.localDateTime(value(column), column(column)), calendar.getTimeZone().toZoneId());
  }

  @Override
  public InputStream getAsciiStream(int column) throws SQLException {
    String text = getString(column);
    return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public Reader getCharacterStream(int column) throws SQLException {
    String text = getString(column);
    return text == null ? null : new StringReader(text);
  }

  @Override
  public Reader getNCharacterStream(int column) throws SQLException {
    return getCharacterStream(column);
  }

  @Override
  public String getNString(int column) throws SQLException {
    return getString(column);
  }

  @Override
  public Object getObject(int column) throws SQLException {
    return JdbcValues.object(value(column), column(column));
  }

  @Override
  public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw SqlErrors.unsupported("a type map");
    }
    return getObject(column);
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("getObject needs a class", "HY009");
    }
    return JdbcValues.as(value(column), column(column), type);
  }

  @Override
  public Array getArray(int column) throws SQLException {
    Object value = value(column);
    if (value == null) {
      return null;
    }
    return JdbcValues.as(value, column(column), Array.class);
  }

  // By label: the first column of that name, ignoring case.

  @Override
  public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    return getBoolean(findColumn(columnLabel));
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    return getByte(findColumn(columnLabel));
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    return getShort(findColumn(columnLabel));
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    return getInt(findColumn(columnLabel));
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    return getLong(findColumn(columnLabel));
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    return getFloat(findColumn(columnLabel));
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    return getDouble(findColumn(columnLabel));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    return getBigDecimal(findColumn(columnLabel), scale);
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    return getBigDecimal(findColumn(columnLabel));
  }

  @Override
  public Date getDate(String columnLabel) throws SQLException {
    return getDate(findColumn(columnLabel));
  }

  @Override
  public Time getTime(String columnLabel) throws SQLException {
    return getTime(findColumn(columnLabel));
  }

  @Override
  public Timestamp getTimestamp(String columnLabel) throws SQLException {
    return getTimestamp(findColumn(columnLabel));
  }

  @Override
  public Date getDate(String columnLabel, Calendar calendar) throws SQLException {
    return getDate(findColumn(columnLabel), calendar);
  }

  @Override
  public Time getTime(String columnLabel, Calendar calendar) throws SQLException {
    return getTime(findColumn(columnLabel), calendar);
  }

  @Override
  public Timestamp getTimestamp(String columnLabel, Calendar calendar) throws SQLException {
    return getTimestamp(findColumn(columnLabel), calendar);
  }

  @Override
  public InputStream getAsciiStream(String columnLabel) throws SQLException {
    return getAsciiStream(findColumn(columnLabel));
  }

  @Override
  public Reader getCharacterStream(String columnLabel) throws SQLException {
    return getCharacterStream(findColumn(columnLabel));
  }

  @Override
  public Reader getNCharacterStream(String columnLabel) throws SQLException {
    return getNCharacterStream(findColumn(columnLabel));
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    return getNString(findColumn(columnLabel));
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    return getObject(findColumn(columnLabel));
  }

  @Override
  public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(columnLabel), map);
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    return getArray(findColumn(columnLabel));
  }

  // Position and properties.

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return row == null ? 0 : (int) Math.min(rowNumber, Integer.MAX_VALUE);
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return rowNumber == 0 && !afterLast && !cursor.hasNoRows();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return afterLast && rowNumber > 0;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return row != null && rowNumber == 1;
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return row != null && cursor.isLast();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new EmbeddedResultSetMetaData(columns);
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    SQLWarning warning = cursor.warnings();
    return warning == clearedWarning ? null : warning;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    clearedWarning = cursor.warnings();
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw SqlErrors.unsupported("a fetch direction other than FETCH_FORWARD");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
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
  public int getHoldability() throws SQLException {
    checkOpen();
    return HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("a Rivulet result set is not a " + type.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "EmbeddedResultSet" + columns.stream().map(JdbcColumn::name).toList();
  }
}
