package io.rivulet.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The part of {@link ResultSet} a forward-only, read-only result does not have: updates, scrolling
 * and the binary and large-object types Rivulet lacks. Each throws {@link
 * SQLFeatureNotSupportedException}; {@link EmbeddedResultSet} implements the rest.
 */
abstract class ReadOnlyResultSet implements ResultSet {
  private static SQLFeatureNotSupportedException readOnly() {
    return SqlErrors.unsupported("changing a result set (results are read-only)");
  }

  private static SQLFeatureNotSupportedException forwardOnly() {
    return SqlErrors.unsupported("moving other than forward through a result set (results are forward-only)");
  }

  private static SQLFeatureNotSupportedException noType(String type) {
    return SqlErrors.unsupported("reading a column as " + type + " (Rivulet has no such type)");
  }

  @Override
  public final int getType() {
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public final int getConcurrency() {
    return CONCUR_READ_ONLY;
  }

  @Override
  public final boolean absolute(int row) throws SQLException {
    throw forwardOnly();
  }

  @Override
  public final boolean relative(int rows) throws SQLException {
    throw forwardOnly();
  }

  @Override
  public final boolean previous() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public final boolean first() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public final boolean last() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public final void beforeFirst() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public final void afterLast() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public final String getCursorName() throws SQLException {
    throw SqlErrors.unsupported("named cursors");
  }

  @Override
  public final boolean rowUpdated() throws SQLException {
    throw readOnly();
  }

  @Override
  public final boolean rowInserted() throws SQLException {
    throw readOnly();
  }

  @Override
  public final boolean rowDeleted() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void insertRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void deleteRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void refreshRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void cancelRowUpdates() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void moveToInsertRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void moveToCurrentRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final byte[] getBytes(int column) throws SQLException {
    throw noType("bytes");
  }

  @Override
  public final byte[] getBytes(String columnLabel) throws SQLException {
    throw noType("bytes");
  }

  @Override
  public final InputStream getBinaryStream(int column) throws SQLException {
    throw noType("a binary stream");
  }

  @Override
  public final InputStream getBinaryStream(String columnLabel) throws SQLException {
    throw noType("a binary stream");
  }

  @Override
  @Deprecated
  public final InputStream getUnicodeStream(int column) throws SQLException {
    throw SqlErrors.unsupported("getUnicodeStream (deprecated; use getCharacterStream)");
  }

  @Override
  @Deprecated
  public final InputStream getUnicodeStream(String columnLabel) throws SQLException {
    throw SqlErrors.unsupported("getUnicodeStream (deprecated; use getCharacterStream)");
  }

  @Override
  public final Ref getRef(int column) throws SQLException {
    throw noType("a REF");
  }

  @Override
  public final Ref getRef(String columnLabel) throws SQLException {
    throw noType("a REF");
  }

  @Override
  public final Blob getBlob(int column) throws SQLException {
    throw noType("a BLOB");
  }

  @Override
  public final Blob getBlob(String columnLabel) throws SQLException {
    throw noType("a BLOB");
  }

  @Override
  public final Clob getClob(int column) throws SQLException {
    throw noType("a CLOB");
  }

  @Override
  public final Clob getClob(String columnLabel) throws SQLException {
    throw noType("a CLOB");
  }

  @Override
  public final NClob getNClob(int column) throws SQLException {
    throw noType("an NCLOB");
  }

  @Override
  public final NClob getNClob(String columnLabel) throws SQLException {
    throw noType("an NCLOB");
  }

  @Override
  public final SQLXML getSQLXML(int column) throws SQLException {
    throw noType("SQLXML");
  }

  @Override
  public final SQLXML getSQLXML(String columnLabel) throws SQLException {
    throw noType("SQLXML");
  }

  @Override
  public final RowId getRowId(int column) throws SQLException {
    throw noType("a ROWID");
  }

  @Override
  public final RowId getRowId(String columnLabel) throws SQLException {
    throw noType("a ROWID");
  }

  @Override
  public final java.net.URL getURL(int column) throws SQLException {
    throw noType("a DATALINK URL");
  }

  @Override
  public final java.net.URL getURL(String columnLabel) throws SQLException {
    throw noType("a DATALINK URL");
  }

  @Override
  public final void updateNull(int column) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBoolean(int column, boolean value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateByte(int column, byte value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateShort(int column, short value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateInt(int column, int value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateLong(int column, long value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateFloat(int column, float value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDouble(int column, double value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBigDecimal(int column, BigDecimal value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateString(int column, String value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBytes(int column, byte[] value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDate(int column, Date value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTime(int column, Time value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTimestamp(int column, Timestamp value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int column, InputStream value, int length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int column, InputStream value, int length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int column, Reader value, int length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(int column, Object value, int scaleOrLength) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(int column, Object value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNull(String columnLabel) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBoolean(String columnLabel, boolean value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateByte(String columnLabel, byte value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateShort(String columnLabel, short value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateInt(String columnLabel, int value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateLong(String columnLabel, long value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateFloat(String columnLabel, float value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDouble(String columnLabel, double value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBigDecimal(String columnLabel, BigDecimal value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateString(String columnLabel, String value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBytes(String columnLabel, byte[] value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDate(String columnLabel, Date value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTime(String columnLabel, Time value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTimestamp(String columnLabel, Timestamp value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(String columnLabel, InputStream value, int length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(String columnLabel, InputStream value, int length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(String columnLabel, Reader value, int length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(String columnLabel, Object value, int scaleOrLength) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(String columnLabel, Object value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRef(int column, Ref value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRef(String columnLabel, Ref value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int column, Blob value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(String columnLabel, Blob value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int column, Clob value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(String columnLabel, Clob value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateArray(int column, Array value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateArray(String columnLabel, Array value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRowId(int column, RowId value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRowId(String columnLabel, RowId value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNString(int column, String value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNString(String columnLabel, String value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int column, NClob value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(String columnLabel, NClob value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateSQLXML(int column, SQLXML value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateSQLXML(String columnLabel, SQLXML value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(int column, Reader value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(String columnLabel, Reader value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int column, InputStream value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int column, InputStream value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int column, Reader value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(String columnLabel, InputStream value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(String columnLabel, InputStream value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(String columnLabel, Reader value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int column, InputStream value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(String columnLabel, InputStream value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int column, Reader value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(String columnLabel, Reader value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int column, Reader value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(String columnLabel, Reader value, long length) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(int column, Reader value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(String columnLabel, Reader value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int column, InputStream value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int column, InputStream value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int column, Reader value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(String columnLabel, InputStream value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(String columnLabel, InputStream value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(String columnLabel, Reader value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int column, InputStream value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(String columnLabel, InputStream value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int column, Reader value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(String columnLabel, Reader value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int column, Reader value) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(String columnLabel, Reader value) throws SQLException {
    throw readOnly();
  }

}
