package io.rivulet.bench;

import io.rivulet.runtime.connector.nexmark.NexmarkTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs the chosen queries as the settings say and reports on each. */
final class Benchmark {
  private final BenchSettings settings;
  private final PrintStream log;

  Benchmark(BenchSettings settings, PrintStream log) {
    this.settings = settings;
    this.log = log;
  }

  /** The queries the settings name (all when none), in file order. */
  List<BenchQuery> queries() {
    List<BenchQuery> all = BenchQuery.loadAll(settings.queryDirectory());
    if (settings.queries().isEmpty()) {
      return all;
    }
    List<BenchQuery> chosen = new ArrayList<>();
    for (String name : settings.queries()) {
      chosen.add(
          all.stream()
              .filter(query -> query.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no query '" + name + "' in " + settings.queryDirectory() + "; there are "
                              + all.stream().map(BenchQuery::name).collect(Collectors.joining(", ")))));
    }
    return chosen;
  }

  List<QueryReport> run() {
    List<BenchQuery> queries = queries();
    Map<String, String> placeholders = new LinkedHashMap<>();
    placeholders.put("events", String.valueOf(settings.events()));
    placeholders.put("events_per_second", String.valueOf(settings.eventsPerSecond()));
    placeholders.put("seed", String.valueOf(settings.seed()));
    placeholders.put("disorder", String.valueOf(settings.disorderMillis()));
    placeholders.put("sink", settings.checksum() ? "checksum" : "blackhole");
    long textBytes = 0;
    if (queries.stream().anyMatch(query -> query.readsText() && query.skipReason().isEmpty())) {
      Path text =
          settings.data().map(data -> data.resolve(TextCorpus.DIRECTORY)).filter(Files::isDirectory)
              .orElseGet(() -> TextCorpus.directory(settings.textLines(), settings.seed()));
      placeholders.put("text", text.toString());
      textBytes = TextCorpus.bytes(text);
    } else {
      placeholders.put("text", "");
    }
    String ddl = ddl("ddl.sql");
    if (!settings.source().equals("generator")
        && queries.stream().anyMatch(query -> !query.readsText() && query.skipReason().isEmpty())) {
      Path data = settings.data().orElseGet(() -> NexmarkFiles.cached(settings, log));
      placeholders.put("data", data.toString());
      placeholders.put("format", settings.source());
      ddl = ddl("ddl_files.sql");
    }
    QueryRunner runner = new QueryRunner(ddl, placeholders);
    List<QueryReport> reports = new ArrayList<>();
    for (BenchQuery query : queries) {
      if (query.skipReason().isPresent()) {
        log.printf(Locale.ROOT, "%s: skipped (%s)%n", query.name(), query.skipReason().get());
        reports.add(QueryReport.skipped(query.name(), query.skipReason().get()));
        continue;
      }
      reports.add(run(runner, query, query.readsText() ? textBytes : 0));
    }
    return reports;
  }

  /**
   * Latency runs: per query, the maximum rate first when the settings ask for a fraction of it (the
   * median of throughput runs of {@code --events} from the in-process generator, to blackhole),
   * then the query on an endless stream at the chosen rate.
   */
  List<LatencyReport> runLatency() {
    LatencySettings latency = settings.latency().orElseThrow();
    Map<String, String> placeholders = new LinkedHashMap<>();
    placeholders.put("events", String.valueOf(settings.events()));
    placeholders.put("events_per_second", String.valueOf(settings.eventsPerSecond()));
    placeholders.put("seed", String.valueOf(settings.seed()));
    placeholders.put("disorder", String.valueOf(settings.disorderMillis()));
    placeholders.put("sink", "blackhole");
    placeholders.put("text", "");
    QueryRunner throughput = new QueryRunner(ddl("ddl.sql"), placeholders);
    LatencyRunner runner = new LatencyRunner(ddl("ddl_latency.sql"), settings.seed());
    long warmup = LatencyReport.warmupMillis(latency.duration().toMillis());
    List<LatencyReport> reports = new ArrayList<>();
    for (BenchQuery query : queries()) {
      if (query.readsText() || query.skipReason().isPresent()) {
        String reason = query.skipReason().orElse("reads text files, not a Nexmark stream");
        log.printf(Locale.ROOT, "%s: skipped (%s)%n", query.name(), reason);
        reports.add(LatencyReport.skipped(query.name(), reason, latency));
        continue;
      }
      try {
        long maximum = 0;
        long target = latency.bidsPerSecond();
        if (latency.relativeRate()) {
          maximum = maximumBidsPerSecond(throughput, query);
          target = Math.max(1, Math.round(maximum * latency.fractionOfMaximum()));
        }
        log.printf(
            Locale.ROOT, "%s latency: %s bids/s for %.0f s, batch.interval %d ms%n",
            query.name(), ReportWriter.count(target), latency.duration().toMillis() / 1000.0,
            latency.batchInterval().toMillis());
        List<LatencyRunner.BatchSample> samples =
            runner.run(
                query, settings.parallelism(), settings.batchRows(), target, latency.duration(),
                latency.batchInterval());
        reports.add(
            new LatencyReport(
                query.name(), "ok", Optional.empty(), maximum, latency, target, samples, warmup));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reports.add(LatencyReport.failed(query.name(), "interrupted", latency));
        break;
      } catch (RuntimeException e) {
        String message = String.valueOf(e.getMessage()).replace('\n', ' ');
        log.printf(Locale.ROOT, "%s: failed: %s%n", query.name(), message);
        reports.add(LatencyReport.failed(query.name(), message, latency));
      }
    }
    return reports;
  }

  /** Bids per second of the median of the throughput runs (warm-ups first) of {@code query}. */
  private long maximumBidsPerSecond(QueryRunner runner, BenchQuery query)
      throws InterruptedException {
    Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());
    long bids = NexmarkTable.BID.rowsIn(settings.events());
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < settings.warmup() + settings.runs(); r++) {
      RunMeasurement run =
          runner.run(query, settings.parallelism(), settings.batchRows(), 0, timeout);
      double rate = bids * 1e9 / Math.max(1, run.wallNanos());
      log.printf(
          Locale.ROOT, "%s maximum rate, %s: %s bids in %.2f s, %s bids/s%n", query.name(),
          r < settings.warmup() ? "warm-up" : "run " + (r - settings.warmup() + 1),
          ReportWriter.count(bids), run.wallNanos() / 1e9, ReportWriter.count(rate));
      if (r >= settings.warmup()) {
        rates.add(rate);
      }
    }
    return Math.round(QueryReport.median(rates.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  private QueryReport run(QueryRunner runner, BenchQuery query, long inputBytes) {
    Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());
    List<RunMeasurement> runs = new ArrayList<>();
    try {
      List<Long> warmups = new ArrayList<>();
      for (int w = 0; w < settings.warmup(); w++) {
        RunMeasurement run =
            runner.run(query, settings.parallelism(), settings.batchRows(), inputBytes, timeout);
        logRun(query, "warm-up " + (w + 1), run);
        warmups.add(run.checksum());
      }
      FlightProfile profile = settings.profile() ? new FlightProfile() : null;
      if (profile != null) {
        profile.start();
      }
      for (int r = 0; r < settings.runs(); r++) {
        RunMeasurement run =
            runner.run(query, settings.parallelism(), settings.batchRows(), inputBytes, timeout);
        logRun(query, "run " + (r + 1) + "/" + settings.runs(), run);
        runs.add(run);
      }
      List<String> hot = profile == null ? List.of() : profile.stop(15);
      hot.forEach(line -> log.println(query.name() + ": " + line));
      Optional<RunMeasurement> verification = Optional.empty();
      if (settings.verifyParallelism()) {
        int other = settings.parallelism() == 1 ? 2 : 1;
        RunMeasurement run = runner.run(query, other, settings.batchRows(), inputBytes, timeout);
        logRun(query, "check at P=" + other, run);
        verification = Optional.of(run);
      }
      long events =
          settings.source().equals("generator") && !query.readsText() ? settings.events() : 0;
      return new QueryReport(
          query.name(), "ok", Optional.empty(), runs, warmups, verification, hot, events);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return QueryReport.failed(query.name(), "interrupted", runs);
    } catch (IOException e) {
      return QueryReport.failed(query.name(), "profiling failed: " + e, runs);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      log.printf(Locale.ROOT, "%s: failed: %s%n", query.name(), message.replace('\n', ' '));
      return QueryReport.failed(query.name(), message.replace('\n', ' '), runs);
    }
  }

  private void logRun(BenchQuery query, String which, RunMeasurement run) {
    log.printf(
        Locale.ROOT,
        "%s %s: %s rows in %.2f s, %s rows/s, %s rows/cpu-s, %d batches, checksum %s%n",
        query.name(),
        which,
        ReportWriter.count(run.inputRows()),
        run.wallNanos() / 1e9,
        ReportWriter.count(run.rowsPerSecond()),
        ReportWriter.count(run.rowsPerCpuSecond()),
        run.batchMillis().size(),
        QueryReport.hex(run.checksum()).substring(0, 8));
  }

  private String ddl(String name) {
    Path file = settings.queryDirectory().resolve(name);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** What the figures were measured on, for the JSON report. */
  Map<String, Object> environment() {
    Map<String, Object> environment = new LinkedHashMap<>();
    environment.put("cores", Runtime.getRuntime().availableProcessors());
    environment.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    environment.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    environment.put("events", settings.events());
    environment.put("parallelism", settings.parallelism());
    environment.put("runs", settings.runs());
    environment.put("warmup", settings.warmup());
    environment.put("batchRows", settings.batchRows());
    environment.put("eventsPerSecond", settings.eventsPerSecond());
    environment.put("seed", settings.seed());
    environment.put("disorderMillis", settings.disorderMillis());
    environment.put("textLines", settings.textLines());
    environment.put("source", settings.source());
    settings.data().ifPresent(data -> environment.put("data", data.toString()));
    environment.put("sink", settings.checksum() ? "checksum" : "blackhole");
    return environment;
  }
}
