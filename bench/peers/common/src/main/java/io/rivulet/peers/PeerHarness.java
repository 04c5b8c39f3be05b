package io.rivulet.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the chosen queries on one peer engine as Rivulet's runner does: warm-up runs, then measured
 * runs, each timed from submitting the query to its end; prints rows per second (the input rows
 * over the median wall time) and rows per CPU-second, and writes the JSON report that {@code
 * bench/peers/run.sh} puts beside Rivulet's.
 */
public final class PeerHarness {
  private PeerHarness() {}

  /** What one query measured: the wall and process-CPU nanoseconds of each run. */
  public record Result(
      PeerQuery query,
      String status,
      String reason,
      long inputRows,
      long inputBytes,
      List<Long> wallNanos,
      List<Long> cpuNanos,
      long resultRows) {

    public double rowsPerSecond() {
      return inputRows * 1e9 / Math.max(1, median(wallNanos));
    }

    public double rowsPerCpuSecond() {
      return inputRows * 1e9 / Math.max(1, median(cpuNanos));
    }
  }

  /**
   * Parses {@code args}, starts the engine, runs the queries and reports; returns the exit status.
   */
  public static int main(
      List<String> args, Function<PeerOptions, PeerEngine> engines, PrintStream out, PrintStream log) {
    PeerOptions options;
    try {
      options = PeerOptions.parse(args);
    } catch (IllegalArgumentException e) {
      log.println(e.getMessage());
      return 2;
    }
    try (PeerEngine engine = engines.apply(options)) {
      List<Result> results = run(engine, options, log);
      out.print(table(engine.name(), results));
      if (options.json().isPresent()) {
        Files.writeString(
            options.json().get(), json(engine.name(), options, results), StandardCharsets.UTF_8);
      }
      return results.stream().anyMatch(r -> !r.status().equals("ok")) ? 1 : 0;
    } catch (Exception e) {
      e.printStackTrace(log);
      return 1;
    }
  }

  static List<Result> run(PeerEngine engine, PeerOptions options, PrintStream log) {
    Map<PeerQuery.Input, long[]> inputs = new EnumMap<>(PeerQuery.Input.class);
    List<Result> results = new ArrayList<>();
    for (PeerQuery query : options.queries()) {
      long[] input =
          inputs.computeIfAbsent(query.input(), in -> lineAndByteCount(options.directory(in)));
      List<Long> wall = new ArrayList<>();
      List<Long> cpu = new ArrayList<>();
      long resultRows = -1;
      try {
        for (int r = 0; r < options.warmup() + options.runs(); r++) {
          boolean measured = r >= options.warmup();
          PeerEngine.PreparedRun run = engine.prepare(query, options);
          long cpuBefore = processCpuNanos();
          long started = System.nanoTime();
          resultRows = run.execute();
          long elapsed = System.nanoTime() - started;
          long cpuUsed = processCpuNanos() - cpuBefore;
          log.printf(
              Locale.ROOT,
              "%s %s %s: %d rows in %.2f s, %s rows/s, %s rows/cpu-s%s%n",
              engine.name(),
              query.fileName(),
              measured ? "run " + (r - options.warmup() + 1) + "/" + options.runs() : "warm-up",
              input[0],
              elapsed / 1e9,
              count(input[0] * 1e9 / elapsed),
              count(input[0] * 1e9 / Math.max(1, cpuUsed)),
              resultRows >= 0 ? ", " + resultRows + " result rows" : "");
          if (measured) {
            wall.add(elapsed);
            cpu.add(cpuUsed);
          }
        }
        results.add(new Result(query, "ok", "", input[0], input[1], wall, cpu, resultRows));
      } catch (Exception e) {
        String reason = String.valueOf(rootCause(e).getMessage()).replace('\n', ' ');
        log.printf(Locale.ROOT, "%s %s: failed: %s%n", engine.name(), query.fileName(), reason);
        results.add(new Result(query, "failed", reason, input[0], input[1], wall, cpu, -1));
      }
    }
    return results;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Lines and bytes of the data files of {@code directory} (names starting with _ or . excluded). */
  static long[] lineAndByteCount(Path directory) {
    long lines = 0;
    long bytes = 0;
    byte[] buffer = new byte[1 << 16];
    for (Path file : dataFiles(directory)) {
      try (InputStream in = Files.newInputStream(file)) {
        int read;
        while ((read = in.read(buffer)) > 0) {
          bytes += read;
          for (int i = 0; i < read; i++) {
            if (buffer[i] == '\n') {
              lines++;
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return new long[] {lines, bytes};
  }

  /** The data files of {@code directory}, sorted; fails when there are none. */
  public static List<Path> dataFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> data =
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("_"))
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
      if (data.isEmpty()) {
        throw new IllegalArgumentException("no data files in " + directory);
      }
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list " + directory + " (write it with `./rivulet bench generate`)", e);
    }
  }

  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  static double median(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }

  /** 1234567 as {@code 1.23 M}, 12345 as {@code 12.3 K}: the format of Rivulet's report. */
  static String count(double value) {
    if (value >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", value / 1e6);
    } else if (value >= 1e4) {
      return String.format(Locale.ROOT, "%.1f K", value / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }

  static String table(String engine, List<Result> results) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT, "%-12s %-7s %10s %10s %11s %8s %11s%n",
            engine, "status", "rows in", "rows/s", "rows/cpu-s", "s", "result rows"));
    for (Result r : results) {
      if (!r.status().equals("ok")) {
        text.append(String.format(Locale.ROOT, "%-12s %-7s %s%n", r.query().fileName(), r.status(), r.reason()));
        continue;
      }
      text.append(
          String.format(
              Locale.ROOT,
              "%-12s %-7s %10s %10s %11s %8.2f %11s%n",
              r.query().fileName(),
              r.status(),
              count(r.inputRows()),
              count(r.rowsPerSecond()),
              count(r.rowsPerCpuSecond()),
              median(r.wallNanos()) / 1e9,
              r.resultRows() >= 0 ? String.valueOf(r.resultRows()) : "-"));
    }
    return text.toString();
  }

  /** The report in the shape of Rivulet's {@code --json} report, for the same tools to read. */
  static String json(String engine, PeerOptions options, List<Result> results) {
    StringBuilder json = new StringBuilder("{\n  \"environment\": {\n");
    json.append("    \"engine\": ").append(quote(engine)).append(",\n");
    json.append("    \"java\": ")
        .append(quote(System.getProperty("java.vm.name") + " " + System.getProperty("java.version")))
        .append(",\n");
    json.append("    \"cores\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
    json.append("    \"parallelism\": ").append(options.parallelism()).append(",\n");
    json.append("    \"runs\": ").append(options.runs()).append(",\n");
    json.append("    \"warmup\": ").append(options.warmup()).append(",\n");
    json.append("    \"data\": ").append(quote(options.data().toString())).append("\n  },\n");
    json.append("  \"queries\": [");
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      json.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quote(r.query().fileName()));
      json.append(", \"status\": ").append(quote(r.status()));
      if (!r.status().equals("ok")) {
        json.append(", \"reason\": ").append(quote(r.reason())).append('}');
        continue;
      }
      json.append(", \"inputRows\": ").append(r.inputRows());
      json.append(", \"inputBytes\": ").append(r.inputBytes());
      json.append(", \"rowsPerSecond\": ").append(Math.round(r.rowsPerSecond()));
      json.append(", \"rowsPerCpuSecond\": ").append(Math.round(r.rowsPerCpuSecond()));
      json.append(", \"seconds\": ").append(Math.round(median(r.wallNanos()) / 1e6) / 1e3);
      if (r.resultRows() >= 0) {
        json.append(", \"resultRows\": ").append(r.resultRows());
      }
      json.append(", \"runSeconds\": [");
      for (int k = 0; k < r.wallNanos().size(); k++) {
        json.append(k == 0 ? "" : ", ").append(Math.round(r.wallNanos().get(k) / 1e6) / 1e3);
      }
      json.append("]}");
    }
    return json.append("\n  ]\n}\n").toString();
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
