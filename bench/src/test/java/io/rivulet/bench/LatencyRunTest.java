package io.rivulet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short real latency runs: a fixed rate, and half of a measured maximum. */
class LatencyRunTest {
  @TempDir Path dir;

  private static long number(String json, String field) {
    Matcher matcher = Pattern.compile("\"" + field + "\": (\\d+)").matcher(json);
    assertThat(matcher.find()).as(field + " in " + json).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private String run(List<String> args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(status).as(log.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRateLimitedStreamIsReadAtItsRateInBatchesOfTheInterval() throws Exception {
    Path json = dir.resolve("latency.json");
    String table =
        run(
            List.of(
                "q0", "--latency", "--rate", "20000", "--duration", "2s", "--json",
                json.toString()));
    assertThat(table).containsPattern("q0 +ok +- +20\\.0 K").contains("batch.interval 100 ms");
    String report = Files.readString(json);
    // 2 s at 100 ms: about 20 batches, less the first 0.4 s of warm-up (fewer when the machine
    // is so busy that batches take longer than the interval).
    assertThat(number(report, "batches")).isBetween(3L, 21L);
    // The limiter never lets more rows through than are due (one row per partition of slack).
    assertThat(number(report, "bidsPerSecond")).isBetween(8000L, 20_002L);
    assertThat(number(report, "targetBidsPerSecond")).isEqualTo(20_000);
    // Rows wait at least for the batch that reads them and at most for a few intervals.
    assertThat(number(report, "delayMillisP50")).isBetween(1L, 5000L);
  }

  @Test
  void halfTheMaximumIsHalfTheRateOfAThroughputRun() throws Exception {
    Path json = dir.resolve("half.json");
    run(
        List.of(
            "q2", "--latency", "--rate", "half", "--events", "20000", "--runs", "1", "--warmup",
            "0", "--duration", "1s", "--json", json.toString()));
    String report = Files.readString(json);
    long maximum = number(report, "maximumBidsPerSecond");
    assertThat(maximum).isPositive();
    assertThat(number(report, "targetBidsPerSecond")).isEqualTo(Math.round(maximum * 0.5));
  }

  @Test
  void wordCountIsSkippedForItReadsNoNexmarkStream() throws Exception {
    String table = run(List.of("wordcount", "--latency", "--rate", "100", "--duration", "1s"));
    assertThat(table).containsPattern("wordcount +skipped")
        .contains("wordcount: skipped: reads text files, not a Nexmark stream");
  }
}
