package io.rivulet.jdbc;

import static io.rivulet.jdbc.JdbcTestSupport.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mistakes in SQL are SQLExceptions whose message names the line and column, with a SQLState. */
@Timeout(60)
class ErrorsTest {
  private static SQLException error(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE STREAM bids (auction BIGINT, price BIGINT, ts TIMESTAMP(3)) "
          + "WITH ('connector' = 'blackhole')");
      return catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
    }
  }

  @Test
  void aSyntaxErrorNamesItsPositionWithSqlState42000() throws Exception {
    SQLException error = error("SELECT auction\nFROM bids\nWHERE price >");

    assertThat((Object) error).isInstanceOf(SQLSyntaxErrorException.class);
    assertThat(error.getSQLState()).isEqualTo("42000");
    assertThat(error.getMessage()).startsWith("syntax error at 3:").doesNotContain("Exception");
  }

  @Test
  void aValidationErrorNamesTheColumnAndItsPosition() throws Exception {
    SQLException error = error("SELECT auction,\n       nope\nFROM bids");

    assertThat((Object) error).isInstanceOf(SQLSyntaxErrorException.class);
    assertThat(error.getSQLState()).isEqualTo("42000");
    assertThat(error.getMessage()).startsWith("validation error at 2:8: ").contains("nope");
  }

  @Test
  void anErrorInALaterStatementOfAScriptIsPlacedInTheWholeScript() throws Exception {
    SQLException error = error("SHOW STREAMS;\nSET 'parallelism' = '2';\n  SELECT * FROM missing");

    assertThat(error.getMessage()).startsWith("validation error at 3:").contains("missing");
  }

  @Test
  void anUnknownSettingIsAValidationError() throws Exception {
    SQLException error = error("SET 'paralelism' = '2'");

    assertThat(error.getSQLState()).isEqualTo("42000");
    assertThat(error.getMessage()).startsWith("validation error at 1:1: unknown setting 'paralelism'");
  }

  @Test
  void anUnsupportedConstructIsAFeatureNotSupportedError() throws Exception {
    SQLException error = error("SELECT a.auction FROM bids a, bids b");

    assertThat((Object) error).isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThat(error.getSQLState()).isEqualTo("0A000");
    assertThat(error.getMessage()).startsWith("unsupported at 1:");
  }
}
