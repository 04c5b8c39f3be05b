package io.rivulet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command-line settings of {@code ./rivulet bench [queries] [options]}.
 *
 * @param queries the query names to run (empty: all)
 * @param events Nexmark events per run (all tables together)
 * @param parallelism the query parallelism
 * @param runs measured runs per query
 * @param warmup warm-up runs per query, not measured
 * @param batchRows the {@code batch.max-rows} setting
 * @param eventsPerSecond event time rate of the generator
 * @param seed the generator seed
 * @param disorderMillis the generator's disorder bound
 * @param textLines lines of text for the word count
 * @param source where Nexmark queries read their events: {@code generator} (the {@code nexmark}
 *     connector, in-process), or {@code csv} or {@code json} files written beforehand
 * @param verifyParallelism whether to run each query once more at another parallelism and compare
 *     checksums
 * @param checksum whether queries write to the checksum sink (else to blackhole, which costs
 *     nothing but gives no checksum)
 * @param profile whether to sample the measured runs with Java Flight Recorder and print where time
 *     goes
 * @param json where to write the JSON report, if anywhere
 * @param queryDirectory where the query files are
 * @param timeoutSeconds how long one run may take
 * @param data a directory of files {@code rivulet bench generate} wrote, to read instead of
 *     writing the run's own (with {@code --source csv} or {@code json}; {@code text/} in it, when
 *     there, is the word-count input)
 * @param latency when present, a latency run rather than a throughput run
 */
record BenchSettings(
    List<String> queries,
    long events,
    int parallelism,
    int runs,
    int warmup,
    int batchRows,
    long eventsPerSecond,
    long seed,
    long disorderMillis,
    long textLines,
    String source,
    boolean verifyParallelism,
    boolean checksum,
    boolean profile,
    Optional<Path> json,
    Path queryDirectory,
    long timeoutSeconds,
    Optional<Path> data,
    Optional<LatencySettings> latency) {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: rivulet bench [QUERY...] [OPTIONS]      run queries of bench/queries and report",
          "       rivulet bench generate [OPTIONS]        write Nexmark events to files",
          "       rivulet bench profile FILE.jfr [--top N] summarise a flight recording",
          "       rivulet bench [QUERY...] --latency [--rate R] [--duration D]",
          "                                               batch durations and delays at a fixed rate",
          "",
          "Options of a run (defaults in brackets):",
          "  --events N             Nexmark events per run, all tables together [10000000]",
          "  --parallelism P        query parallelism [2]",
          "  --runs R               measured runs per query; figures are medians [3]",
          "  --warmup W             warm-up runs per query [1]",
          "  --batch-rows N         rows per source per micro-batch, over its partitions [65536]",
          "  --events-per-second N  event-time rate of the generator [10000]",
          "  --seed S               generator seed [42]",
          "  --disorder MS          generator disorder bound in ms (< the 4 s watermark delay) [0]",
          "  --text-lines N         lines of text for wordcount [1000000]",
          "  --source S             generator (in-process), or csv or json files it writes first",
          "                         and reads with the file connector, as the peers do [generator]",
          "  --no-verify            skip the extra run at parallelism 1 (or 2) that checks results",
          "  --no-checksum          write to blackhole rather than hash the output (no checks)",
          "  --profile              sample the measured runs with JFR; print the hottest methods",
          "  --json FILE            also write the report as JSON",
          "  --queries-dir DIR      where the .sql files are [bench/queries]",
          "  --timeout S            fail a run after S seconds [600]",
          "  --data DIR             read the files `generate` wrote to DIR (bid/, ..., text/)",
          "                         rather than writing them; implies --source csv unless json",
          "",
          "Options of a latency run (--latency; an endless nexmark stream, output to blackhole):",
          "  --rate R               bid rows per second (e.g. 500000 or 500k), a percentage of",
          "                         the maximum (e.g. 50%), or half: the maximum is the rate of",
          "                         a throughput run of --events first (as without --latency) [half]",
          "  --duration D           how long the stream runs, e.g. 30s, 2m [30s]",
          "  --batch-interval D     the batch.interval setting [100ms]",
          "",
          "QUERY names a file of the queries directory without .sql, e.g. q0 q5 wordcount.");

  static BenchSettings parse(List<String> args) {
    List<String> queries = new ArrayList<>();
    long events = 10_000_000;
    int parallelism = 2;
    int runs = 3;
    int warmup = 1;
    int batchRows = 65_536;
    long eventsPerSecond = 10_000;
    long seed = 42;
    long disorder = 0;
    long textLines = 1_000_000;
    String source = "generator";
    boolean verify = true;
    boolean checksum = true;
    boolean profile = false;
    Optional<Path> json = Optional.empty();
    Path directory = null;
    long timeout = 600;
    Optional<Path> data = Optional.empty();
    boolean latency = false;
    boolean latencyOptions = false;
    LatencySettings latencySettings = LatencySettings.defaults();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        queries.add(arg.toLowerCase(Locale.ROOT));
        continue;
      }
      switch (arg) {
        case "--no-verify":
          verify = false;
          continue;
        case "--profile":
          profile = true;
          continue;
        case "--no-checksum":
          checksum = false;
          verify = false;
          continue;
        case "--latency":
          latency = true;
          continue;
        default:
          break;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args.get(++i);
      switch (arg) {
        case "--events":
          events = number(arg, value, 0);
          break;
        case "--parallelism":
          parallelism = (int) number(arg, value, 1);
          break;
        case "--runs":
          runs = (int) number(arg, value, 1);
          break;
        case "--warmup":
          warmup = (int) number(arg, value, 0);
          break;
        case "--batch-rows":
          batchRows = (int) Math.min(Integer.MAX_VALUE, number(arg, value, 1));
          break;
        case "--events-per-second":
          eventsPerSecond = number(arg, value, 1);
          break;
        case "--seed":
          seed = Long.parseLong(value);
          break;
        case "--disorder":
          disorder = number(arg, value, 0);
          break;
        case "--text-lines":
          textLines = number(arg, value, 1);
          break;
        case "--json":
          json = Optional.of(Path.of(value));
          break;
        case "--source":
          source = value.toLowerCase(Locale.ROOT);
          if (!List.of("generator", "csv", "json").contains(source)) {
            throw new IllegalArgumentException(
                "--source takes generator, csv or json, not '" + value + "'");
          }
          break;
        case "--queries-dir":
          directory = Path.of(value);
          break;
        case "--timeout":
          timeout = number(arg, value, 1);
          break;
        case "--data":
          data = Optional.of(Path.of(value));
          break;
        case "--rate":
          latencySettings = latencySettings.withRate(value);
          latencyOptions = true;
          break;
        case "--duration":
          latencySettings = latencySettings.withDuration(LatencySettings.duration(arg, value));
          latencyOptions = true;
          break;
        case "--batch-interval":
          latencySettings =
              latencySettings.withBatchInterval(LatencySettings.duration(arg, value));
          latencyOptions = true;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + arg + "\n\n" + USAGE);
      }
    }
    if (latencyOptions && !latency) {
      throw new IllegalArgumentException("--rate, --duration and --batch-interval need --latency");
    }
    if (data.isPresent() && source.equals("generator")) {
      source = "csv";
    }
    return new BenchSettings(
        List.copyOf(queries),
        events,
        parallelism,
        runs,
        warmup,
        batchRows,
        eventsPerSecond,
        seed,
        disorder,
        textLines,
        source,
        verify,
        checksum,
        profile,
        json,
        directory != null ? directory : defaultQueryDirectory(),
        timeout,
        data,
        latency ? Optional.of(latencySettings) : Optional.empty());
  }

  /** {@code bench/queries} from the repository root, or {@code queries} from {@code bench/}. */
  static Path defaultQueryDirectory() {
    String home = System.getProperty("rivulet.home");
    if (home != null && Files.isDirectory(Path.of(home, "bench", "queries"))) {
      return Path.of(home, "bench", "queries");
    }
    return Files.isDirectory(Path.of("queries")) ? Path.of("queries") : Path.of("bench", "queries");
  }

  static long number(String option, String value, long minimum) {
    long parsed;
    try {
      parsed = Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
    }
    if (parsed < minimum) {
      throw new IllegalArgumentException(option + " must be at least " + minimum + ", not " + parsed);
    }
    return parsed;
  }

  BenchSettings withParallelism(int newParallelism) {
    return new BenchSettings(
        queries, events, newParallelism, runs, warmup, batchRows, eventsPerSecond, seed,
        disorderMillis, textLines, source, verifyParallelism, checksum, profile, json, queryDirectory,
        timeoutSeconds, data, latency);
  }
}
