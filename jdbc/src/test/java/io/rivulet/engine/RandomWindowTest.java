package io.rivulet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.exec.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random event streams, out of order within the watermark delay and spread over several files
 * (partitions), run at a random parallelism and batch size: every window kind gives exactly what
 * a plain computation of the same windows gives, and no row is late.
 */
class RandomWindowTest {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final long DELAY = 5_000;

  @TempDir Path dir;

  private record Event(String key, long time) {}

  @RepeatedTest(4)
  void windowsEqualAReferenceComputation(RepetitionInfo repetition) throws Exception {
    Random random = new Random(1000 + repetition.getCurrentRepetition());
    List<Event> events = writeEvents(random);
    int parallelism = 1 + random.nextInt(4);
    int maxRows = 1 + random.nextInt(40);
    try (Engine engine = new Engine()) {
      Session session = engine.newSession();
      session.executeScript("SET 'parallelism' = '" + parallelism + "'; SET 'batch.max-rows' = '" + maxRows
          + "'; SET 'batch.interval' = '1 ms';"
          + "CREATE STREAM events (k VARCHAR, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)"
          + " WITH ('connector' = 'file', 'path' = '" + dir.toString().replace('\\', '/')
          + "', 'format' = 'csv', 'mode' = 'bounded');");
      String where = "parallelism " + parallelism + ", batch.max-rows " + maxRows;

      assertThat(run(session, "SELECT k, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
          + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k"))
          .as("TUMBLE under " + where).isEqualTo(hopping(events, 10_000, 10_000));
      assertThat(run(session, "SELECT k, window_start, COUNT(*) FROM TABLE(HOP(TABLE events, DESCRIPTOR(ts),"
          + " INTERVAL '4' SECOND, INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k"))
          .as("HOP under " + where).isEqualTo(hopping(events, 4_000, 10_000));
      assertThat(run(session, "SELECT k, window_start, COUNT(*) FROM TABLE(SESSION(TABLE events,"
          + " DESCRIPTOR(ts), DESCRIPTOR(k), INTERVAL '3' SECOND)) GROUP BY window_start, window_end, k"))
          .as("SESSION under " + where).isEqualTo(sessions(events, 3_000));
    }
  }

  private List<Event> writeEvents(Random random) throws IOException {
    List<Event> events = new ArrayList<>();
    int files = 1 + random.nextInt(3);
    for (int f = 0; f < files; f++) {
      StringBuilder text = new StringBuilder();
      long time = 1_700_000_000_000L + random.nextInt(3_000);
      long maxSeen = time;
      for (int i = 0; i < 150; i++) {
        time += random.nextInt(700);
        // Out of order, but never by more than the watermark delay behind the latest time.
        long eventTime = Math.max(time - random.nextInt((int) DELAY), maxSeen - DELAY + 1);
        maxSeen = Math.max(maxSeen, eventTime);
        Event event = new Event("k" + random.nextInt(4), eventTime);
        events.add(event);
        text.append(event.key()).append(',').append(TIME.format(Instant.ofEpochMilli(event.time()))).append('\n');
      }
      Files.writeString(dir.resolve("part-" + f + ".csv"), text, StandardCharsets.UTF_8);
    }
    return events;
  }

  /** Window (key, start) to count, from running {@code sql} to its end; checks nothing was late. */
  private static Map<String, Long> run(Session session, String sql) throws InterruptedException {
    StatementResult.Streaming query = (StatementResult.Streaming) session.executeScript(sql).get(0);
    Map<String, Long> counts = new TreeMap<>();
    ResultBatch batch;
    while ((batch = query.rows().next()) != null) {
      Batch rows = batch.rows();
      for (int r = 0; r < rows.rowCount(); r++) {
        Long previous = counts.put(rows.get(r, 0) + "@" + rows.get(r, 1), (Long) rows.get(r, 2));
        assertThat(previous).as("each window is emitted once").isNull();
      }
    }
    query.query().awaitTermination();
    assertThat(query.query().failure()).as("failure").isEmpty();
    List<Progress> history = query.query().progressHistory();
    assertThat(history.get(history.size() - 1).lateRows()).as("late rows").isZero();
    return counts;
  }

  private static Map<String, Long> hopping(List<Event> events, long slide, long size) {
    Map<String, Long> counts = new TreeMap<>();
    for (Event event : events) {
      long lastStart = event.time() - Math.floorMod(event.time(), slide);
      for (long start = lastStart; start + size > event.time(); start -= slide) {
        counts.merge(event.key() + "@" + start, 1L, Long::sum);
      }
    }
    return counts;
  }

  private static Map<String, Long> sessions(List<Event> events, long gap) {
    Map<String, List<Long>> times = new TreeMap<>();
    for (Event event : events) {
      times.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.time());
    }
    Map<String, Long> counts = new TreeMap<>();
    times.forEach((key, list) -> {
      list.sort(null);
      long start = list.get(0);
      long end = start + gap;
      long count = 0;
      for (long time : list) {
        if (time >= end) {
          counts.put(key + "@" + start, count);
          start = time;
          count = 0;
        }
        end = Math.max(end, time + gap);
        count++;
      }
      counts.put(key + "@" + start, count);
    });
    return counts;
  }
}
