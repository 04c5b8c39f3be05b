package io.rivulet.jdbc;

import static io.rivulet.jdbc.JdbcTestSupport.connect;
import static io.rivulet.jdbc.JdbcTestSupport.path;
import static io.rivulet.jdbc.JdbcTestSupport.rows;
import static io.rivulet.jdbc.JdbcTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** DatabaseMetaData lists streams, tables and views with their columns; ResultSetMetaData types results. */
@Timeout(60)
class MetadataTest {
  @TempDir Path dir;
  private Connection connection;

  @BeforeEach
  void catalog() throws Exception {
    write(dir.resolve("t.csv"), "1,a,2.5,true,2024-01-02 03:04:05.678,2024-01-02,1.25\n");
    connection = connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE STREAM bids (auction BIGINT NOT NULL, price DECIMAL(10, 2), channel VARCHAR, "
          + "date_time TIMESTAMP(3), WATERMARK FOR date_time AS date_time - INTERVAL '2' SECOND) "
          + "WITH ('connector' = 'file', 'path' = '" + path(dir) + "/bids', 'format' = 'csv');"
          + "CREATE TABLE users (id INT, name VARCHAR(20), tags ARRAY<VARCHAR>) "
          + "WITH ('connector' = 'file', 'path' = '" + path(dir) + "/users.csv', 'format' = 'csv', 'mode' = 'bounded');"
          + "CREATE VIEW big_bids AS SELECT auction, price * 2 AS doubled FROM bids WHERE price > 10;");
    }
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws Exception {
    connection.close();
  }

  private static List<String> column(ResultSet rows, String name) throws Exception {
    List<String> values = new ArrayList<>();
    while (rows.next()) {
      values.add(rows.getString(name));
    }
    return values;
  }

  @Test
  void theProductAndDriverNameThemselves() throws Exception {
    DatabaseMetaData metadata = connection.getMetaData();
    assertThat(metadata.getDatabaseProductName()).isEqualTo("Rivulet");
    assertThat(metadata.getDatabaseProductVersion()).isEqualTo(RivuletDriver.VERSION);
    assertThat(metadata.getDriverName()).contains("Rivulet");
    assertThat(metadata.getDriverMajorVersion()).isZero();
    assertThat(metadata.getDriverMinorVersion()).isEqualTo(1);
    assertThat(metadata.getJDBCMajorVersion()).isEqualTo(4);
    assertThat(metadata.getURL()).startsWith("jdbc:rivulet:");
    assertThat(metadata.getIdentifierQuoteString()).isEqualTo("`");
    assertThat(metadata.supportsTransactions()).isFalse();
    assertThat(metadata.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
    assertThat(metadata.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
    assertThat(metadata.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isFalse();
    assertThat(metadata.supportsBatchUpdates()).isTrue();
    assertThat(metadata.getConnection()).isSameAs(connection);
  }

  @Test
  void getTablesListsStreamsTablesAndViewsByType() throws Exception {
    DatabaseMetaData metadata = connection.getMetaData();
    assertThat(column(metadata.getTableTypes(), "TABLE_TYPE")).containsExactly("STREAM", "TABLE", "VIEW");

    try (ResultSet tables = metadata.getTables(null, null, "%", null)) {
      assertThat(tables.getMetaData().getColumnName(3)).isEqualTo("TABLE_NAME");
      List<String> rows = new ArrayList<>();
      while (tables.next()) {
        rows.add(tables.getString("TABLE_TYPE") + " " + tables.getString("TABLE_NAME"));
        assertThat(tables.getString("TABLE_SCHEM")).isNull();
      }
      assertThat(rows).containsExactly("STREAM bids", "TABLE users", "VIEW big_bids");
    }
    assertThat(column(metadata.getTables(null, null, "%", new String[] {"VIEW", "TABLE"}), "TABLE_NAME"))
        .containsExactly("users", "big_bids");
    assertThat(column(metadata.getTables(null, null, "BI%", null), "TABLE_NAME")).containsExactly("bids", "big_bids");
    assertThat(column(metadata.getTables(null, null, "big\\_bids", null), "TABLE_NAME")).containsExactly("big_bids");
    assertThat(column(metadata.getTables(null, "some_schema", "%", null), "TABLE_NAME")).isEmpty();
    assertThat(column(metadata.getSchemas(), "TABLE_SCHEM")).isEmpty();
    assertThat(column(metadata.getCatalogs(), "TABLE_CAT")).isEmpty();
  }

  @Test
  void getColumnsGivesNamesTypesAndNullabilityInOrder() throws Exception {
    DatabaseMetaData metadata = connection.getMetaData();
    List<String> described = new ArrayList<>();
    try (ResultSet columns = metadata.getColumns(null, null, "%", "%")) {
      while (columns.next()) {
        described.add(columns.getString("TABLE_NAME") + "." + columns.getString("COLUMN_NAME") + " "
            + columns.getInt("DATA_TYPE") + " " + columns.getString("TYPE_NAME") + " "
            + columns.getObject("COLUMN_SIZE") + "," + columns.getObject("DECIMAL_DIGITS") + " "
            + columns.getString("IS_NULLABLE") + " #" + columns.getInt("ORDINAL_POSITION"));
      }
    }
    assertThat(described).containsExactly(
        "bids.auction " + Types.BIGINT + " BIGINT 19,null NO #1",
        "bids.price " + Types.DECIMAL + " DECIMAL(10, 2) 10,2 YES #2",
        "bids.channel " + Types.VARCHAR + " VARCHAR " + Integer.MAX_VALUE + ",null YES #3",
        "bids.date_time " + Types.TIMESTAMP + " TIMESTAMP(3) 23,3 YES #4",
        "big_bids.auction " + Types.BIGINT + " BIGINT 19,null NO #1",
        "big_bids.doubled " + Types.DECIMAL + " DECIMAL(19, 2) 19,2 YES #2",
        "users.id " + Types.INTEGER + " INTEGER 10,null YES #1",
        "users.name " + Types.VARCHAR + " VARCHAR(20) 20,null YES #2",
        "users.tags " + Types.ARRAY + " ARRAY<VARCHAR> null,null YES #3");
    assertThat(column(metadata.getColumns(null, null, "bids", "%time"), "COLUMN_NAME")).containsExactly("date_time");
  }

  @Test
  void emptyMetadataHasJdbcColumnsAndTypesAndFunctionsAreListed() throws Exception {
    DatabaseMetaData metadata = connection.getMetaData();
    try (ResultSet keys = metadata.getPrimaryKeys(null, null, "bids")) {
      assertThat(keys.getMetaData().getColumnCount()).isEqualTo(6);
      assertThat(keys.getMetaData().getColumnName(5)).isEqualTo("KEY_SEQ");
      assertThat(keys.next()).isFalse();
    }
    assertThat(metadata.getIndexInfo(null, null, "bids", false, true).next()).isFalse();
    assertThat(metadata.getImportedKeys(null, null, "bids").getMetaData().getColumnCount()).isEqualTo(14);
    assertThat(column(metadata.getTypeInfo(), "TYPE_NAME")).contains("BIGINT", "VARCHAR", "TIMESTAMP", "DECIMAL");
    assertThat(column(metadata.getFunctions(null, null, "UPP%"), "FUNCTION_NAME")).contains("UPPER");
  }

  @Test
  void resultSetMetadataGivesPlannedNamesAndSqlTypes() throws Exception {
    write(dir.resolve("bids/1.csv"), "1,12.50,web,2024-01-01 00:00:00.000\n");
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT auction, price, channel AS ch, date_time, "
            + "CAST(auction AS INTEGER) AS small, price > 1 AS costly, CAST(auction AS DOUBLE) AS d, "
            + "CAST(date_time AS DATE) AS dt FROM bids")) {
      ResultSetMetaData metadata = rows.getMetaData();
      List<String> described = new ArrayList<>();
      for (int c = 1; c <= metadata.getColumnCount(); c++) {
        described.add(metadata.getColumnLabel(c) + " " + metadata.getColumnType(c) + " "
            + metadata.getColumnTypeName(c) + " " + metadata.getColumnClassName(c) + " "
            + (metadata.isNullable(c) == ResultSetMetaData.columnNoNulls ? "NOT NULL" : "NULL"));
      }
      assertThat(described).containsExactly(
          "auction " + Types.BIGINT + " BIGINT java.lang.Long NOT NULL",
          "price " + Types.DECIMAL + " DECIMAL(10, 2) java.math.BigDecimal NULL",
          "ch " + Types.VARCHAR + " VARCHAR java.lang.String NULL",
          "date_time " + Types.TIMESTAMP + " TIMESTAMP(3) java.sql.Timestamp NULL",
          "small " + Types.INTEGER + " INTEGER java.lang.Integer NOT NULL",
          "costly " + Types.BOOLEAN + " BOOLEAN java.lang.Boolean NULL",
          "d " + Types.DOUBLE + " DOUBLE java.lang.Double NOT NULL",
          "dt " + Types.DATE + " DATE java.sql.Date NULL");
      assertThat(metadata.getPrecision(2)).isEqualTo(10);
      assertThat(metadata.getScale(2)).isEqualTo(2);
      assertThat(metadata.isSigned(1)).isTrue();
      assertThat(metadata.isReadOnly(1)).isTrue();
      statement.cancel();
    }
  }

  @Test
  void valuesComeBackAsTheirJdbcClasses() throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (i INT, s VARCHAR, d DOUBLE, b BOOLEAN, ts TIMESTAMP(3), dt DATE, "
          + "m DECIMAL(5, 2)) WITH ('connector' = 'file', 'path' = '" + path(dir.resolve("t.csv"))
          + "', 'format' = 'csv', 'mode' = 'bounded')");
      try (ResultSet rows = statement.executeQuery("SELECT i, s, d, b, ts, dt, m, SPLIT(s, ',') AS parts FROM t")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getObject(1)).isEqualTo(1);
        assertThat(rows.getObject(2)).isEqualTo("a");
        assertThat(rows.getObject(3)).isEqualTo(2.5);
        assertThat(rows.getObject(4)).isEqualTo(true);
        assertThat(rows.getObject(5)).isEqualTo(java.sql.Timestamp.valueOf("2024-01-02 03:04:05.678"));
        assertThat(rows.getObject(6)).isEqualTo(java.sql.Date.valueOf("2024-01-02"));
        assertThat(rows.getObject(7)).isEqualTo(new java.math.BigDecimal("1.25"));
        assertThat((Object[]) rows.getArray(8).getArray()).containsExactly("a");
        assertThat(rows.getString(5)).isEqualTo("2024-01-02 03:04:05.678");
        assertThat(rows.getLong(3)).isEqualTo(2);
        assertThat(rows.getString(7)).isEqualTo("1.25");
        assertThat(rows.getDate(5)).isEqualTo(java.sql.Date.valueOf("2024-01-02"));
        assertThat(rows.getObject(5, java.time.LocalDateTime.class))
            .isEqualTo(java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000));
        assertThat(rows.getObject(6, java.time.LocalDate.class)).isEqualTo(java.time.LocalDate.of(2024, 1, 2));
        assertThat(rows.getObject(1, Long.class)).isEqualTo(1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.getLong(5))
            .isInstanceOf(java.sql.SQLDataException.class).hasMessageContaining("as long");
        assertThat(rows.next()).isFalse();
      }
      assertThat(rows(statement.executeQuery("SHOW TABLES"))).containsExactly(List.of("t"), List.of("users"));
    }
  }
}
