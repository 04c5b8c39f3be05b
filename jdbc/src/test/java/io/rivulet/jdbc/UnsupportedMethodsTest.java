package io.rivulet.jdbc;

import static io.rivulet.jdbc.JdbcTestSupport.connect;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What Rivulet cannot do throws SQLFeatureNotSupportedException instead of answering wrongly. */
@Timeout(60)
class UnsupportedMethodsTest {
  private static void allUnsupported(List<ThrowingCallable> calls) {
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call).isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessageContaining("not supported");
    }
  }

  @Test
  void connectionFeaturesWithoutEquivalent() throws Exception {
    try (Connection connection = connect()) {
      allUnsupported(List.of(
          () -> connection.setAutoCommit(false),
          connection::setSavepoint,
          () -> connection.prepareCall("CALL x()"),
          connection::createBlob,
          connection::createClob,
          () -> connection.createStruct("T", new Object[0]),
          () -> connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY),
          () -> connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE),
          () -> connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE),
          () -> connection.prepareStatement("SELECT 1", new String[] {"id"}),
          () -> DriverManager.getDriver("jdbc:rivulet:").getParentLogger()));
    }
  }

  @Test
  void statementAndParameterFeaturesWithoutEquivalent() throws Exception {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        PreparedStatement prepared = connection.prepareStatement("SELECT ? AS x")) {
      allUnsupported(List.of(
          statement::getGeneratedKeys,
          () -> statement.execute("SHOW STREAMS", Statement.RETURN_GENERATED_KEYS),
          () -> statement.setCursorName("c"),
          () -> statement.setFetchDirection(ResultSet.FETCH_REVERSE),
          () -> statement.setMaxFieldSize(10),
          () -> statement.getMoreResults(Statement.KEEP_CURRENT_RESULT),
          () -> prepared.setBytes(1, new byte[] {1}),
          () -> prepared.setBinaryStream(1, new ByteArrayInputStream(new byte[0])),
          () -> prepared.setBlob(1, new ByteArrayInputStream(new byte[0])),
          () -> prepared.setURL(1, new java.net.URL("http://example.com")),
          () -> prepared.getParameterMetaData().getParameterType(1)));
    }
  }

  @Test
  void resultSetsAreForwardOnlyAndReadOnly() throws Exception {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW FUNCTIONS")) {
      rows.next();
      allUnsupported(List.of(
          rows::previous,
          rows::first,
          () -> rows.absolute(2),
          rows::beforeFirst,
          () -> rows.updateString(1, "x"),
          rows::insertRow,
          rows::moveToInsertRow,
          () -> rows.getBytes(1),
          () -> rows.getBlob(1),
          () -> rows.getClob(1),
          () -> rows.getObject(1, Map.of("T", String.class)),
          rows::getCursorName));
    }
  }

  @Test
  void aRunningQueryCannotTellWhetherItHasRowsBeforeOneArrives(@TempDir Path dir) throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE STREAM s (a BIGINT) WITH ('connector' = 'file', 'format' = 'csv', 'path' = '"
          + JdbcTestSupport.path(dir) + "')");
      try (ResultSet rows = statement.executeQuery("SELECT a FROM s")) {
        allUnsupported(List.of(rows::isBeforeFirst));
      }
    }
  }
}
