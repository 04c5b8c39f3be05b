package io.rivulet.jdbc;

import io.rivulet.runtime.type.DataType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** A SQL ARRAY value read from a result, holding its elements in memory. */
final class RivuletArray implements Array {
  private final String elementTypeName;
  private final List<?> elements;

  RivuletArray(String elementTypeName, List<?> elements) {
    this.elementTypeName = elementTypeName;
    this.elements = elements;
  }

  @Override
  public String getBaseTypeName() {
    return elementTypeName;
  }

  @Override
  public int getBaseType() {
    return JdbcColumn.sqlType(elementTypeName, DataType.OTHER);
  }

  @Override
  public Object getArray() {
    return elements.toArray();
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) throws SQLException {
    checkNoTypeMap(map);
    return getArray();
  }

  @Override
  public Object getArray(long index, int count) throws SQLException {
    if (index < 1 || count < 0 || index - 1 + count > elements.size()) {
      throw new SQLException("elements " + index + " to " + (index + count - 1) + " are outside the array of "
          + elements.size(), "2202E");
    }
    return elements.subList((int) index - 1, (int) index - 1 + count).toArray();
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    checkNoTypeMap(map);
    return getArray(index, count);
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    throw SqlErrors.unsupported("Array.getResultSet");
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    throw SqlErrors.unsupported("Array.getResultSet");
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    throw SqlErrors.unsupported("Array.getResultSet");
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
    throw SqlErrors.unsupported("Array.getResultSet");
  }

  @Override
  public void free() {}

  private static void checkNoTypeMap(Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw SqlErrors.unsupported("a type map");
    }
  }

  @Override
  public String toString() {
    return elements.toString();
  }
}
