package io.rivulet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of benchmarking one query: its measured runs and the figures drawn from them, or why
 * it was skipped or failed.
 *
 * @param name the query
 * @param status {@code ok}, {@code skipped} or {@code failed}
 * @param reason why it was skipped or failed
 * @param runs the measured runs
 * @param warmupChecksums the checksums of the warm-up runs
 * @param verification the run at another parallelism that checks the result, if made
 * @param hotMethods the most sampled methods of the measured runs, when profiled
 * @param events the Nexmark events of the generator's stream a run covers (persons, auctions and
 *     bids, as the targets count them), or 0 when the input is not the generator's
 */
record QueryReport(
    String name,
    String status,
    Optional<String> reason,
    List<RunMeasurement> runs,
    List<Long> warmupChecksums,
    Optional<RunMeasurement> verification,
    List<String> hotMethods,
    long events) {

  static QueryReport skipped(String name, String reason) {
    return new QueryReport(
        name, "skipped", Optional.of(reason), List.of(), List.of(), Optional.empty(), List.of(), 0);
  }

  static QueryReport failed(String name, String reason, List<RunMeasurement> runs) {
    return new QueryReport(
        name, "failed", Optional.of(reason), runs, List.of(), Optional.empty(), List.of(), 0);
  }

  boolean ok() {
    return status.equals("ok");
  }

  long inputRows() {
    return runs.isEmpty() ? 0 : runs.get(0).inputRows();
  }

  double medianRowsPerSecond() {
    return median(runs.stream().mapToDouble(RunMeasurement::rowsPerSecond).toArray());
  }

  /** The generator's events per second of wall time, median over the runs; 0 without events. */
  double medianEventsPerSecond() {
    return median(runs.stream().mapToDouble(run -> events * 1e9 / Math.max(1, run.wallNanos())).toArray());
  }

  double medianRowsPerCpuSecond() {
    return median(runs.stream().mapToDouble(RunMeasurement::rowsPerCpuSecond).toArray());
  }

  double medianMegabytesPerSecond() {
    return median(runs.stream().mapToDouble(RunMeasurement::megabytesPerSecond).toArray());
  }

  double medianSeconds() {
    return median(runs.stream().mapToDouble(run -> run.wallNanos() / 1e9).toArray());
  }

  double medianGcMillis() {
    return median(runs.stream().mapToDouble(RunMeasurement::gcMillis).toArray());
  }

  long peakHeapBytes() {
    return runs.stream().mapToLong(RunMeasurement::peakHeapBytes).max().orElse(0);
  }

  /** The {@code percent} percentile of the batch durations of all measured runs (nearest rank). */
  long batchMillisPercentile(double percent) {
    List<Long> all = new ArrayList<>();
    runs.forEach(run -> all.addAll(run.batchMillis()));
    if (all.isEmpty()) {
      return 0;
    }
    all.sort(null);
    int rank = (int) Math.ceil(percent / 100.0 * all.size());
    return all.get(Math.max(0, Math.min(all.size() - 1, rank - 1)));
  }

  long batches() {
    return runs.isEmpty() ? 0 : runs.get(0).batchMillis().size();
  }

  long checksum() {
    return runs.isEmpty() ? 0 : runs.get(0).checksum();
  }

  long resultRows() {
    return runs.isEmpty() ? 0 : runs.get(0).resultRows();
  }

  /** Whether every run, warm-ups included, gave the same checksum. */
  boolean stableAcrossRuns() {
    return runs.stream().allMatch(run -> run.checksum() == checksum())
        && warmupChecksums.stream().allMatch(sum -> sum == checksum());
  }

  /** Whether the verification run at another parallelism gave the same checksum (empty if none). */
  Optional<Boolean> matchesOtherParallelism() {
    return verification.map(run -> run.checksum() == checksum());
  }

  /** The warnings to print about this query's results. */
  List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    if (!runs.isEmpty() && !stableAcrossRuns()) {
      warnings.add(name + ": WARNING: the result differs between runs");
    }
    if (matchesOtherParallelism().orElse(true) == Boolean.FALSE) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%s: WARNING: the result at parallelism %d (%s, %d rows) differs from that at %d"
                  + " (%s, %d rows)",
              name,
              verification.get().parallelism(),
              hex(verification.get().checksum()),
              verification.get().resultRows(),
              runs.get(0).parallelism(),
              hex(checksum()),
              resultRows()));
    }
    return warnings;
  }

  static String hex(long checksum) {
    return String.format(Locale.ROOT, "%016x", checksum);
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
