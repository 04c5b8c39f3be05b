package io.rivulet.bench;

import io.rivulet.bench.checksum.ChecksumConnector;
import io.rivulet.bench.checksum.ChecksumSink;
import io.rivulet.engine.Engine;
import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.Session;
import io.rivulet.engine.StatementResult;
import io.rivulet.parser.InsertStatement;
import io.rivulet.parser.Statement;
import io.rivulet.runtime.exec.Progress;
import io.rivulet.runtime.exec.QueryStatus;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one query once, in-process on a fresh engine, and measures it: from submitting its INSERT
 * to its end, wall and process CPU time, GC time, sampled peak heap, every micro-batch's duration
 * and the checksum of what reached the sink.
 */
final class QueryRunner {
  private static final long HEAP_SAMPLE_MILLIS = 5;

  private final String ddl;
  private final Map<String, String> placeholders;

  /**
   * @param ddl the Nexmark stream declarations, with placeholders
   * @param placeholders the value of each {@code ${name}}
   */
  QueryRunner(String ddl, Map<String, String> placeholders) {
    this.ddl = ddl;
    this.placeholders = placeholders;
  }

  /** Runs {@code query} at {@code parallelism}; throws if it fails or exceeds the timeout. */
  RunMeasurement run(BenchQuery query, int parallelism, int batchRows, long inputBytes, Duration timeout)
      throws InterruptedException {
    String script = query.readsText() ? query.script() : ddl + "\n" + query.script();
    List<Statement> statements = Session.parse(BenchQuery.substitute(script, placeholders));
    Statement last = statements.get(statements.size() - 1);
    if (!(last instanceof InsertStatement)) {
      throw new IllegalArgumentException(
          query.name() + ".sql must end with INSERT INTO " + BenchQuery.SINK + " SELECT ...");
    }
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (Engine engine = new Engine(quiet)) {
      Session session = engine.newSession();
      session.executeScript("SET 'parallelism' = '" + parallelism + "';\n"
          + "SET 'batch.max-rows' = '" + batchRows + "';");
      for (Statement statement : statements.subList(0, statements.size() - 1)) {
        session.execute(statement);
      }
      ChecksumConnector.forget(BenchQuery.SINK);
      System.gc();
      HeapSampler heap = new HeapSampler();
      Map<Long, Progress> progress = new ConcurrentSkipListMap<>();
      long gcBefore = gcMillis();
      long cpuBefore = processCpuNanos();
      long started = System.nanoTime();
      heap.start();
      QueryHandle handle;
      try {
        StatementResult result = session.execute(last);
        handle = ((StatementResult.Started) result).query();
        handle.onProgress(p -> progress.put(p.batchId(), p));
        if (!handle.awaitTermination(timeout)) {
          handle.stop();
          handle.awaitTermination(Duration.ofSeconds(30));
          throw new IllegalStateException(
              query.name() + " did not finish within " + timeout.toSeconds() + " s");
        }
      } finally {
        heap.stop();
      }
      long wall = System.nanoTime() - started;
      long cpu = processCpuNanos() - cpuBefore;
      long gc = gcMillis() - gcBefore;
      if (handle.status() != QueryStatus.FINISHED) {
        Throwable failure = handle.failure().orElse(null);
        throw new IllegalStateException(
            query.name() + " ended " + handle.status()
                + (failure == null ? "" : ": " + failure.getMessage()), failure);
      }
      for (Progress p : handle.progressHistory()) {
        progress.putIfAbsent(p.batchId(), p);
      }
      long inputRows = 0;
      List<Long> batchMillis = new ArrayList<>();
      for (Progress p : new TreeMap<>(progress).values()) {
        inputRows += p.inputRows();
        batchMillis.add(p.durationMillis());
      }
      if ("blackhole".equals(placeholders.get("sink"))) {
        long outputRows = progress.values().stream().mapToLong(Progress::outputRows).sum();
        return new RunMeasurement(
            parallelism, inputRows, inputBytes, wall, cpu, gc, heap.peak(), batchMillis, 0,
            outputRows, outputRows);
      }
      ChecksumSink sink =
          ChecksumConnector.lastSink(BenchQuery.SINK)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          query.name() + " did not write to a 'checksum' sink named "
                              + BenchQuery.SINK));
      return new RunMeasurement(
          parallelism,
          inputRows,
          inputBytes,
          wall,
          cpu,
          gc,
          heap.peak(),
          batchMillis,
          sink.checksum(),
          sink.resultRows(),
          sink.rowsWritten());
    }
  }

  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return 0;
  }

  static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }

  /** Samples the heap in use on a daemon thread and keeps the largest sample. */
  private static final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread = new Thread(this::sample, "rivulet-bench-heap");

    void start() {
      peak.set(memory.getHeapMemoryUsage().getUsed());
      thread.setDaemon(true);
      thread.start();
    }

    private void sample() {
      while (running) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(HEAP_SAMPLE_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join();
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    long peak() {
      return peak.get();
    }
  }
}
