package io.rivulet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.exec.Progress;
import io.rivulet.runtime.exec.QueryStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Continuous queries over sources that keep growing: a watched directory and a socket. */
@Timeout(60)
class ContinuousQueryTest {
  @TempDir Path dir;

  private static String path(Path path) {
    return path.toAbsolutePath().toString().replace('\\', '/');
  }

  /** Writes a file the way the file source expects: under a hidden name, then renamed in. */
  private static void drop(Path directory, String name, String content) throws IOException {
    Path temporary = directory.resolve("." + name + ".tmp");
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Applies changelog batches to a key → count map until it equals {@code expected}. */
  private static Map<String, Long> awaitCounts(ResultStream rows, Map<String, Long> state,
      Map<String, Long> expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!state.equals(expected) && System.nanoTime() < deadline) {
      ResultBatch batch = rows.poll(Duration.ofMillis(100));
      if (batch == null) {
        continue;
      }
      Batch data = batch.rows();
      for (int r = 0; r < data.rowCount(); r++) {
        if (data.kind(r).isAccumulate()) {
          state.put((String) data.get(r, 0), (Long) data.get(r, 1));
        } else {
          state.remove((String) data.get(r, 0));
        }
      }
    }
    return state;
  }

  @Test
  void aWatchedDirectoryFeedsNewFilesIntoTheRunningQuery() throws Exception {
    Path words = Files.createDirectories(dir.resolve("words"));
    drop(words, "1.txt", "a b\nb\n");
    try (Engine engine = new Engine()) {
      Session session = engine.newSession();
      session.executeScript("SET 'batch.interval' = '50 ms';"
          + "CREATE STREAM lines (line VARCHAR) WITH ('connector' = 'file', 'path' = '" + path(words)
          + "', 'format' = 'text');");
      StatementResult.Streaming query = (StatementResult.Streaming) session.executeScript(
          "SELECT word, COUNT(*) AS n FROM lines CROSS JOIN UNNEST(SPLIT(line, ' ')) AS w(word) GROUP BY word")
          .get(0);
      Map<String, Long> counts = new HashMap<>();

      assertThat(awaitCounts(query.rows(), counts, Map.of("a", 1L, "b", 2L)))
          .isEqualTo(Map.of("a", 1L, "b", 2L));
      drop(words, "2.txt", "b c\n");
      assertThat(awaitCounts(query.rows(), counts, Map.of("a", 1L, "b", 3L, "c", 1L)))
          .isEqualTo(Map.of("a", 1L, "b", 3L, "c", 1L));
      assertThat(query.query().status()).isEqualTo(QueryStatus.RUNNING);

      query.query().stop();
      assertThat(query.query().awaitTermination(Duration.ofSeconds(10))).isTrue();
      assertThat(query.query().status()).isEqualTo(QueryStatus.STOPPED);
      List<Progress> history = query.query().progressHistory();
      assertThat(history.stream().mapToLong(Progress::inputRows).sum()).isEqualTo(3);
      assertThat(history.get(history.size() - 1).stateSize()).isEqualTo(3);
    }
  }

  @Test
  void aSocketStreamDeliversLinesAsTheyArrive() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Engine engine = new Engine()) {
      Session session = engine.newSession();
      session.executeScript("SET 'batch.interval' = '50 ms';"
          + "CREATE STREAM lines (line VARCHAR) WITH ('connector' = 'socket', 'host' = '127.0.0.1', 'port' = '"
          + server.getLocalPort() + "');");
      List<String> received = new ArrayList<>();
      StatementResult.Streaming query = (StatementResult.Streaming) session.executeScript(
          "SELECT UPPER(line) AS shout FROM lines WHERE line <> 'skip'").get(0);
      try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
        out.write("hello\nskip\nworld\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.size() < 2 && System.nanoTime() < deadline) {
          ResultBatch batch = query.rows().poll(Duration.ofMillis(100));
          if (batch != null) {
            for (int r = 0; r < batch.rows().rowCount(); r++) {
              received.add((String) batch.rows().get(r, 0));
            }
          }
        }
      }
      assertThat(received).containsExactly("HELLO", "WORLD");
      query.query().stop();
      assertThat(query.query().awaitTermination(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void aBoundedQueryReportsProgressForEveryBatch() throws Exception {
    Path data = Files.createDirectories(dir.resolve("events"));
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      rows.append(i % 7).append(',').append(i).append('\n');
    }
    Files.writeString(data.resolve("e.csv"), rows, StandardCharsets.UTF_8);
    try (Engine engine = new Engine()) {
      Session session = engine.newSession();
      session.executeScript("SET 'batch.max-rows' = '10'; SET 'parallelism' = '2';"
          + "CREATE STREAM events (k BIGINT, v BIGINT) WITH ('connector' = 'file', 'path' = '" + path(data)
          + "', 'format' = 'csv', 'mode' = 'bounded');");
      StatementResult.Streaming query = (StatementResult.Streaming) session.executeScript(
          "SELECT k, SUM(v) AS total FROM events GROUP BY k").get(0);
      while (query.rows().next() != null) {
        // drain
      }
      query.query().awaitTermination();

      assertThat(query.query().status()).isEqualTo(QueryStatus.FINISHED);
      List<Progress> history = query.query().progressHistory();
      assertThat(history).hasSizeGreaterThanOrEqualTo(10);
      assertThat(history.stream().mapToLong(Progress::inputRows).sum()).isEqualTo(100);
      assertThat(history.stream().mapToLong(Progress::batchId).toArray())
          .isEqualTo(java.util.stream.LongStream.range(0, history.size()).toArray());
      Progress last = history.get(history.size() - 1);
      assertThat(last.stateSize()).isEqualTo(7);
      assertThat(last.watermark()).isEqualTo(Long.MAX_VALUE);
      assertThat(last.stageMillis()).hasSize(2);
    }
  }

  @Test
  void stopQueryEndsASelectNobodyReadsAtOnce() throws Exception {
    Path data = Files.createDirectories(dir.resolve("many"));
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      rows.append(i).append('\n');
    }
    Files.writeString(data.resolve("n.csv"), rows, StandardCharsets.UTF_8);
    try (Engine engine = new Engine()) {
      Session session = engine.newSession();
      session.executeScript("SET 'batch.max-rows' = '10';"
          + "CREATE STREAM numbers (n BIGINT) WITH ('connector' = 'file', 'path' = '" + path(data)
          + "', 'format' = 'csv', 'mode' = 'bounded');");
      StatementResult.Streaming query =
          (StatementResult.Streaming) session.executeScript("SELECT n FROM numbers").get(0);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (query.query().progressHistory().size() < 16 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long started = System.nanoTime();

      session.executeScript("STOP QUERY " + query.query().id());

      assertThat(query.query().status()).isEqualTo(QueryStatus.STOPPED);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(query.query().totalInputRows()).isGreaterThanOrEqualTo(160);
    }
  }

  @Test
  void aSocketStreamEndsWhenTheServerClosesTheConnection() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Engine engine = new Engine()) {
      Session session = engine.newSession();
      session.executeScript("SET 'batch.interval' = '20 ms';"
          + "CREATE STREAM lines (line VARCHAR) WITH ('connector' = 'socket', 'host' = '127.0.0.1', 'port' = '"
          + server.getLocalPort() + "');");
      StatementResult.Streaming query = (StatementResult.Streaming) session.executeScript(
          "SELECT COUNT(*) AS n FROM lines").get(0);
      try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
        out.write("a\nb\nc\n".getBytes(StandardCharsets.UTF_8));
      }
      long last = -1;
      ResultBatch batch;
      while ((batch = query.rows().next()) != null) {
        Batch rows = batch.rows();
        for (int r = 0; r < rows.rowCount(); r++) {
          if (rows.kind(r).isAccumulate()) {
            last = (Long) rows.get(r, 0);
          }
        }
      }
      query.query().awaitTermination();

      assertThat(query.query().status()).isEqualTo(QueryStatus.FINISHED);
      assertThat(last).isEqualTo(3);
    }
  }
}
