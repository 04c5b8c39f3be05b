package io.rivulet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows on a PROCTIME() column: rows fall into windows of the wall clock when processed. */
class ProcessingTimeWindowTest {
  @TempDir Path dir;

  @Test
  void aProcessingTimeWindowCountsEveryRowOnce() throws Exception {
    Files.writeString(dir.resolve("e.csv"), "a\nb\na\na\nc\n", StandardCharsets.UTF_8);
    long before = System.currentTimeMillis();
    try (Engine engine = new Engine()) {
      Session session = engine.newSession();
      session.executeScript("CREATE STREAM events (k VARCHAR, pt AS PROCTIME()) WITH ('connector' = 'file',"
          + " 'path' = '" + dir.toString().replace('\\', '/') + "', 'format' = 'csv', 'mode' = 'bounded');");
      StatementResult.Streaming query = (StatementResult.Streaming) session.executeScript(
          "SELECT k, window_start, window_end, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(pt),"
              + " INTERVAL '1' HOUR)) GROUP BY window_start, window_end, k").get(0);
      Map<String, Long> counts = new TreeMap<>();
      ResultBatch batch;
      while ((batch = query.rows().next()) != null) {
        Batch rows = batch.rows();
        for (int r = 0; r < rows.rowCount(); r++) {
          counts.merge((String) rows.get(r, 0), (Long) rows.get(r, 3), Long::sum);
          long start = (Long) rows.get(r, 1);
          assertThat(start).isBetween(before - 3_600_000, System.currentTimeMillis());
          assertThat((Long) rows.get(r, 2)).isEqualTo(start + 3_600_000);
        }
      }
      query.query().awaitTermination();

      assertThat(query.query().failure()).isEmpty();
      assertThat(counts).isEqualTo(Map.of("a", 3L, "b", 1L, "c", 1L));
    }
  }
}
