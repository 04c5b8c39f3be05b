package io.rivulet.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Helpers for tests that use Rivulet through java.sql only. */
final class JdbcTestSupport {
  private JdbcTestSupport() {}

  /** A private engine with small, fast micro-batches. */
  static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:rivulet:;parallelism=2;batch.interval=20 ms");
  }

  /** A path as SQL text expects it. */
  static String path(Path path) {
    return path.toAbsolutePath().toString().replace('\\', '/');
  }

  static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** Adds a file to a watched directory the way the file source expects: written hidden, then renamed. */
  static void drop(Path directory, String name, String content) throws IOException {
    Files.createDirectories(directory);
    Path temporary = directory.resolve("." + name + ".tmp");
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Every row of a result set as its values' strings, in order. */
  static List<List<String>> rows(ResultSet rows) throws SQLException {
    List<List<String>> all = new ArrayList<>();
    int columns = rows.getMetaData().getColumnCount();
    while (rows.next()) {
      List<String> row = new ArrayList<>();
      for (int c = 1; c <= columns; c++) {
        row.add(rows.getString(c));
      }
      all.add(row);
    }
    return all;
  }

  /** Applies a changelog result (first column op, then key, then value) to a sorted map. */
  static Map<String, String> finalValues(ResultSet rows) throws SQLException {
    Map<String, String> values = new TreeMap<>();
    while (rows.next()) {
      String op = rows.getString("op");
      if (op.equals("+I") || op.equals("+U")) {
        values.put(rows.getString(2), rows.getString(3));
      } else {
        values.remove(rows.getString(2));
      }
    }
    return values;
  }

  /** The first SHOW QUERIES row that {@code which} accepts, as column → value; empty if none. */
  static Map<String, String> showQuery(Connection connection, Predicate<Map<String, String>> which)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW QUERIES")) {
      while (rows.next()) {
        Map<String, String> row = new TreeMap<>();
        for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
          row.put(rows.getMetaData().getColumnName(c), rows.getString(c));
        }
        if (which.test(row)) {
          return row;
        }
      }
    }
    return Map.of();
  }

  /** Waits until the query's SHOW QUERIES status is {@code status}; returns the last status seen. */
  static String awaitStatus(Connection connection, String queryId, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String seen = "";
    while (System.nanoTime() < deadline) {
      seen = showQuery(connection, row -> row.get("id").equals(queryId)).getOrDefault("status", "");
      if (seen.equals(status)) {
        return seen;
      }
      Thread.sleep(20);
    }
    return seen;
  }
}
