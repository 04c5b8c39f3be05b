package io.rivulet.jdbc;

import static io.rivulet.jdbc.JdbcTestSupport.awaitStatus;
import static io.rivulet.jdbc.JdbcTestSupport.connect;
import static io.rivulet.jdbc.JdbcTestSupport.drop;
import static io.rivulet.jdbc.JdbcTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows of a continuous query (a watched directory): next() blocks until rows arrive and returns
 * false once the query is cancelled, times out, or its statement or connection is closed.
 */
@Timeout(60)
class ContinuousResultTest {
  @TempDir Path dir;
  private final ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
  private Path lines;

  @BeforeEach
  void firstFile() throws Exception {
    lines = dir.resolve("lines");
    drop(lines, "1.txt", "hello\nworld\n");
  }

  @AfterEach
  void stopOther() {
    other.shutdownNow();
  }

  private String createLines() {
    return "CREATE STREAM lines (line VARCHAR) WITH ('connector' = 'file', 'path' = '" + path(lines)
        + "', 'format' = 'text')";
  }

  private static String queryId(Statement statement) throws SQLException {
    return statement.unwrap(RivuletStatement.class).lastQuery().orElseThrow().id();
  }

  @Test
  void nextBlocksUntilNewInputArrives() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createLines());
      try (ResultSet rows = statement.executeQuery("SELECT UPPER(line) AS shout FROM lines")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("HELLO");
        assertThat(rows.next()).isTrue();
        other.schedule(() -> {
          drop(lines, "2.txt", "again\n");
          return null;
        }, 300, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("shout")).isEqualTo("AGAIN");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(250);
      }
    }
  }

  @Test
  void cancelFromAnotherThreadEndsTheRowsAndStopsTheQuery() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createLines());
      ResultSet rows = statement.executeQuery("SELECT line FROM lines");
      assertThat(rows.next()).isTrue();
      assertThat(rows.next()).isTrue();
      other.schedule(() -> {
        statement.cancel();
        return null;
      }, 300, TimeUnit.MILLISECONDS);

      long started = System.nanoTime();
      assertThat(rows.next()).isFalse();
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(waited).isBetween(250L, 5_000L);
      SQLWarning warning = rows.getWarnings();
      assertThat(warning.getMessage()).contains("cancelled");
      assertThat(warning.getSQLState()).isEqualTo("HY008");
      assertThat(awaitStatus(connection, queryId(statement), "STOPPED")).isEqualTo("STOPPED");
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void theQueryTimeoutEndsTheRowsAndStopsTheQuery() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createLines());
      statement.setQueryTimeout(1);
      long started = System.nanoTime();
      try (ResultSet rows = statement.executeQuery("SELECT line FROM lines")) {
        int read = 0;
        while (rows.next()) {
          read++;
        }
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(read).isEqualTo(2);
        assertThat(waited).isBetween(900L, 6_000L);
        assertThat(rows.getWarnings().getMessage()).contains("query timeout of 1 s");
        assertThat(awaitStatus(connection, queryId(statement), "STOPPED")).isEqualTo("STOPPED");
      }
    }
  }

  @Test
  void closingTheStatementFromAnotherThreadEndsTheRows() throws Exception {
    try (Connection connection = connect()) {
      Statement statement = connection.createStatement();
      statement.execute(createLines());
      ResultSet rows = statement.executeQuery("SELECT line FROM lines");
      String id = queryId(statement);
      other.schedule(() -> {
        statement.close();
        return null;
      }, 300, TimeUnit.MILLISECONDS);

      while (rows.next()) {
        // two rows, then the close
      }

      assertThat(rows.isClosed()).isTrue();
      assertThatThrownBy(rows::next).isInstanceOf(SQLException.class).hasMessageContaining("closed");
      assertThat(awaitStatus(connection, id, "STOPPED")).isEqualTo("STOPPED");
    }
  }

  @Test
  void closingTheConnectionFromAnotherThreadEndsTheRows() throws Exception {
    Connection connection = DriverManager.getConnection("jdbc:rivulet:;batch.interval=20 ms");
    Statement statement = connection.createStatement();
    statement.execute(createLines());
    ResultSet rows = statement.executeQuery("SELECT line FROM lines");
    other.schedule(() -> {
      connection.close();
      return null;
    }, 300, TimeUnit.MILLISECONDS);
    long started = System.nanoTime();
    int read = 0;
    while (rows.next()) {
      read++;
    }
    assertThat(read).isEqualTo(2);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000L);
    assertThat(connection.isClosed()).isTrue();
  }

  @Test
  void stopQueryFromAnotherConnectionEndsTheRowsWithAWarning() throws Exception {
    String url = "jdbc:rivulet:stop-" + System.nanoTime() + ";batch.interval=20 ms";
    try (Connection reader = DriverManager.getConnection(url);
        Connection stopper = DriverManager.getConnection(url);
        Statement statement = reader.createStatement()) {
      statement.execute(createLines());
      ResultSet rows = statement.executeQuery("SELECT line FROM lines");
      String id = queryId(statement);
      other.schedule(() -> {
        try (Statement stop = stopper.createStatement()) {
          stop.execute("STOP QUERY " + id);
        }
        return null;
      }, 300, TimeUnit.MILLISECONDS);

      int read = 0;
      while (rows.next()) {
        read++;
      }

      assertThat(read).isEqualTo(2);
      assertThat(rows.getWarnings().getMessage()).contains("stopped (STOP QUERY)");
    }
  }
}
