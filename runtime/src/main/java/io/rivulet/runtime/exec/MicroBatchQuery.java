package io.rivulet.runtime.exec;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.plan.ExchangeNode;
import io.rivulet.runtime.plan.ScanNode;
import io.rivulet.runtime.plan.Stage;
import io.rivulet.runtime.plan.StageGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one continuous query as a sequence of micro-batches: every batch interval it reads the new
 * rows of each source partition, runs the stages in order on a pool of worker threads (one task
 * per source partition, then one per exchange partition), commits the sink, advances the
 * watermark and reports progress. Bounded sources end the query once drained.
 */
public final class MicroBatchQuery {
  private static final Logger LOG = LoggerFactory.getLogger(MicroBatchQuery.class);
  private static final int PROGRESS_HISTORY = 100;

  private final String id;
  private final StageGraph graph;
  private final Sink sink;
  private final QueryConfig config;
  private final List<ScanNode> scans;
  private final List<Consumer<Progress>> progressListeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> terminationListeners = new CopyOnWriteArrayList<>();
  private final Deque<Progress> history = new ArrayDeque<>();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final CountDownLatch stopSignal = new CountDownLatch(1);

  private final Map<Stage, Map<String, TaskPipeline>> sourcePipelines = new IdentityHashMap<>();
  private final Map<Stage, List<TaskPipeline>> exchangePipelines = new IdentityHashMap<>();
  private final Map<String, Long> maxEventTime = new HashMap<>();
  private final Map<String, Long> lastRowMillis = new HashMap<>();
  /** The partitions read at least once: until then a partition holds the watermark back. */
  private final Set<String> startedPartitions = new HashSet<>();
  /** Per scan, how far to rotate its partitions so that each gets its turn when not all fit. */
  private final Map<Integer, Integer> rotations = new HashMap<>();

  private final AtomicLong totalInputRows = new AtomicLong();
  private volatile QueryStatus status = QueryStatus.CREATED;
  private volatile Throwable failure;
  private volatile boolean stopRequested;
  private Thread driver;
  private ExecutorService workers;
  private List<Source> sources = List.of();
  private long nextBatchId;
  private long watermark = Long.MIN_VALUE;

  public MicroBatchQuery(String id, StageGraph graph, Sink sink, QueryConfig config) {
    this.id = id;
    this.graph = graph;
    this.sink = sink;
    this.config = config;
    this.scans = graph.scans();
  }

  public String id() {
    return id;
  }

  public QueryStatus status() {
    return status;
  }

  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  public synchronized Optional<Progress> lastProgress() {
    return Optional.ofNullable(history.peekLast());
  }

  /** The progress of the most recent micro-batches, oldest first. */
  public synchronized List<Progress> recentProgress() {
    return List.copyOf(history);
  }

  public void addProgressListener(Consumer<Progress> listener) {
    progressListeners.add(listener);
  }

  /** Runs {@code listener} once the query has ended, however it ended. */
  public void addTerminationListener(Runnable listener) {
    terminationListeners.add(listener);
  }

  /** Opens the sources and starts the driver thread. */
  public synchronized void start() {
    if (status != QueryStatus.CREATED) {
      throw new IllegalStateException("query " + id + " was already started");
    }
    status = QueryStatus.RUNNING;
    AtomicInteger workerNumber = new AtomicInteger();
    workers =
        Executors.newFixedThreadPool(
            config.parallelism(),
            task -> {
              Thread thread = new Thread(task, "rivulet-" + id + "-worker-" + workerNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    driver = new Thread(this::run, "rivulet-" + id + "-driver");
    driver.setDaemon(true);
    driver.start();
  }

  /** Asks the query to stop after the micro-batch it is running. */
  public void stop() {
    stopRequested = true;
    stopSignal.countDown();
  }

  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  private void run() {
    try {
      sources = new ArrayList<>();
      for (ScanNode scan : scans) {
        sources.add(scan.provider().create(config));
      }
      while (!stopRequested) {
        long started = System.nanoTime();
        BatchOutcome outcome = runMicroBatch();
        if (outcome == BatchOutcome.FINAL) {
          status = QueryStatus.FINISHED;
          break;
        }
        if (outcome != BatchOutcome.BACKLOG) {
          long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
          long waitMillis = config.batchInterval().toMillis() - elapsedMillis;
          if (waitMillis > 0) {
            stopSignal.await(waitMillis, TimeUnit.MILLISECONDS);
          }
        }
      }
      if (status == QueryStatus.RUNNING) {
        status = QueryStatus.STOPPED;
      }
    } catch (Throwable e) {
      failure = unwrap(e);
      status = QueryStatus.FAILED;
      if (failure instanceof RivuletException) {
        LOG.debug("query {} failed", id, failure);
      } else {
        LOG.error("query {} failed", id, failure);
      }
    } finally {
      shutdown();
      terminated.countDown();
      for (Runnable listener : terminationListeners) {
        listener.run();
      }
    }
  }

  private enum BatchOutcome {
    /** Nothing new arrived; wait for the next interval. */
    IDLE,
    /** A batch ran; wait for the next interval. */
    RAN,
    /** A batch ran and sources have more rows ready: start the next batch at once. */
    BACKLOG,
    /** The last batch of bounded input ran; the query is done. */
    FINAL
  }

  /** One source partition's input for this micro-batch, read with at most {@code limit} rows. */
  private record Read(int scanIndex, String key, SourcePartition partition, int limit, Batch batch) {}

  /** A partition to read in this micro-batch, and the most rows to read from it. */
  private record Assignment(SourcePartition partition, String key, int limit) {}

  private BatchOutcome runMicroBatch() throws Exception {
    long started = System.nanoTime();
    List<Read> reads = readSources();
    long inputRows = 0;
    boolean backlog = false;
    for (Read read : reads) {
      inputRows += read.batch().rowCount();
      int full = Math.min(read.limit(), read.partition().maxRowsPerRead());
      backlog |= read.batch().rowCount() >= full && !read.partition().exhausted();
    }
    boolean last = allSourcesDrained();
    long previousWatermark = watermark;
    watermark = last ? Long.MAX_VALUE : Math.max(watermark, currentWatermark());
    if (inputRows == 0 && !last && watermark == previousWatermark) {
      return hasBoundedBacklog() ? BatchOutcome.BACKLOG : BatchOutcome.IDLE;
    }
    long batchId = nextBatchId++;
    Map<ExchangeNode, ExchangeBuffer> exchanges = new IdentityHashMap<>();
    AtomicLong outputRows = new AtomicLong();
    List<Long> stageMillis = new ArrayList<>();
    for (Stage stage : graph.stages()) {
      long stageStarted = System.nanoTime();
      Optional<ExchangeBuffer> output =
          stage.output().map(exchange -> new ExchangeBuffer(exchange, config.parallelism()));
      output.ifPresent(buffer -> exchanges.put(stage.output().get(), buffer));
      if (stage.readsSources()) {
        runSourceStage(stage, reads, batchId, output, outputRows, last);
      } else {
        runExchangeStage(stage, exchanges, batchId, output, outputRows, last);
      }
      stageMillis.add((System.nanoTime() - stageStarted) / 1_000_000);
    }
    sink.commit(batchId);
    long durationMillis = (System.nanoTime() - started) / 1_000_000;
    report(
        new Progress(
            id,
            batchId,
            Instant.now(),
            inputRows,
            outputRows.get(),
            durationMillis,
            watermark,
            stateSize(),
            skippedRows(),
            lateRows(),
            stageMillis));
    if (last) {
      return BatchOutcome.FINAL;
    }
    return backlog || hasBoundedBacklog() ? BatchOutcome.BACKLOG : BatchOutcome.RAN;
  }

  private List<Read> readSources() throws Exception {
    List<Callable<Read>> tasks = new ArrayList<>();
    for (int s = 0; s < scans.size(); s++) {
      int scanIndex = s;
      ScanNode scan = scans.get(s);
      for (Assignment assignment : assignReads(s, sources.get(s))) {
        SourcePartition partition = assignment.partition();
        String key = assignment.key();
        int limit = assignment.limit();
        startedPartitions.add(key);
        tasks.add(
            () -> {
              Batch batch = partition.read(limit);
              scan.eventTime()
                  .filter(time -> !time.isProcessingTime())
                  .ifPresent(time -> trackEventTime(key, batch, time.column()));
              return new Read(scanIndex, key, partition, limit, batch);
            });
      }
    }
    return runAll(tasks);
  }

  /**
   * Which partitions of a source to read in this micro-batch, and how many rows from each, so that
   * together they read at most {@code batch.max-rows} rows. A bounded source is read at most
   * {@code parallelism} partitions at a time, those already started first, so that a directory of
   * many files is read a few files at a time rather than all at once (partitions not read yet hold
   * the watermark back, see {@link #currentWatermark}). An unbounded source's partitions all take
   * part; when the row budget is smaller than their number they take turns.
   */
  private List<Assignment> assignReads(int scanIndex, Source source) {
    List<SourcePartition> started = new ArrayList<>();
    List<SourcePartition> fresh = new ArrayList<>();
    for (SourcePartition partition : source.partitions()) {
      if (!partition.exhausted()) {
        (startedPartitions.contains(key(scanIndex, partition)) ? started : fresh).add(partition);
      }
    }
    int live = started.size() + fresh.size();
    if (live == 0) {
      return List.of();
    }
    int budget = config.maxRowsPerBatch();
    int slots = Math.min(live, budget);
    List<SourcePartition> candidates = new ArrayList<>(live);
    if (source.bounded()) {
      slots = Math.min(slots, config.parallelism());
      candidates.addAll(rotate(scanIndex, started, slots));
      candidates.addAll(fresh);
    } else {
      candidates.addAll(started);
      candidates.addAll(fresh);
      candidates = rotate(scanIndex, candidates, slots);
    }
    List<Assignment> assignments = new ArrayList<>(slots);
    for (int i = 0; i < slots; i++) {
      SourcePartition partition = candidates.get(i);
      int limit = budget / slots + (i < budget % slots ? 1 : 0);
      assignments.add(new Assignment(partition, key(scanIndex, partition), limit));
    }
    return assignments;
  }

  /** {@code partitions} turned by one more place each micro-batch, when not all of them fit. */
  private List<SourcePartition> rotate(int scanIndex, List<SourcePartition> partitions, int slots) {
    if (partitions.size() <= slots) {
      return partitions;
    }
    int turn = rotations.merge(scanIndex, 1, Integer::sum);
    List<SourcePartition> rotated = new ArrayList<>(partitions.size());
    for (int i = 0; i < partitions.size(); i++) {
      rotated.add(partitions.get(Math.floorMod(i + turn, partitions.size())));
    }
    return rotated;
  }

  private static String key(int scanIndex, SourcePartition partition) {
    return scanIndex + "/" + partition.id();
  }

  private void trackEventTime(String partitionKey, Batch batch, int column) {
    if (batch.isEmpty()) {
      return;
    }
    ColumnVector vector = batch.column(column);
    if (!(vector instanceof LongVector times)) {
      return;
    }
    long max = Long.MIN_VALUE;
    long[] values = times.values();
    boolean[] nulls = times.nulls();
    int rows = batch.rowCount();
    if (nulls == null) {
      for (int r = 0; r < rows; r++) {
        max = Math.max(max, values[r]);
      }
    } else {
      for (int r = 0; r < rows; r++) {
        if (!nulls[r]) {
          max = Math.max(max, values[r]);
        }
      }
    }
    if (max != Long.MIN_VALUE) {
      synchronized (maxEventTime) {
        maxEventTime.merge(partitionKey, max, Math::max);
        lastRowMillis.put(partitionKey, System.currentTimeMillis());
      }
    }
  }

  /**
   * The minimum over live partitions with event time of (max event time - delay). Partitions that
   * have sent nothing for the idle timeout do not count; a partition not read yet (a file waiting
   * for its turn, or just discovered) holds the watermark where it is, since its rows may be of
   * any time.
   */
  private long currentWatermark() {
    long minimum = Long.MAX_VALUE;
    boolean any = false;
    long idleTimeout = config.idleTimeout().toMillis();
    long now = System.currentTimeMillis();
    for (int s = 0; s < scans.size(); s++) {
      Optional<ScanNode.EventTime> eventTime = scans.get(s).eventTime();
      if (eventTime.isEmpty()) {
        continue;
      }
      if (eventTime.get().isProcessingTime()) {
        minimum = Math.min(minimum, System.currentTimeMillis());
        any = true;
        continue;
      }
      for (SourcePartition partition : sources.get(s).partitions()) {
        String key = key(s, partition);
        if (partition.exhausted()) {
          continue;
        }
        Long max = maxEventTime.get(key);
        if (max == null) {
          if (!startedPartitions.contains(key)) {
            return Long.MIN_VALUE;
          }
          continue;
        }
        if (idleTimeout > 0 && now - lastRowMillis.get(key) >= idleTimeout) {
          continue;
        }
        minimum = Math.min(minimum, max - eventTime.get().delayMillis());
        any = true;
      }
    }
    return any ? minimum : Long.MIN_VALUE;
  }

  private boolean allSourcesDrained() {
    for (Source source : sources) {
      if (!source.bounded()) {
        return false;
      }
      for (SourcePartition partition : source.partitions()) {
        if (!partition.exhausted()) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean hasBoundedBacklog() {
    for (Source source : sources) {
      if (source.bounded()) {
        for (SourcePartition partition : source.partitions()) {
          if (!partition.exhausted()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void runSourceStage(
      Stage stage,
      List<Read> reads,
      long batchId,
      Optional<ExchangeBuffer> output,
      AtomicLong outputRows,
      boolean last)
      throws Exception {
    Map<String, TaskPipeline> pipelines =
        sourcePipelines.computeIfAbsent(stage, s -> new LinkedHashMap<>());
    Map<String, Read> readsOfStage = new LinkedHashMap<>();
    for (Read read : reads) {
      ScanNode scan = scans.get(read.scanIndex());
      if (stage.scans().stream().anyMatch(stageScan -> stageScan == scan)) {
        readsOfStage.put(read.key(), read);
      }
    }
    for (Read read : readsOfStage.values()) {
      if (!pipelines.containsKey(read.key())) {
        pipelines.put(
            read.key(),
            new TaskPipeline(
                stage.root(),
                batch -> currentOutput.get().collect(batch),
                new OperatorContext(id, pipelines.size(), config.parallelism())));
      }
    }
    List<Callable<Void>> tasks = new ArrayList<>();
    int taskIndex = 0;
    for (Map.Entry<String, TaskPipeline> entry : pipelines.entrySet()) {
      Read read = readsOfStage.get(entry.getKey());
      TaskPipeline pipeline = entry.getValue();
      int partition = taskIndex++;
      tasks.add(
          () -> {
            currentOutput.set(outputCollector(output, batchId, partition, outputRows));
            try {
              if (read != null) {
                pipeline.push(scans.get(read.scanIndex()), read.batch());
              }
              pipeline.endBatch(watermark);
              if (last) {
                pipeline.finish();
              }
            } finally {
              currentOutput.remove();
            }
            return null;
          });
    }
    runAll(tasks);
    // A drained partition's pipeline holds no state (source stages are stateless): drop it.
    for (Read read : readsOfStage.values()) {
      if (read.partition().exhausted() && !last) {
        TaskPipeline pipeline = pipelines.remove(read.key());
        pipeline.close();
      }
    }
  }

  private void runExchangeStage(
      Stage stage,
      Map<ExchangeNode, ExchangeBuffer> exchanges,
      long batchId,
      Optional<ExchangeBuffer> output,
      AtomicLong outputRows,
      boolean last)
      throws Exception {
    List<TaskPipeline> pipelines =
        exchangePipelines.computeIfAbsent(
            stage,
            s -> {
              List<TaskPipeline> created = new ArrayList<>();
              for (int p = 0; p < config.parallelism(); p++) {
                created.add(
                    new TaskPipeline(
                        s.root(),
                        batch -> currentOutput.get().collect(batch),
                        new OperatorContext(id, p, config.parallelism())));
              }
              return created;
            });
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int p = 0; p < pipelines.size(); p++) {
      int partition = p;
      TaskPipeline pipeline = pipelines.get(p);
      tasks.add(
          () -> {
            currentOutput.set(outputCollector(output, batchId, partition, outputRows));
            try {
              for (ExchangeNode input : stage.exchangeInputs()) {
                for (Batch batch : exchanges.get(input).bucket(partition)) {
                  pipeline.push(input, batch);
                }
              }
              pipeline.endBatch(watermark);
              if (last) {
                pipeline.finish();
              }
            } finally {
              currentOutput.remove();
            }
            return null;
          });
    }
    runAll(tasks);
  }

  /** Where the stage's output goes for the task running on this thread, in this batch. */
  private final ThreadLocal<Collector> currentOutput = new ThreadLocal<>();

  private Collector outputCollector(
      Optional<ExchangeBuffer> output, long batchId, int partition, AtomicLong outputRows) {
    if (output.isPresent()) {
      ExchangeBuffer buffer = output.get();
      return buffer::add;
    }
    return batch -> {
      if (!batch.isEmpty()) {
        outputRows.addAndGet(batch.rowCount());
        sink.write(batchId, partition, batch);
      }
    };
  }

  private <T> List<T> runAll(List<? extends Callable<T>> tasks) throws Exception {
    if (tasks.size() == 1) {
      List<T> single = new ArrayList<>(1);
      single.add(tasks.get(0).call());
      return single;
    }
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(workers.submit(task));
    }
    List<T> results = new ArrayList<>(futures.size());
    Exception first = null;
    for (Future<T> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return results;
  }

  private long stateSize() {
    long size = 0;
    for (List<TaskPipeline> pipelines : exchangePipelines.values()) {
      for (TaskPipeline pipeline : pipelines) {
        size += pipeline.stateSize();
      }
    }
    return size;
  }

  private long lateRows() {
    long late = 0;
    for (List<TaskPipeline> pipelines : exchangePipelines.values()) {
      for (TaskPipeline pipeline : pipelines) {
        late += pipeline.lateRows();
      }
    }
    return late;
  }

  private long skippedRows() {
    long skipped = 0;
    for (Source source : sources) {
      skipped += source.skippedRows();
    }
    return skipped;
  }

  /** All rows read from sources since the query started. */
  public long totalInputRows() {
    return totalInputRows.get();
  }

  private void report(Progress progress) {
    totalInputRows.addAndGet(progress.inputRows());
    synchronized (this) {
      history.addLast(progress);
      if (history.size() > PROGRESS_HISTORY) {
        history.removeFirst();
      }
    }
    LOG.debug(
        "query {} batch {}: {} rows in, {} out, {} ms, watermark {}",
        id,
        progress.batchId(),
        progress.inputRows(),
        progress.outputRows(),
        progress.durationMillis(),
        progress.watermark());
    for (Consumer<Progress> listener : progressListeners) {
      listener.accept(progress);
    }
  }

  private void shutdown() {
    for (Map<String, TaskPipeline> pipelines : sourcePipelines.values()) {
      pipelines.values().forEach(TaskPipeline::close);
    }
    for (List<TaskPipeline> pipelines : exchangePipelines.values()) {
      pipelines.forEach(TaskPipeline::close);
    }
    for (Source source : sources) {
      try {
        source.close();
      } catch (RuntimeException e) {
        LOG.warn("closing a source of query {} failed", id, e);
      }
    }
    try {
      sink.close();
    } catch (RuntimeException e) {
      LOG.warn("closing the sink of query {} failed", id, e);
    }
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while (current instanceof ExecutionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
