package io.rivulet.jdbc;

import static io.rivulet.jdbc.JdbcTestSupport.connect;
import static io.rivulet.jdbc.JdbcTestSupport.path;
import static io.rivulet.jdbc.JdbcTestSupport.rows;
import static io.rivulet.jdbc.JdbcTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ?} parameters: bound as literals of their type, safe against injection, errors placed as written. */
@Timeout(60)
class PreparedStatementTest {
  @TempDir Path dir;
  private Connection connection;

  @BeforeEach
  void data() throws Exception {
    write(dir.resolve("people/part-0.csv"), String.join("\n",
        "1,Ann,2024-03-01 10:00:00.000,2024-03-01,1.50",
        "2,O'Brien,2024-03-01 10:30:00.250,2024-03-02,2.25",
        "3,Bob,2024-03-02 08:00:00.000,2024-03-03,",
        "4,,2024-03-03 09:00:00.000,2024-03-04,4.00") + "\n");
  }

  private Connection open() throws Exception {
    connection = connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE people (id BIGINT, name VARCHAR, seen TIMESTAMP(3), born DATE, "
          + "score DECIMAL(5, 2)) WITH ('connector' = 'file', 'path' = '" + path(dir.resolve("people"))
          + "', 'format' = 'csv', 'mode' = 'bounded')");
    }
    return connection;
  }

  private static List<String> ids(PreparedStatement statement) throws SQLException {
    List<String> ids = new java.util.ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    ids.sort(null);
    return ids;
  }

  @Test
  void aStringParameterWithAQuoteMatchesExactlyAndCannotInject() throws Exception {
    try (Connection connection = open();
        PreparedStatement statement = connection.prepareStatement("SELECT id, name FROM people WHERE name = ?")) {
      statement.setString(1, "O'Brien");
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows(rows)).containsExactly(List.of("2", "O'Brien"));
      }

      statement.setString(1, "x' OR '1' = '1");
      assertThat(ids(statement)).isEmpty();
      statement.setString(1, "Ann'; DROP TABLE people; --");
      assertThat(ids(statement)).isEmpty();
      try (Statement check = connection.createStatement()) {
        assertThat(rows(check.executeQuery("SHOW TABLES"))).containsExactly(List.of("people"));
      }
    }
  }

  @Test
  void numbersTimestampsDatesAndDecimalsBindWithTheirTypes() throws Exception {
    try (Connection connection = open()) {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT id FROM people WHERE id > ? AND seen >= ? AND born <= ?")) {
        statement.setLong(1, 1);
        statement.setTimestamp(2, Timestamp.valueOf("2024-03-01 10:30:00.250"));
        statement.setDate(3, Date.valueOf("2024-03-03"));
        assertThat(ids(statement)).containsExactly("2", "3");

        statement.setInt(1, 0);
        statement.setObject(2, LocalDateTime.of(2024, 3, 2, 0, 0));
        statement.setObject(3, LocalDate.of(2024, 3, 10));
        assertThat(ids(statement)).containsExactly("3", "4");
      }
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT id FROM people WHERE score >= ? AND score < ?")) {
        statement.setBigDecimal(1, new BigDecimal("1.50"));
        statement.setDouble(2, 4.0);
        assertThat(ids(statement)).containsExactly("1", "2");
        statement.setObject(1, "2", Types.DECIMAL);
        statement.setFloat(2, 4.5f);
        assertThat(ids(statement)).containsExactly("2", "4");
      }
    }
  }

  @Test
  void aTimestampWithACalendarBindsTheWallClockOfThatZone() throws Exception {
    try (Connection connection = open();
        PreparedStatement statement = connection.prepareStatement("SELECT id FROM people WHERE seen = ?")) {
      Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      Timestamp instant = Timestamp.from(java.time.Instant.parse("2024-03-01T10:00:00Z"));
      statement.setTimestamp(1, instant, utc);
      assertThat(ids(statement)).containsExactly("1");
      try (ResultSet rows = connection.createStatement().executeQuery("SELECT seen FROM people WHERE id = 1")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getTimestamp(1, utc)).isEqualTo(instant);
        assertThat(rows.getTimestamp(1)).isEqualTo(Timestamp.valueOf("2024-03-01 10:00:00"));
      }
    }
  }

  @Test
  void nullParametersAreTypedNulls() throws Exception {
    try (Connection connection = open();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT id, COALESCE(name, ?) AS name FROM people WHERE score IS NULL OR name IS NULL")) {
      statement.setNull(1, Types.VARCHAR);
      try (ResultSet rows = statement.executeQuery()) {
        List<List<String>> all = rows(rows);
        all.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        assertThat(all).containsExactly(List.of("3", "Bob"), java.util.Arrays.asList("4", null));
      }
      statement.setString(1, "nobody");
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows(rows)).contains(List.of("4", "nobody"));
      }
    }
  }

  @Test
  void parametersAlsoBindInDdlAndAMarkerInsideAStringIsNotAParameter() throws Exception {
    try (Connection connection = open();
        PreparedStatement create = connection.prepareStatement("CREATE STREAM copy (id BIGINT, name VARCHAR, seen VARCHAR, born VARCHAR, score VARCHAR) WITH "
            + "('connector' = 'file', 'path' = ?, 'format' = 'csv', 'mode' = 'bounded') -- what?")) {
      assertThat(create.getParameterMetaData().getParameterCount()).isEqualTo(1);
      create.setString(1, path(dir.resolve("people")));
      assertThat(create.executeUpdate()).isZero();
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT id, '?' AS mark FROM copy WHERE id = ? /* ? */")) {
        assertThat(query.getParameterMetaData().getParameterCount()).isEqualTo(1);
        query.setInt(1, 3);
        try (ResultSet rows = query.executeQuery()) {
          assertThat(rows(rows)).containsExactly(List.of("3", "?"));
        }
      }
    }
  }

  @Test
  void anUnsetParameterIsAnError() throws Exception {
    try (Connection connection = open();
        PreparedStatement statement = connection.prepareStatement("SELECT id FROM people WHERE id = ? OR id = ?")) {
      statement.setInt(1, 1);
      assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
          .hasMessageContaining("parameter 2 of 2 is not set")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07001"));
      assertThatThrownBy(() -> statement.setInt(3, 1)).isInstanceOf(SQLException.class)
          .hasMessageContaining("no parameter 3");
      statement.clearParameters();
      assertThatThrownBy(statement::executeQuery).hasMessageContaining("parameter 1 of 2 is not set");
    }
  }

  @Test
  void errorPositionsPointIntoTheTextAsWrittenWithItsMarkers() throws Exception {
    try (Connection connection = open();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT id FROM people\nWHERE name = ? AND nope = ?")) {
      statement.setString(1, "a rather long string value");
      statement.setInt(2, 1);
      // 'nope' is at line 2, column 20 of the text as written (before binding).
      assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("at 2:20")
          .hasMessageContaining("nope");
    }
  }

  @Test
  void batchesOfParameterSetsRunOneAfterAnother() throws Exception {
    try (Connection connection = open();
        PreparedStatement statement = connection.prepareStatement("SET 'batch.max-rows' = ?")) {
      statement.setString(1, "5");
      statement.addBatch();
      statement.setString(1, "6");
      statement.addBatch();
      assertThat(statement.executeBatch()).containsExactly(0, 0);
      try (ResultSet rows = connection.createStatement().executeQuery("SET")) {
        assertThat(rows(rows)).contains(List.of("batch.max-rows", "6"));
      }
      assertThatThrownBy(() -> statement.executeQuery("SHOW TABLES")).isInstanceOf(SQLException.class)
          .hasMessageContaining("prepared statement");
    }
  }
}
