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
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The query watermark: the minimum over partitions, monotonic, and not held back by idle ones. */
@Timeout(30)
class WatermarkTest {
  private static final Schema SCHEMA = Schema.of(Field.of("ts", DataType.TIMESTAMP));

  /** A partition fed by the test: rows are offered and read by the next micro-batch. */
  private static final class FedPartition implements SourcePartition {
    private final String id;
    private final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();

    FedPartition(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Batch read(int maxRows) {
      List<Object[]> rows = new ArrayList<>();
      Long time;
      while (rows.size() < maxRows && (time = times.poll()) != null) {
        rows.add(new Object[] {time});
      }
      return Batch.ofRows(SCHEMA, rows);
    }

    @Override
    public boolean exhausted() {
      return false;
    }
  }

  private static MicroBatchQuery query(List<SourcePartition> partitions, Duration idleTimeout) {
    Source source = new Source() {
      @Override
      public List<SourcePartition> partitions() {
        return partitions;
      }

      @Override
      public boolean bounded() {
        return false;
      }
    };
    ScanNode scan = new ScanNode("s", "", SCHEMA, config -> source, Optional.of(new ScanNode.EventTime(0, 100)));
    Sink discard = new Sink() {
      @Override
      public void write(long batchId, int partition, Batch batch) {}

      @Override
      public void commit(long batchId) {}
    };
    return new MicroBatchQuery("q", StageGraph.of(scan), discard,
        new QueryConfig(2, Duration.ofMillis(10), 1000, new PrintStream(PrintStream.nullOutputStream()), idleTimeout));
  }

  private static long awaitWatermark(MicroBatchQuery query, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long watermark = Long.MIN_VALUE;
    while (System.nanoTime() < deadline) {
      watermark = query.lastProgress().map(Progress::watermark).orElse(Long.MIN_VALUE);
      if (watermark == expected) {
        return watermark;
      }
      Thread.sleep(10);
    }
    return watermark;
  }

  @Test
  void theSlowestPartitionHoldsTheWatermarkAndItNeverGoesBack() throws Exception {
    FedPartition fast = new FedPartition("fast");
    FedPartition slow = new FedPartition("slow");
    MicroBatchQuery query = query(List.of(fast, slow), Duration.ZERO);
    query.start();
    try {
      fast.times.add(5_000L);
      slow.times.add(1_000L);
      assertThat(awaitWatermark(query, 900)).isEqualTo(900);
      slow.times.add(500L);
      fast.times.add(6_000L);
      assertThat(awaitWatermark(query, 900)).isEqualTo(900);
      slow.times.add(3_000L);
      assertThat(awaitWatermark(query, 2_900)).isEqualTo(2_900);
    } finally {
      query.stop();
      query.awaitTermination();
    }
  }

  @Test
  void anIdlePartitionStopsHoldingTheWatermarkBack() throws Exception {
    FedPartition busy = new FedPartition("busy");
    FedPartition idle = new FedPartition("idle");
    MicroBatchQuery query = query(List.of(busy, idle), Duration.ofMillis(300));
    query.start();
    try {
      idle.times.add(1_000L);
      busy.times.add(1_000L);
      assertThat(awaitWatermark(query, 900)).isEqualTo(900);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline
          && query.lastProgress().map(Progress::watermark).orElse(0L) != 9_900L) {
        busy.times.add(10_000L);
        Thread.sleep(50);
      }
      assertThat(query.lastProgress().orElseThrow().watermark()).isEqualTo(9_900L);
    } finally {
      query.stop();
      query.awaitTermination();
    }
  }
}
