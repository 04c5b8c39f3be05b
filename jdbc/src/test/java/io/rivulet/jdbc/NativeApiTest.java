package io.rivulet.jdbc;

import static io.rivulet.jdbc.JdbcTestSupport.connect;
import static io.rivulet.jdbc.JdbcTestSupport.drop;
import static io.rivulet.jdbc.JdbcTestSupport.path;
import static io.rivulet.jdbc.JdbcTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.exec.Progress;
import io.rivulet.runtime.exec.QueryStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The native API beside JDBC: start a query, watch and stop it through its handle, subscribe to its output. */
@Timeout(60)
class NativeApiTest {
  @TempDir Path dir;

  private String createWords() throws Exception {
    write(dir.resolve("words/a.txt"), "the quick fox\nthe lazy dog\n");
    write(dir.resolve("words/b.txt"), "The dog\n");
    return "CREATE STREAM lines (line VARCHAR) WITH ('connector' = 'file', 'path' = '" + path(dir.resolve("words"))
        + "', 'format' = 'text', 'mode' = 'bounded')";
  }

  private static final String WORD_COUNT = "SELECT word, COUNT(*) AS c "
      + "FROM lines CROSS JOIN UNNEST(SPLIT(LOWER(line), ' ')) AS w(word) GROUP BY word";

  @Test
  void aSubscriberReceivesEveryOutputBatchAndTheHandleReportsProgress() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createWords());
      RivuletConnection rivulet = connection.unwrap(RivuletConnection.class);
      List<RowBatch> batches = new CopyOnWriteArrayList<>();
      List<Progress> progress = new CopyOnWriteArrayList<>();

      RivuletQuery query = rivulet.start(WORD_COUNT, batches::add);
      query.onProgress(progress::add);

      assertThat(query.awaitTermination(Duration.ofSeconds(30))).isTrue();
      assertThat(query.status()).isEqualTo(QueryStatus.FINISHED);
      assertThat(query.failure()).isEmpty();
      assertThat(query.columnNames()).containsExactly("op", "word", "c");
      assertThat(query.changelog()).isTrue();
      Map<String, Long> counts = new TreeMap<>();
      for (RowBatch batch : batches) {
        assertThat(batch.queryId()).isEqualTo(query.id());
        assertThat(batch.columnNames()).containsExactly("op", "word", "c");
        for (List<Object> row : batch.rows()) {
          if (row.get(0).equals("+I") || row.get(0).equals("+U")) {
            counts.put((String) row.get(1), (Long) row.get(2));
          } else {
            counts.remove((String) row.get(1));
          }
        }
      }
      assertThat(counts).isEqualTo(Map.of("dog", 2L, "fox", 1L, "lazy", 1L, "quick", 1L, "the", 3L));
      assertThat(query.progressHistory()).isNotEmpty();
      assertThat(query.progressHistory().stream().mapToLong(Progress::inputRows).sum()).isEqualTo(3);
      assertThat(query.lastProgress().orElseThrow().watermark()).isEqualTo(Long.MAX_VALUE);
      assertThat(rivulet.queries()).extracting(RivuletQuery::id).contains(query.id());
      assertThat(rivulet.query(query.id()).orElseThrow().status()).isEqualTo(QueryStatus.FINISHED);
    }
  }

  @Test
  void aContinuousQueryRunsUntilItsHandleStopsIt() throws Exception {
    Path lines = dir.resolve("lines");
    drop(lines, "1.txt", "2024-01-01 00:00:01.000,a\n");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE STREAM events (ts TIMESTAMP(3), name VARCHAR) WITH ('connector' = 'file', "
          + "'path' = '" + path(lines) + "', 'format' = 'csv')");
      RivuletConnection rivulet = connection.unwrap(RivuletConnection.class);
      List<List<Object>> rows = new CopyOnWriteArrayList<>();
      RivuletQuery query = rivulet.start("SELECT ts, UPPER(name) AS name FROM events",
          batch -> rows.addAll(batch.rows()));

      drop(lines, "2.txt", "2024-01-01 00:00:02.500,b\n");
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (rows.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(query.status()).isEqualTo(QueryStatus.RUNNING);
      query.stop();
      assertThat(query.awaitTermination(Duration.ofSeconds(10))).isTrue();

      assertThat(query.status()).isEqualTo(QueryStatus.STOPPED);
      // Rows of different partitions may arrive in either order.
      assertThat(rows).containsExactlyInAnyOrder(
          List.of(Timestamp.valueOf("2024-01-01 00:00:01"), "A"),
          List.of(Timestamp.valueOf("2024-01-01 00:00:02.5"), "B"));
    }
  }

  @Test
  void anInsertIntoWritesItsSinkAndFeedsItsSubscriber() throws Exception {
    Path out = dir.resolve("out");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createWords() + ";CREATE STREAM counts (word VARCHAR, c BIGINT) WITH ("
          + "'connector' = 'file', 'path' = '" + path(out) + "', 'format' = 'json')");
      List<RowBatch> batches = new CopyOnWriteArrayList<>();
      RivuletQuery query = connection.unwrap(RivuletConnection.class).start(
          "INSERT INTO counts SELECT word, COUNT(*) AS c FROM lines CROSS JOIN UNNEST(SPLIT(LOWER(line), ' ')) "
              + "AS w(word) GROUP BY word", batches::add);

      query.awaitTermination();

      assertThat(query.status()).isEqualTo(QueryStatus.FINISHED);
      assertThat(batches.stream().mapToInt(b -> b.rows().size()).sum()).isGreaterThanOrEqualTo(5);
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.filter(f -> !f.getFileName().toString().startsWith("."))).isNotEmpty();
      }
    }
  }

  @Test
  void startWithoutASubscriberRunsAnInsertInTheBackground() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createWords() + ";CREATE STREAM sink (line VARCHAR) WITH ('connector' = 'blackhole')");
      RivuletQuery query = connection.unwrap(RivuletConnection.class).start("INSERT INTO sink SELECT line FROM lines");
      assertThat(query.awaitTermination(Duration.ofSeconds(30))).isTrue();
      assertThat(query.progressHistory().stream().mapToLong(Progress::inputRows).sum()).isEqualTo(3);
      assertThat(query.sql()).isEqualTo("INSERT INTO sink SELECT line FROM lines");
    }
  }

  @Test
  void aFailingSubscriberFailsTheQuery() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createWords());
      RivuletQuery query = connection.unwrap(RivuletConnection.class).start("SELECT line FROM lines", batch -> {
        throw new IllegalStateException("subscriber gave up");
      });
      query.awaitTermination();
      assertThat(query.status()).isEqualTo(QueryStatus.FAILED);
      assertThat(query.failure().orElseThrow().getMessage()).contains("subscriber gave up");
    }
  }

  @Test
  void startTakesOneQueryAndReportsPlanningErrorsAsSqlExceptions() throws Exception {
    try (Connection connection = connect()) {
      RivuletConnection rivulet = connection.unwrap(RivuletConnection.class);
      assertThatThrownBy(() -> rivulet.start("SHOW STREAMS")).isInstanceOf(SQLException.class)
          .hasMessageContaining("one SELECT or INSERT INTO");
      assertThatThrownBy(() -> rivulet.start("SELECT x FROM nowhere", batch -> { }))
          .isInstanceOf(SQLException.class).hasMessageContaining("at 1:15").hasMessageContaining("nowhere");
    }
  }

  @Test
  void aStatementTellsWhichQueryItsLastExecutionStarted() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(createWords() + ";CREATE STREAM sink (line VARCHAR) WITH ('connector' = 'blackhole')");
      RivuletStatement rivulet = statement.unwrap(RivuletStatement.class);
      assertThat(rivulet.lastQuery()).isEmpty();

      statement.executeUpdate("INSERT INTO sink SELECT line FROM lines");
      RivuletQuery insert = rivulet.lastQuery().orElseThrow();
      assertThat(statement.getWarnings().getMessage()).contains(insert.id());

      statement.executeQuery("SELECT line FROM lines").close();
      RivuletQuery select = rivulet.lastQuery().orElseThrow();
      assertThat(select.id()).isNotEqualTo(insert.id());
      assertThat(select.handle().sql()).isEqualTo("SELECT line FROM lines");
    }
  }
}
