package io.rivulet.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./rivulet bench}: runs the benchmark queries and prints a report (of throughput, or with
 * {@code --latency} of batch durations and delays at a fixed rate), writes Nexmark events to files
 * ({@code generate}), or summarises a flight recording ({@code profile}).
 */
public final class Main {
  static {
    // The engine's progress is the runner's to report; keep the logger to warnings.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs a command; returns the process exit status. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      if (args.contains("--help") || args.contains("-h")) {
        out.println(BenchSettings.USAGE);
        return 0;
      }
      if (!args.isEmpty() && args.get(0).equals("generate")) {
        NexmarkFiles.main(args.subList(1, args.size()), out);
        return 0;
      }
      if (!args.isEmpty() && args.get(0).equals("profile")) {
        if (args.size() < 2) {
          throw new IllegalArgumentException("profile needs a .jfr file");
        }
        int top = args.size() >= 4 && args.get(2).equals("--top") ? Integer.parseInt(args.get(3)) : 30;
        FlightProfile.summarise(Path.of(args.get(1)), top).forEach(out::println);
        return 0;
      }
      BenchSettings settings = BenchSettings.parse(args);
      Benchmark benchmark = new Benchmark(settings, err);
      if (settings.latency().isPresent()) {
        List<LatencyReport> reports = benchmark.runLatency();
        out.print(LatencyReport.table(reports));
        if (settings.json().isPresent()) {
          Files.writeString(
              settings.json().get(),
              LatencyReport.json(benchmark.environment(), reports),
              StandardCharsets.UTF_8);
          out.println("wrote " + settings.json().get());
        }
        return reports.stream().anyMatch(report -> report.status().equals("failed")) ? 1 : 0;
      }
      List<QueryReport> reports = benchmark.run();
      out.print(ReportWriter.table(reports, settings.checksum()));
      if (settings.json().isPresent()) {
        Files.writeString(
            settings.json().get(),
            ReportWriter.json(benchmark.environment(), reports),
            StandardCharsets.UTF_8);
        out.println("wrote " + settings.json().get());
      }
      return reports.stream().anyMatch(report -> report.status().equals("failed")) ? 1 : 0;
    } catch (IllegalArgumentException e) {
      err.println("rivulet bench: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("rivulet bench: " + e);
      return 1;
    }
  }
}
