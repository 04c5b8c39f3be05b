package io.rivulet.bench;

import io.rivulet.engine.Engine;
import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.Session;
import io.rivulet.engine.StatementResult;
import io.rivulet.parser.InsertStatement;
import io.rivulet.parser.Statement;
import io.rivulet.runtime.connector.nexmark.NexmarkConfig;
import io.rivulet.runtime.connector.nexmark.NexmarkTable;
import io.rivulet.runtime.exec.Progress;
import io.rivulet.runtime.exec.QueryStatus;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one query once on an endless, rate-limited Nexmark stream ({@code ddl_latency.sql}) for a
 * while, in-process on a fresh engine, and records every micro-batch: when it ended, how long it
 * took, how many rows it read, and the newest event time it had seen.
 */
final class LatencyRunner {
  /** The watermark delay of {@code ddl_latency.sql}: newest event time = watermark + this. */
  static final long WATERMARK_DELAY_MILLIS = 4000;

  private final String ddl;
  private final long seed;

  /**
   * @param ddl the text of {@code ddl_latency.sql}, with placeholders
   * @param seed the generator seed
   */
  LatencyRunner(String ddl, long seed) {
    this.ddl = ddl;
    this.seed = seed;
  }

  /**
   * One micro-batch of a latency run.
   *
   * @param endMillis when it ended (epoch millis)
   * @param durationMillis how long it took
   * @param inputRows rows it read
   * @param newestEventTime the newest event time read so far by the partition furthest behind
   *     (epoch millis of the generator's clock), {@code Long.MIN_VALUE} before any
   */
  record BatchSample(long endMillis, long durationMillis, long inputRows, long newestEventTime) {
    long startMillis() {
      return endMillis - durationMillis;
    }
  }

  /** The placeholders of {@code ddl_latency.sql} for a stream of {@code bidsPerSecond} bids. */
  static Map<String, String> placeholders(long bidsPerSecond, long seed) {
    Map<String, String> values = new LinkedHashMap<>();
    int bids = NexmarkTable.BID.proportion();
    // Event time passes as fast as the wall clock: all events at the bids' rate scaled to the mix.
    long events = Math.max(1, Math.round(bidsPerSecond * (double) NexmarkTable.EPOCH_EVENTS / bids));
    values.put("events_per_second", String.valueOf(events));
    values.put("bid_rows_per_second", String.valueOf(bidsPerSecond));
    values.put(
        "auction_rows_per_second",
        String.valueOf(Math.max(1, bidsPerSecond * NexmarkTable.AUCTION.proportion() / bids)));
    values.put(
        "person_rows_per_second",
        String.valueOf(Math.max(1, bidsPerSecond * NexmarkTable.PERSON.proportion() / bids)));
    values.put("seed", String.valueOf(seed));
    values.put("watermark_delay_seconds", String.valueOf(WATERMARK_DELAY_MILLIS / 1000));
    values.put("sink", "blackhole");
    return values;
  }

  /** Runs {@code query} at {@code bidsPerSecond} for {@code duration}; throws if it fails. */
  List<BatchSample> run(
      BenchQuery query, int parallelism, int batchRows, long bidsPerSecond, Duration duration,
      Duration batchInterval) throws InterruptedException {
    if (query.readsText()) {
      throw new IllegalArgumentException(
          query.name() + " reads text files, not the Nexmark streams a latency run rate-limits");
    }
    String script =
        BenchQuery.substitute(ddl + "\n" + query.script(), placeholders(bidsPerSecond, seed));
    List<Statement> statements = Session.parse(script);
    Statement last = statements.get(statements.size() - 1);
    if (!(last instanceof InsertStatement)) {
      throw new IllegalArgumentException(
          query.name() + ".sql must end with INSERT INTO " + BenchQuery.SINK + " SELECT ...");
    }
    Map<Long, Progress> progress = new ConcurrentSkipListMap<>();
    try (Engine engine = new Engine(new PrintStream(OutputStream.nullOutputStream()))) {
      Session session = engine.newSession();
      session.executeScript(
          "SET 'parallelism' = '" + parallelism + "';\n"
              + "SET 'batch.max-rows' = '" + batchRows + "';\n"
              + "SET 'batch.interval' = '" + batchInterval.toMillis() + " ms';");
      for (Statement statement : statements.subList(0, statements.size() - 1)) {
        session.execute(statement);
      }
      StatementResult result = session.execute(last);
      QueryHandle handle = ((StatementResult.Started) result).query();
      CountDownLatch firstBatch = new CountDownLatch(1);
      handle.onProgress(
          p -> {
            progress.put(p.batchId(), p);
            firstBatch.countDown();
          });
      // The duration counts from the end of the first batch, which may take long (code generation,
      // a cold JIT) on a busy machine. These waits end early only if the query ends by itself,
      // which an endless stream does on failure.
      if (handle.progressHistory().isEmpty()) {
        firstBatch.await(Math.max(60, duration.toSeconds()), TimeUnit.SECONDS);
      }
      handle.awaitTermination(duration);
      handle.stop();
      if (!handle.awaitTermination(Duration.ofSeconds(60))) {
        throw new IllegalStateException(query.name() + " did not stop within 60 s");
      }
      if (handle.status() == QueryStatus.FAILED) {
        Throwable failure = handle.failure().orElse(null);
        throw new IllegalStateException(
            query.name() + " failed" + (failure == null ? "" : ": " + failure.getMessage()),
            failure);
      }
      for (Progress p : handle.progressHistory()) {
        progress.putIfAbsent(p.batchId(), p);
      }
    }
    List<BatchSample> samples = new ArrayList<>();
    for (Progress p : new TreeMap<>(progress).values()) {
      long newest =
          p.watermark() == Long.MIN_VALUE || p.watermark() == Long.MAX_VALUE
              ? Long.MIN_VALUE
              : p.watermark() + WATERMARK_DELAY_MILLIS;
      samples.add(
          new BatchSample(p.timestamp().toEpochMilli(), p.durationMillis(), p.inputRows(), newest));
    }
    return samples;
  }

  /**
   * Wall-clock milliseconds per millisecond of event time in a stream of {@code bidsPerSecond}:
   * 1 but for the generator rounding its step between events to whole nanoseconds (which would
   * otherwise add up to several milliseconds over a 30 s run).
   */
  static double wallPerEventTime(long bidsPerSecond) {
    long events = Long.parseLong(placeholders(bidsPerSecond, 0).get("events_per_second"));
    long stepNanos = NexmarkConfig.of(0, events, 0).stepNanos();
    // Bid k of the stream is due at k / bidsPerSecond s and is event k * 50 / 46.
    return 1e9 * NexmarkTable.BID.proportion()
        / ((double) NexmarkTable.EPOCH_EVENTS * bidsPerSecond * stepNanos);
  }

  /** The generator's event time of event 0, which the first read of the stream stands for. */
  static long baseEventTime() {
    return NexmarkConfig.DEFAULT_BASE_TIME;
  }
}
