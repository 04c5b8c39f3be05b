package io.rivulet.jdbc;

import static io.rivulet.jdbc.JdbcTestSupport.connect;
import static io.rivulet.jdbc.JdbcTestSupport.finalValues;
import static io.rivulet.jdbc.JdbcTestSupport.path;
import static io.rivulet.jdbc.JdbcTestSupport.rows;
import static io.rivulet.jdbc.JdbcTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Statements through java.sql: DDL, SET, commands, bounded queries read to the end, INSERT INTO. */
@Timeout(60)
class StatementTest {
  @TempDir Path dir;

  @BeforeEach
  void data() throws Exception {
    write(dir.resolve("bids/part-0.csv"), "1,100,web,2024-03-01 10:00:00.000\n2,200,app,2024-03-01 10:00:01.500\n");
    write(dir.resolve("bids/part-1.csv"), "3,300,web,2024-03-01 10:00:02.000\n4,50,app,2024-03-01 10:00:03.250\n");
  }

  private String createBids() {
    return "CREATE STREAM bids (auction BIGINT, price BIGINT, channel VARCHAR, ts TIMESTAMP(3)) "
        + "WITH ('connector' = 'file', 'path' = '" + path(dir.resolve("bids")) + "', 'format' = 'csv', "
        + "'mode' = 'bounded')";
  }

  @Test
  void ddlReturnsAnUpdateCountOfZeroAndNoResultSet() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertThat(statement.execute(createBids())).isFalse();
      assertThat(statement.getUpdateCount()).isZero();
      assertThat(statement.getResultSet()).isNull();
      assertThat(statement.executeUpdate("CREATE VIEW cheap AS SELECT auction FROM bids WHERE price < 150")).isZero();
      assertThat(statement.executeUpdate("DROP VIEW cheap")).isZero();

      assertThat(rows(statement.executeQuery("SHOW STREAMS"))).containsExactly(List.of("bids"));
      assertThat(rows(statement.executeQuery("SHOW VIEWS"))).isEmpty();
    }
  }

  @Test
  void aBoundedQueryIsReadToTheEndWithExactRowsAndTypes() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createBids());
      List<String> seen = new java.util.ArrayList<>();
      try (ResultSet rows = statement.executeQuery(
          "SELECT auction, price * 2 AS doubled, UPPER(channel) AS ch, ts FROM bids WHERE price > 75")) {
        assertThat(rows.getMetaData().getColumnCount()).isEqualTo(4);
        while (rows.next()) {
          long auction = rows.getLong("auction");
          Timestamp ts = rows.getTimestamp(4);
          seen.add(auction + "," + rows.getInt(2) + "," + rows.getString("CH") + "," + ts);
          assertThat(rows.getObject(1)).isInstanceOf(Long.class);
          assertThat(rows.getObject(4, LocalDateTime.class)).isEqualTo(ts.toLocalDateTime());
        }
        assertThat(rows.next()).isFalse();
        assertThat((Object) rows.getWarnings()).isNull();
      }
      // One partition per file: rows of a file keep their order; files may interleave.
      assertThat(seen).containsExactlyInAnyOrder(
          "1,200,WEB,2024-03-01 10:00:00.0",
          "2,400,APP,2024-03-01 10:00:01.5",
          "3,600,WEB,2024-03-01 10:00:02.0");
    }
  }

  @Test
  void anUpdatingResultCarriesTheChangeKindInAFirstColumnOp() throws Exception {
    write(dir.resolve("events.csv"), "a,1\nb,2\na,3\n");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE STREAM events (k VARCHAR, v BIGINT) WITH ('connector' = 'file', 'path' = '"
          + path(dir.resolve("events.csv")) + "', 'format' = 'csv', 'mode' = 'bounded')");
      statement.execute("SET 'batch.max-rows' = '1'");
      try (ResultSet rows = statement.executeQuery("SELECT k, SUM(v) AS total FROM events GROUP BY k")) {
        assertThat(rows.getMetaData().getColumnName(1)).isEqualTo("op");
        assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("VARCHAR");
        assertThat(rows.getMetaData().getColumnName(2)).isEqualTo("k");
        assertThat(rows(rows)).containsExactly(
            List.of("+I", "a", "1"), List.of("+I", "b", "2"), List.of("-U", "a", "1"), List.of("+U", "a", "4"));
      }
      statement.execute(createBids());
      try (ResultSet rows = statement.executeQuery("SELECT channel, SUM(price) AS total FROM bids GROUP BY channel")) {
        assertThat(finalValues(rows)).isEqualTo(Map.of("app", "250", "web", "400"));
      }
    }
  }

  @Test
  void showDescribeExplainAndSetReturnResultSets() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createBids());

      assertThat(statement.execute("DESCRIBE bids")).isTrue();
      assertThat(rows(statement.getResultSet())).containsExactly(
          List.of("auction", "BIGINT", "true", ""), List.of("price", "BIGINT", "true", ""),
          List.of("channel", "VARCHAR", "true", ""), List.of("ts", "TIMESTAMP(3)", "true", ""));

      try (ResultSet plan = statement.executeQuery("EXPLAIN SELECT channel FROM bids")) {
        assertThat(plan.getMetaData().getColumnName(1)).isEqualTo("plan");
        StringBuilder text = new StringBuilder();
        while (plan.next()) {
          text.append(plan.getString(1)).append('\n');
        }
        assertThat(text.toString()).contains("== Logical Plan ==", "== Physical DAG ==");
      }

      assertThat(statement.executeUpdate("SET 'batch.max-rows' = '7'")).isZero();
      Map<String, String> settings = new java.util.HashMap<>();
      try (ResultSet rows = statement.executeQuery("SET")) {
        while (rows.next()) {
          settings.put(rows.getString("key"), rows.getString("value"));
        }
      }
      assertThat(settings).containsEntry("batch.max-rows", "7").containsEntry("parallelism", "2")
          .containsEntry("batch.interval", "20 ms");
      statement.execute("RESET 'batch.max-rows'");
      assertThat(rows(statement.executeQuery("SET"))).contains(List.of("batch.max-rows", "65536"));
    }
  }

  @Test
  void executeRunsAScriptWhoseResultsAreWalkedWithGetMoreResults() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      boolean rows = statement.execute(createBids() + ";\nSHOW STREAMS;\nSET 'parallelism' = '1';\n"
          + "SELECT auction FROM bids WHERE price > 1000");
      assertThat(rows).isFalse();
      assertThat(statement.getUpdateCount()).isZero();
      assertThat(statement.getMoreResults()).isTrue();
      assertThat(rows(statement.getResultSet())).containsExactly(List.of("bids"));
      assertThat(statement.getMoreResults()).isFalse();
      assertThat(statement.getUpdateCount()).isZero();
      assertThat(statement.getMoreResults()).isTrue();
      assertThat(rows(statement.getResultSet())).isEmpty();
      assertThat(statement.getMoreResults()).isFalse();
      assertThat(statement.getUpdateCount()).isEqualTo(-1);
    }
  }

  @Test
  void executeQueryAndExecuteUpdateRefuseTheOtherKindOfStatementAndRunNothing() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery(createBids()))
          .isInstanceOf(SQLException.class).hasMessageContaining("executeQuery");
      assertThat(rows(statement.executeQuery("SHOW STREAMS"))).isEmpty();
      statement.execute(createBids());
      assertThatThrownBy(() -> statement.executeUpdate("SELECT * FROM bids"))
          .isInstanceOf(SQLException.class).hasMessageContaining("executeUpdate");
      assertThat(rows(statement.executeQuery("SHOW QUERIES"))).isEmpty();
      // A script may set things up before its one query.
      try (ResultSet rows = statement.executeQuery("SET 'parallelism' = '1'; SELECT auction FROM bids")) {
        assertThat(rows(rows)).hasSize(4);
      }
    }
  }

  @Test
  void maxRowsEndsTheResultAndStopsTheQuery() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createBids());
      statement.setMaxRows(2);
      try (ResultSet rows = statement.executeQuery("SELECT auction FROM bids")) {
        assertThat(rows(rows)).hasSize(2);
      }
    }
  }

  @Test
  void insertIntoStartsAPersistentQueryAndReportsItsId() throws Exception {
    Path out = dir.resolve("out");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createBids());
      statement.execute("CREATE STREAM expensive (auction BIGINT, price BIGINT) WITH ('connector' = 'file', "
          + "'path' = '" + path(out) + "', 'format' = 'csv')");

      int count = statement.executeUpdate("INSERT INTO expensive SELECT auction, price FROM bids WHERE price >= 200");

      assertThat(count).isZero();
      SQLWarning warning = statement.getWarnings();
      assertThat((Object) warning).isNotNull();
      assertThat(warning.getMessage()).matches("query q\\d+ started; .*STOP QUERY q\\d+.*");
      String id = warning.getMessage().split(" ")[1];
      assertThat(JdbcTestSupport.awaitStatus(connection, id, "FINISHED")).isEqualTo("FINISHED");
      Map<String, String> shown = JdbcTestSupport.showQuery(connection, row -> row.get("id").equals(id));
      assertThat(shown.get("query")).startsWith("INSERT INTO expensive");
      assertThat(shown.get("input_rows")).isEqualTo("4");
      List<String> written;
      try (Stream<Path> files = Files.list(out)) {
        written = files.filter(f -> f.toString().endsWith(".csv")).flatMap(f -> {
          try {
            return Files.readAllLines(f).stream().skip(1);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).sorted().toList();
      }
      assertThat(written).containsExactly("2,200", "3,300");
    }
  }

  @Test
  void runtimeFailuresOfAQueryReachTheReaderAsSqlExceptions() throws Exception {
    write(dir.resolve("bad/part-0.csv"), "1,2\nnot-a-number,3\n");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE STREAM bad (a BIGINT, b BIGINT) WITH ('connector' = 'file', 'path' = '"
          + path(dir.resolve("bad")) + "', 'format' = 'csv', 'mode' = 'bounded', 'on-error' = 'fail')");
      try (ResultSet rows = statement.executeQuery("SELECT a FROM bad")) {
        assertThatThrownBy(() -> {
          while (rows.next()) {
            // read until the failure surfaces
          }
        }).isInstanceOf(SQLException.class)
            .hasMessageContaining("not-a-number")
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22000"));
      }
    }
  }

  @Test
  void closingTheConnectionClosesItsStatementsAndResultSets() throws Exception {
    Connection connection = connect();
    Statement statement = connection.createStatement();
    statement.execute(createBids());
    ResultSet rows = statement.executeQuery("SELECT auction FROM bids");
    connection.close();
    assertThat(connection.isClosed()).isTrue();
    assertThat(statement.isClosed()).isTrue();
    assertThat(rows.isClosed()).isTrue();
    assertThatThrownBy(statement::getResultSet).isInstanceOf(SQLException.class);
    assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class)
        .hasMessageContaining("closed");
  }
}
