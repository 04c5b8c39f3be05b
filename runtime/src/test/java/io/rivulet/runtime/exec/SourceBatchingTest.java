package io.rivulet.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.plan.ScanNode;
import io.rivulet.runtime.plan.StageGraph;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a micro-batch shares {@code batch.max-rows} among a source's partitions, and how partitions
 * not read yet hold the watermark back.
 */
@Timeout(30)
class SourceBatchingTest {
  private static final Schema SCHEMA = Schema.of(Field.of("ts", DataType.TIMESTAMP));

  /** One read of one partition. */
  private record Read(String partition, int limit, int rows) {}

  /** A bounded partition of fixed event times, read in order, that records its reads. */
  private static final class TimesPartition implements SourcePartition {
    private final String id;
    private final long[] times;
    private final List<Read> reads;
    private volatile int position;

    TimesPartition(String id, long[] times, List<Read> reads) {
      this.id = id;
      this.times = times;
      this.reads = reads;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Batch read(int maxRows) {
      List<Object[]> rows = new ArrayList<>();
      while (rows.size() < maxRows && position < times.length) {
        rows.add(new Object[] {times[position++]});
      }
      reads.add(new Read(id, maxRows, rows.size()));
      return Batch.ofRows(SCHEMA, rows);
    }

    @Override
    public boolean exhausted() {
      return position == times.length;
    }
  }

  private static long[] times(long first, int count) {
    long[] times = new long[count];
    for (int i = 0; i < count; i++) {
      times[i] = first + i;
    }
    return times;
  }

  /** A bounded source: its partitions until they are exhausted, like the file source. */
  private static Source bounded(List<TimesPartition> partitions) {
    return new Source() {
      @Override
      public List<SourcePartition> partitions() {
        return partitions.stream()
            .filter(partition -> !partition.exhausted())
            .map(SourcePartition.class::cast)
            .toList();
      }

      @Override
      public boolean bounded() {
        return true;
      }
    };
  }

  /** The progress of each batch with the reads it made, once the query over {@code source} ends. */
  private static List<Batched> run(Source source, List<Read> reads, int parallelism, int maxRows)
      throws InterruptedException {
    ScanNode scan =
        new ScanNode(
            "s", "", SCHEMA, config -> source, Optional.of(new ScanNode.EventTime(0, 100)));
    AtomicLong sunk = new AtomicLong();
    Sink sink =
        new Sink() {
          @Override
          public void write(long batchId, int partition, Batch batch) {
            sunk.addAndGet(batch.rowCount());
          }

          @Override
          public void commit(long batchId) {}
        };
    MicroBatchQuery query =
        new MicroBatchQuery(
            "q",
            StageGraph.of(scan),
            sink,
            new QueryConfig(
                parallelism,
                Duration.ofMillis(1),
                maxRows,
                new PrintStream(PrintStream.nullOutputStream())));
    List<Batched> batches = new CopyOnWriteArrayList<>();
    query.addProgressListener(
        progress -> {
          List<Read> ofBatch;
          synchronized (reads) {
            ofBatch = List.copyOf(reads);
            reads.clear();
          }
          batches.add(new Batched(progress, ofBatch));
        });
    query.start();
    assertThat(query.awaitTermination(Duration.ofSeconds(20))).isTrue();
    assertThat(query.status()).isEqualTo(QueryStatus.FINISHED);
    long read = batches.stream().mapToLong(batch -> batch.progress().inputRows()).sum();
    assertThat(sunk.get()).isEqualTo(read);
    return batches;
  }

  private record Batched(Progress progress, List<Read> reads) {
    Set<String> partitions() {
      Set<String> ids = new TreeSet<>();
      reads.forEach(read -> ids.add(read.partition()));
      return ids;
    }
  }

  @Test
  void aBatchNeverReadsMoreThanMaxRowsOverAllPartitions() throws InterruptedException {
    for (int maxRows : new int[] {1, 2, 7, 1000}) {
      List<Read> reads = java.util.Collections.synchronizedList(new ArrayList<>());
      List<TimesPartition> partitions = new ArrayList<>();
      for (int p = 0; p < 5; p++) {
        partitions.add(new TimesPartition("p" + p, times(p * 1000L, 100), reads));
      }
      List<Batched> batches = run(bounded(partitions), reads, 2, maxRows);

      long total = 0;
      for (Batched batch : batches) {
        assertThat(batch.progress().inputRows()).as("max-rows %d", maxRows).isLessThanOrEqualTo(maxRows);
        assertThat(batch.reads().stream().mapToInt(Read::limit).sum()).isLessThanOrEqualTo(maxRows);
        assertThat(batch.partitions()).hasSizeLessThanOrEqualTo(2);
        total += batch.progress().inputRows();
      }
      assertThat(total).isEqualTo(500);
    }
  }

  @Test
  void aBoundedSourceIsReadParallelismPartitionsAtATimeFinishingThoseStarted()
      throws InterruptedException {
    List<Read> reads = java.util.Collections.synchronizedList(new ArrayList<>());
    List<TimesPartition> partitions = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      partitions.add(new TimesPartition("p" + p, times(0, 10 * (p + 1)), reads));
    }
    List<Batched> batches = run(bounded(partitions), reads, 2, 10);

    List<Set<String>> read = batches.stream().map(Batched::partitions).filter(s -> !s.isEmpty()).toList();
    assertThat(read.get(0)).containsExactly("p0", "p1");
    // p0 (10 rows) ends after two batches of 5; p2 takes its place while p1 goes on.
    assertThat(read).contains(Set.of("p1", "p2"));
    assertThat(read.get(read.size() - 1)).containsExactly("p3");
  }

  @Test
  void partitionsNotReadYetHoldTheWatermarkBack() throws InterruptedException {
    List<Read> reads = java.util.Collections.synchronizedList(new ArrayList<>());
    // Read one after the other at parallelism 1; the second holds earlier times.
    TimesPartition late = new TimesPartition("late", times(10_000, 50), reads);
    TimesPartition early = new TimesPartition("early", times(0, 50), reads);
    List<Batched> batches = run(bounded(List.of(late, early)), reads, 1, 10);

    boolean earlyStarted = false;
    for (Batched batch : batches) {
      earlyStarted |= batch.partitions().contains("early");
      long watermark = batch.progress().watermark();
      if (!earlyStarted) {
        assertThat(watermark).isEqualTo(Long.MIN_VALUE);
      } else if (watermark != Long.MAX_VALUE) {
        // Once "late" is done, only "early" counts: its own maximum less the delay.
        assertThat(watermark).isLessThan(50);
      }
    }
    assertThat(earlyStarted).isTrue();
    assertThat(batches.get(batches.size() - 1).progress().watermark()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void anUnboundedPartitionThatFillsItsReadsStartsTheNextBatchAtOnce() throws InterruptedException {
    // Ten rows per read asked, at most three given: the partition still has rows ready, so the
    // query must not wait out its (long) batch interval between batches.
    SourcePartition endless =
        new SourcePartition() {
          private long next;

          @Override
          public String id() {
            return "endless";
          }

          @Override
          public Batch read(int maxRows) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < Math.min(maxRows, maxRowsPerRead()); i++) {
              rows.add(new Object[] {next++});
            }
            return Batch.ofRows(SCHEMA, rows);
          }

          @Override
          public int maxRowsPerRead() {
            return 3;
          }

          @Override
          public boolean exhausted() {
            return false;
          }
        };
    Source source =
        new Source() {
          @Override
          public List<SourcePartition> partitions() {
            return List.of(endless);
          }

          @Override
          public boolean bounded() {
            return false;
          }
        };
    ScanNode scan = new ScanNode("s", "", SCHEMA, config -> source, Optional.empty());
    Sink sink =
        new Sink() {
          @Override
          public void write(long batchId, int partition, Batch batch) {}

          @Override
          public void commit(long batchId) {}
        };
    MicroBatchQuery query =
        new MicroBatchQuery(
            "q",
            StageGraph.of(scan),
            sink,
            new QueryConfig(
                1, Duration.ofSeconds(60), 10, new PrintStream(PrintStream.nullOutputStream())));
    java.util.concurrent.CountDownLatch fiveBatches = new java.util.concurrent.CountDownLatch(5);
    query.addProgressListener(progress -> fiveBatches.countDown());
    query.start();
    try {
      assertThat(fiveBatches.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      query.stop();
    }
  }
}
