package io.rivulet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.bench.LatencyRunner.BatchSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The figures of a latency report, from made-up micro-batches whose delays are known. */
class LatencyReportTest {
  private static final LatencySettings SETTINGS =
      new LatencySettings(1000, 0, Duration.ofSeconds(1), Duration.ofMillis(100));

  /**
   * Batches starting every 100 ms from t0 = 50,000 that each read the rows due at their start, so
   * that the newest row of a batch waited its duration and the oldest 100 ms more.
   */
  private static List<BatchSample> samples(long... durations) {
    long t0 = 50_000;
    long base = LatencyRunner.baseEventTime();
    List<BatchSample> samples = new ArrayList<>();
    for (int i = 0; i < durations.length; i++) {
      long start = t0 + 100L * i;
      samples.add(new BatchSample(start + durations[i], durations[i], 100, base + (start - t0)));
    }
    return samples;
  }

  private static LatencyReport report(long target, long warmupMillis, long... durations) {
    return new LatencyReport(
        "q0", "ok", Optional.empty(), 0, SETTINGS, target, samples(durations), warmupMillis);
  }

  @Test
  void delaysAreMeasuredFromWhenRowsBecameReadable() {
    LatencyReport report = report(1000, 0, 40, 10, 20, 30);
    assertThat(report.batchMillis()).containsExactly(40L, 10L, 20L, 30L);
    assertThat(report.newestDelayMillis()).containsExactly(40L, 10L, 20L, 30L);
    // The oldest row of a batch came right after the previous batch's newest: 100 ms earlier.
    assertThat(report.delayMillis()).containsExactly(110L, 120L, 130L);
  }

  @Test
  void warmUpBatchesAreNotCounted() {
    LatencyReport report = report(1000, 150, 900, 10, 20, 30);
    // The batch starting at +100 ms is within the warm-up; it still marks where the next began.
    assertThat(report.batchMillis()).containsExactly(20L, 30L);
    assertThat(report.delayMillis()).containsExactly(120L, 130L);
    assertThat(LatencyReport.warmupMillis(30_000)).isEqualTo(5000);
    assertThat(LatencyReport.warmupMillis(2000)).isEqualTo(400);
  }

  @Test
  void theGeneratorsRoundedEventStepIsCorrectedFor() {
    // 780,700 bids/s: 848,587 events/s, a step of 1178 ns for 1178.43: event time runs 0.036 %
    // fast, 11 ms over 30 s.
    assertThat(LatencyRunner.wallPerEventTime(780_700))
        .isCloseTo(1178.43 / 1178, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(LatencyRunner.wallPerEventTime(1000))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void percentilesAreNearestRank() {
    List<Long> values = new ArrayList<>();
    for (long v = 1; v <= 200; v++) {
      values.add(v);
    }
    assertThat(LatencyReport.percentile(values, 50)).isEqualTo(100);
    assertThat(LatencyReport.percentile(values, 99)).isEqualTo(198);
    assertThat(LatencyReport.percentile(values, 100)).isEqualTo(200);
    assertThat(LatencyReport.percentile(List.of(), 99)).isZero();
  }

  @Test
  void theTargetIsAP99BatchWithinTheIntervalAndTheRateKeptUp() {
    // 4 batches of 100 rows from t0 to the last one's end at +330 ms: 400 rows in 0.33 s.
    LatencyReport met = report(1000, 0, 40, 10, 20, 30);
    assertThat(met.bidsPerSecond()).isCloseTo(1212.1, org.assertj.core.data.Offset.offset(0.1));
    assertThat(met.meetsTarget()).isTrue();
    assertThat(met.keptUp()).isTrue();
    LatencyReport slow = report(1000, 0, 40, 10, 101, 30);
    assertThat(slow.keptUp()).isTrue();
    assertThat(slow.meetsTarget()).isFalse();
    // Short batches are no use if the rows pile up: 1212 rows/s read of 5000 due.
    LatencyReport behind = report(5000, 0, 40, 10, 20, 30);
    assertThat(behind.keptUp()).isFalse();
    assertThat(behind.meetsTarget()).isFalse();
  }

  @Test
  void theTableAndJsonShowTheFigures() {
    LatencyReport ok = report(1000, 0, 40, 10, 20, 30);
    LatencyReport failed = LatencyReport.failed("q7", "it broke", SETTINGS);
    String table = LatencyReport.table(List.of(ok, failed));
    assertThat(table)
        .containsPattern("q0 +ok +- +1000 +1212 +4 +20 ms +40 ms +40 ms +120 ms +130 ms +130 ms +yes")
        .containsPattern("q7 +failed")
        .contains("q7: failed: it broke", "batch.interval 100 ms", "rate: 1000 bids/s");
    String json = LatencyReport.json(Map.of("cores", 2), List.of(ok, failed));
    assertThat(json)
        .contains(
            "\"cores\": 2", "\"name\": \"q0\"", "\"batches\": 4", "\"batchMillisP99\": 40",
            "\"delayMillisP99\": 130", "\"newestRowDelayMillisP50\": 20",
            "\"p99BatchWithinInterval\": true", "\"targetMet\": true", "\"keptUp\": true", "\"reason\": \"it broke\"");
  }
}
