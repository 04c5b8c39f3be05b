package io.rivulet.bench.jmh;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.exec.Partitioner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** A hash exchange's work on one batch of bids: hash the key, then split the batch by partition. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExchangeBenchmark {
  static final int ROWS = 65_536;

  /** The key: auction (a BIGINT) or channel (a VARCHAR). */
  @Param({"0", "3"})
  public int key;

  @Param({"2", "8"})
  public int partitions;

  private Batch batch;

  @Setup
  public void setUp() {
    batch = BidBatches.generate(1, ROWS, 0)[0];
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public Batch[] hashAndSplit() {
    int[] partitionOfRow = Partitioner.partitionsOf(batch, new int[] {key}, partitions);
    return Partitioner.split(batch, partitionOfRow, partitions);
  }
}
