package io.rivulet.jdbc;

import static io.rivulet.jdbc.JdbcTestSupport.drop;
import static io.rivulet.jdbc.JdbcTestSupport.path;
import static io.rivulet.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The driver: its registration, its URLs and properties, and engines shared by name. */
@Timeout(60)
class DriverTest {
  @TempDir Path dir;

  private static Map<String, String> settings(Connection connection) throws SQLException {
    Map<String, String> settings = new TreeMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SET")) {
      while (rows.next()) {
        settings.put(rows.getString(1), rows.getString(2));
      }
    }
    return settings;
  }

  private static String uniqueName(String prefix) {
    return prefix + "-" + System.nanoTime();
  }

  @Test
  void theDriverIsFoundThroughServiceLoaderAndDriverManager() throws Exception {
    assertThat(ServiceLoader.load(Driver.class).stream().map(p -> p.type().getName()))
        .contains("io.rivulet.jdbc.RivuletDriver");
    Driver driver = DriverManager.getDriver("jdbc:rivulet:");
    assertThat(driver.acceptsURL("jdbc:rivulet:orders;parallelism=2")).isTrue();
    assertThat(driver.acceptsURL("jdbc:h2:mem:")).isFalse();
    assertThat(driver.connect("jdbc:h2:mem:", new Properties())).isNull();
    assertThat(driver.jdbcCompliant()).isFalse();
    assertThat(Collections.list(DriverManager.getDrivers())).anyMatch(d -> d instanceof RivuletDriver);
  }

  @Test
  void urlPropertiesBecomeSessionSettingsAndPropertiesWinOverTheUrl() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("batch.max-rows", "500");
    properties.setProperty("Parallelism", "3");
    properties.setProperty("user", "ignored");
    properties.setProperty("password", "ignored");
    try (Connection connection = DriverManager.getConnection(
        "jdbc:rivulet:;parallelism=2;batch.interval=100 ms;window.emit=every-batch;", properties)) {
      assertThat(settings(connection)).containsEntry("parallelism", "3").containsEntry("batch.interval", "100 ms")
          .containsEntry("batch.max-rows", "500").containsEntry("window.emit", "every-batch");
    }
    try (Connection connection = DriverManager.getConnection("jdbc:rivulet:", "someone", "secret")) {
      assertThat(settings(connection)).containsEntry("batch.interval", "1 s");
    }
  }

  @Test
  void badUrlsAndPropertiesAreErrorsThatSayWhatIsAllowed() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:rivulet:;paralelism=2"))
        .isInstanceOf(SQLException.class).hasMessageContaining("unknown connection property 'paralelism'")
        .hasMessageContaining("parallelism");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:rivulet:;parallelism=zero"))
        .isInstanceOf(SQLException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:rivulet:;parallelism"))
        .isInstanceOf(SQLException.class).hasMessageContaining(";key=value");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:rivulet:no/slashes"))
        .isInstanceOf(SQLException.class).hasMessageContaining("bad engine name");
  }

  @Test
  void propertyInfoListsEverySettingWithItsValue() throws Exception {
    DriverPropertyInfo[] info = DriverManager.getDriver("jdbc:rivulet:")
        .getPropertyInfo("jdbc:rivulet:x;parallelism=5", new Properties());
    Map<String, String> values = new TreeMap<>();
    Arrays.stream(info).forEach(p -> values.put(p.name, p.value));
    assertThat(values).containsEntry("parallelism", "5").containsEntry("batch.interval", "1 s")
        .containsKeys("window.emit", "late.policy", "state.ttl");
  }

  @Test
  void privateEnginesAreSeparate() throws Exception {
    try (Connection first = DriverManager.getConnection("jdbc:rivulet:");
        Connection second = DriverManager.getConnection("jdbc:rivulet:")) {
      first.createStatement().execute("CREATE STREAM s (a BIGINT) WITH ('connector' = 'blackhole')");
      assertThat(rows(second.createStatement().executeQuery("SHOW STREAMS"))).isEmpty();
    }
  }

  @Test
  void connectionsToANamedEngineShareItsCatalogAndQueries() throws Exception {
    Path lines = dir.resolve("lines");
    drop(lines, "1.txt", "a\nb\n");
    String url = "jdbc:rivulet:" + uniqueName("shared") + ";batch.interval=20 ms";
    try (Connection first = DriverManager.getConnection(url);
        Connection second = DriverManager.getConnection(url);
        Statement one = first.createStatement();
        Statement two = second.createStatement()) {
      one.execute("CREATE STREAM lines (line VARCHAR) WITH ('connector' = 'file', 'path' = '" + path(lines)
          + "', 'format' = 'text');"
          + "CREATE STREAM sink (line VARCHAR) WITH ('connector' = 'blackhole')");

      assertThat(rows(two.executeQuery("SHOW STREAMS"))).containsExactly(List.of("lines"), List.of("sink"));
      try (ResultSet tables = second.getMetaData().getTables(null, null, "lines", new String[] {"STREAM"})) {
        assertThat(tables.next()).isTrue();
      }

      assertThat(one.executeUpdate("INSERT INTO sink SELECT UPPER(line) FROM lines")).isZero();
      String id = one.getWarnings().getMessage().split(" ")[1];

      Map<String, String> shown = JdbcTestSupport.showQuery(second, row -> row.get("id").equals(id));
      assertThat(shown).containsEntry("status", "RUNNING");
      assertThat(shown.get("query")).isEqualTo("INSERT INTO sink SELECT UPPER(line) FROM lines");
      assertThat(second.unwrap(RivuletConnection.class).query(id)).isPresent();

      two.execute("STOP QUERY " + id);
      assertThat(JdbcTestSupport.showQuery(first, row -> row.get("id").equals(id))).containsEntry("status", "STOPPED");
    }
  }

  @Test
  void aNamedEngineLivesWhileAConnectionUsesItAndIsClosedWithTheLast() throws Exception {
    String url = "jdbc:rivulet:" + uniqueName("lifetime");
    Connection first = DriverManager.getConnection(url);
    first.createStatement().execute("CREATE STREAM s (a BIGINT) WITH ('connector' = 'blackhole')");
    try (Connection second = DriverManager.getConnection(url)) {
      first.close();
      assertThat(rows(second.createStatement().executeQuery("SHOW STREAMS"))).containsExactly(List.of("s"));
    }
    try (Connection third = DriverManager.getConnection(url)) {
      assertThat(rows(third.createStatement().executeQuery("SHOW STREAMS"))).isEmpty();
      assertThat(third.unwrap(RivuletConnection.class).engineName()).startsWith("lifetime-");
    }
  }

  @Test
  void theConnectionIsAlwaysInAutoCommitWithoutTransactions() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:rivulet:")) {
      assertThat(connection.getAutoCommit()).isTrue();
      connection.setAutoCommit(true);
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
      assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("auto-commit");
      assertThat(connection.isValid(1)).isTrue();
      assertThat(connection.getCatalog()).isNull();
      assertThat(connection.getSchema()).isNull();
      assertThat(connection.nativeSQL("SELECT 1")).isEqualTo("SELECT 1");
      assertThat(connection.isWrapperFor(RivuletConnection.class)).isTrue();
    }
  }
}
