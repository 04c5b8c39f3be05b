package io.rivulet.bench.jmh;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.nexmark.NexmarkConfig;
import io.rivulet.runtime.connector.nexmark.NexmarkGenerator;
import io.rivulet.runtime.connector.nexmark.NexmarkTable;
import io.rivulet.runtime.type.Schema;
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

/** The Nexmark generator making batches of bids: all seven columns, or one column alone. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeneratorBenchmark {
  static final int ROWS = 32_768;

  /** A column of the bid table, or {@code all}. */
  @Param({"all", "auction", "bidder", "price", "channel", "date_time", "extra"})
  public String column;

  private NexmarkGenerator generator;
  private Schema schema;
  private int[] columns;
  private long[] events;
  private long next;

  @Setup
  public void setUp() {
    generator = new NexmarkGenerator(NexmarkConfig.of(42, 10_000, 0));
    Schema all = NexmarkTable.BID.schema();
    if (column.equals("all")) {
      schema = all;
      columns = new int[all.size()];
      for (int c = 0; c < columns.length; c++) {
        columns[c] = c;
      }
    } else {
      int index = all.indexOf(column).getAsInt();
      schema = all.project(index);
      columns = new int[] {index};
    }
    events = new long[ROWS];
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public Batch generateBids() {
    int filled = 0;
    long n = next;
    while (filled < ROWS) {
      if (NexmarkTable.BID.contains(n)) {
        events[filled++] = n;
      }
      n++;
    }
    next = n;
    return generator.generate(NexmarkTable.BID, schema, columns, events, ROWS);
  }
}
