package io.rivulet.jdbc;

import static io.rivulet.jdbc.JdbcTestSupport.path;
import static io.rivulet.jdbc.JdbcTestSupport.showQuery;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A slow reader holds a query back: the query reads no further than a bounded buffer ahead. */
@Timeout(120)
class BackpressureTest {
  private static final int ROWS = 200_000;
  private static final int ROWS_PER_BATCH = 1_000;

  @TempDir Path dir;

  private static long inputRows(Connection connection, String id) throws Exception {
    Map<String, String> row = showQuery(connection, r -> r.get("id").equals(id));
    return Long.parseLong(row.get("input_rows"));
  }

  @Test
  void aSlowReaderKeepsTheQueryFromRunningAhead() throws Exception {
    Path data = dir.resolve("big/data.csv");
    Files.createDirectories(data.getParent());
    try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
      for (int i = 0; i < ROWS; i++) {
        out.write(i + "," + (i % 100) + ",some padding to make the rows a little wider\n");
      }
    }
    String url = "jdbc:rivulet:;parallelism=1;batch.interval=10 ms;batch.max-rows=" + ROWS_PER_BATCH;
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE STREAM big (id BIGINT, k BIGINT, padding VARCHAR) WITH ('connector' = 'file', "
          + "'path' = '" + path(data) + "', 'format' = 'csv', 'mode' = 'bounded')");
      try (ResultSet rows = statement.executeQuery("SELECT id, k FROM big WHERE k >= 0")) {
        String id = statement.unwrap(RivuletStatement.class).lastQuery().orElseThrow().id();
        assertThat(rows.next()).isTrue();

        // Unread, the query fills its result buffer and then waits: it stops reading its input.
        Thread.sleep(1_000);
        long whilePaused = inputRows(connection, id);
        Thread.sleep(500);
        long stillPaused = inputRows(connection, id);
        assertThat(whilePaused).isEqualTo(stillPaused).isLessThanOrEqualTo(30L * ROWS_PER_BATCH);
        assertThat(showQuery(connection, r -> r.get("id").equals(id))).containsEntry("status", "RUNNING");

        long count = 1;
        long sum = rows.getLong("id");
        while (rows.next()) {
          count++;
          sum += rows.getLong(1);
          if (count % 50_000 == 0) {
            Thread.sleep(50);
          }
        }
        assertThat(count).isEqualTo(ROWS);
        assertThat(sum).isEqualTo((long) ROWS * (ROWS - 1) / 2);
        assertThat(JdbcTestSupport.awaitStatus(connection, id, "FINISHED")).isEqualTo("FINISHED");
        // SHOW QUERIES sums input over its recent progress history only; the batch count is exact.
        long batches = Long.parseLong(showQuery(connection, r -> r.get("id").equals(id)).get("batches"));
        assertThat(batches).isGreaterThanOrEqualTo(ROWS / ROWS_PER_BATCH);
      }
    }
  }
}
