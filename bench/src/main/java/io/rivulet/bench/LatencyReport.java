package io.rivulet.bench;

import io.rivulet.bench.LatencyRunner.BatchSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a latency run of one query measured, and the figures drawn from it.
 *
 * <p>Rows become due at the stream's rate from its first read on (time {@code t0}, the start of
 * the first micro-batch), and the generator's event time passes as fast as the wall clock, so the
 * row with event time {@code e} became readable at {@code t0 + (e - base)} (up to the generator's
 * rounding of its event step to whole nanoseconds, which {@link LatencyRunner#wallPerEventTime}
 * corrects for). A micro-batch that ends
 * at {@code end} and has seen event time up to {@code newest} thus delivers its newest row {@code
 * end - t0 - (newest - base)} after it was due, and its oldest row (the one after the previous
 * batch's newest) {@code end - t0 - (previousNewest - base)} after: the <b>delay</b> reported is
 * the latter, the longest any row of the batch waited from becoming readable to reaching the sink.
 * If the engine falls behind, rows queue up and the delay grows. (Window results wait, on top,
 * for the watermark to pass the window's end; that is the query's semantics, not the engine's
 * speed, and is not counted.)
 *
 * @param name the query
 * @param status {@code ok}, {@code skipped} or {@code failed}
 * @param reason why it was skipped or failed
 * @param maximumBidsPerSecond the rate the throughput run reached, 0 when not measured
 * @param settings the latency settings
 * @param targetBidsPerSecond the rate the stream was read at
 * @param samples every micro-batch of the run
 * @param warmupMillis batches starting this soon after the first are not counted (JIT warm-up)
 */
record LatencyReport(
    String name,
    String status,
    Optional<String> reason,
    long maximumBidsPerSecond,
    LatencySettings settings,
    long targetBidsPerSecond,
    List<BatchSample> samples,
    long warmupMillis) {

  static LatencyReport failed(String name, String reason, LatencySettings settings) {
    return new LatencyReport(name, "failed", Optional.of(reason), 0, settings, 0, List.of(), 0);
  }

  static LatencyReport skipped(String name, String reason, LatencySettings settings) {
    return new LatencyReport(name, "skipped", Optional.of(reason), 0, settings, 0, List.of(), 0);
  }

  /** The warm-up allowance of a run of {@code durationMillis}: a fifth of it, at most 5 s. */
  static long warmupMillis(long durationMillis) {
    return Math.min(5000, durationMillis / 5);
  }

  boolean ok() {
    return status.equals("ok");
  }

  private long firstStart() {
    return samples.isEmpty() ? 0 : samples.get(0).startMillis();
  }

  /** The batches counted: those starting after the warm-up allowance. */
  List<BatchSample> counted() {
    long from = firstStart() + warmupMillis;
    return samples.stream().filter(s -> s.startMillis() >= from).toList();
  }

  /** Rows read over the whole run per second from its first batch's start to its last's end. */
  double bidsPerSecond() {
    if (samples.isEmpty()) {
      return 0;
    }
    long rows = samples.stream().mapToLong(BatchSample::inputRows).sum();
    long millis = samples.get(samples.size() - 1).endMillis() - firstStart();
    return rows * 1000.0 / Math.max(1, millis);
  }

  List<Long> batchMillis() {
    return counted().stream().map(BatchSample::durationMillis).toList();
  }

  /** For each counted batch after the first, how long its oldest row waited (see the class doc). */
  List<Long> delayMillis() {
    return delays(true);
  }

  /** For each counted batch, how long its newest row waited. */
  List<Long> newestDelayMillis() {
    return delays(false);
  }

  private List<Long> delays(boolean oldest) {
    long t0 = firstStart();
    long base = LatencyRunner.baseEventTime();
    double scale = LatencyRunner.wallPerEventTime(Math.max(1, targetBidsPerSecond));
    long from = t0 + warmupMillis;
    List<Long> delays = new ArrayList<>();
    long previousNewest = Long.MIN_VALUE;
    for (BatchSample sample : samples) {
      long reference = oldest ? previousNewest : sample.newestEventTime();
      if (sample.startMillis() >= from && reference != Long.MIN_VALUE && sample.inputRows() > 0) {
        delays.add(Math.max(0, sample.endMillis() - t0 - Math.round((reference - base) * scale)));
      }
      if (sample.newestEventTime() != Long.MIN_VALUE) {
        previousNewest = sample.newestEventTime();
      }
    }
    return delays;
  }

  /** The nearest-rank {@code percent} percentile of {@code values}, 0 when there are none. */
  static long percentile(List<Long> values, double percent) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /**
   * Whether the run met the target: it kept up with the rate, and its 99th percentile batch took
   * no longer than the batch interval.
   */
  boolean meetsTarget() {
    return ok()
        && keptUp()
        && !batchMillis().isEmpty()
        && percentile(batchMillis(), 99) <= settings.batchInterval().toMillis();
  }

  /** Whether the engine read at least 95 % of the rows that became due. */
  boolean keptUp() {
    return bidsPerSecond() >= 0.95 * targetBidsPerSecond;
  }

  private static final String[] HEADERS = {
    "query", "status", "max bids/s", "rate", "read/s", "batches", "batch p50", "p99", "max",
    "delay p50", "p99", "max", "target met"
  };

  static String table(List<LatencyReport> reports) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (LatencyReport report : reports) {
      if (!report.ok()) {
        String[] row = new String[HEADERS.length];
        java.util.Arrays.fill(row, "");
        row[0] = report.name();
        row[1] = report.status();
        rows.add(row);
        continue;
      }
      List<Long> batches = report.batchMillis();
      List<Long> delays = report.delayMillis();
      rows.add(
          new String[] {
            report.name(),
            report.status(),
            report.maximumBidsPerSecond() > 0 ? ReportWriter.count(report.maximumBidsPerSecond()) : "-",
            ReportWriter.count(report.targetBidsPerSecond()),
            ReportWriter.count(report.bidsPerSecond()) + (report.keptUp() ? "" : " (behind)"),
            String.valueOf(batches.size()),
            percentile(batches, 50) + " ms",
            percentile(batches, 99) + " ms",
            percentile(batches, 100) + " ms",
            percentile(delays, 50) + " ms",
            percentile(delays, 99) + " ms",
            percentile(delays, 100) + " ms",
            report.meetsTarget() ? "yes" : "NO"
          });
    }
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      for (int c = 0; c < row.length; c++) {
        String padding = " ".repeat(widths[c] - row[c].length());
        text.append(c == 0 ? "" : "  ").append(c <= 1 ? row[c] + padding : padding + row[c]);
      }
      text.append('\n');
      if (r == 0) {
        text.append("-".repeat(java.util.Arrays.stream(widths).sum() + 2 * (widths.length - 1)))
            .append('\n');
      }
    }
    if (!reports.isEmpty()) {
      LatencySettings settings = reports.get(0).settings();
      text.append(
          String.format(
              Locale.ROOT,
              "rate: %s; batch.interval %d ms; %.0f s per query, batches starting in the first"
                  + " %.1f s not counted; delay: the longest a row of a batch waited from becoming"
                  + " readable to reaching the sink%n",
              settings.describeRate(),
              settings.batchInterval().toMillis(),
              settings.duration().toMillis() / 1000.0,
              reports.get(0).warmupMillis() / 1000.0));
    }
    for (LatencyReport report : reports) {
      report.reason().ifPresent(reason -> text.append(report.name()).append(": ")
          .append(report.status()).append(": ").append(reason).append('\n'));
    }
    return text.toString();
  }

  static String json(Map<String, Object> environment, List<LatencyReport> reports) {
    StringBuilder json = new StringBuilder("{\n  \"environment\": {");
    int i = 0;
    for (Map.Entry<String, Object> entry : environment.entrySet()) {
      Object value = entry.getValue();
      json.append(i++ == 0 ? "\n" : ",\n").append("    ").append(ReportWriter.string(entry.getKey()))
          .append(": ")
          .append(value instanceof Number || value instanceof Boolean
              ? value.toString() : ReportWriter.string(String.valueOf(value)));
    }
    json.append("\n  },\n  \"latency\": [");
    for (int q = 0; q < reports.size(); q++) {
      LatencyReport report = reports.get(q);
      json.append(q == 0 ? "\n" : ",\n").append("    {\"name\": ")
          .append(ReportWriter.string(report.name()))
          .append(", \"status\": ").append(ReportWriter.string(report.status()));
      if (!report.ok()) {
        json.append(", \"reason\": ").append(ReportWriter.string(report.reason().orElse("")))
            .append('}');
        continue;
      }
      List<Long> batches = report.batchMillis();
      List<Long> delays = report.delayMillis();
      List<Long> newest = report.newestDelayMillis();
      json.append(", \"maximumBidsPerSecond\": ").append(report.maximumBidsPerSecond())
          .append(", \"targetBidsPerSecond\": ").append(report.targetBidsPerSecond())
          .append(", \"bidsPerSecond\": ").append(Math.round(report.bidsPerSecond()))
          .append(", \"batchIntervalMillis\": ").append(report.settings().batchInterval().toMillis())
          .append(", \"seconds\": ").append(report.settings().duration().toMillis() / 1000.0)
          .append(", \"warmupMillis\": ").append(report.warmupMillis())
          .append(", \"batches\": ").append(batches.size())
          .append(", \"batchMillisP50\": ").append(percentile(batches, 50))
          .append(", \"batchMillisP99\": ").append(percentile(batches, 99))
          .append(", \"batchMillisMax\": ").append(percentile(batches, 100))
          .append(", \"delayMillisP50\": ").append(percentile(delays, 50))
          .append(", \"delayMillisP99\": ").append(percentile(delays, 99))
          .append(", \"delayMillisMax\": ").append(percentile(delays, 100))
          .append(", \"newestRowDelayMillisP50\": ").append(percentile(newest, 50))
          .append(", \"newestRowDelayMillisP99\": ").append(percentile(newest, 99))
          .append(", \"p99BatchWithinInterval\": ")
          .append(percentile(batches, 99) <= report.settings().batchInterval().toMillis())
          .append(", \"targetMet\": ").append(report.meetsTarget())
          .append(", \"keptUp\": ").append(report.keptUp())
          .append('}');
    }
    return json.append("\n  ]\n}\n").toString();
  }
}
