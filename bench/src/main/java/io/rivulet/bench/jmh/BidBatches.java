package io.rivulet.bench.jmh;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.nexmark.NexmarkConfig;
import io.rivulet.runtime.connector.nexmark.NexmarkGenerator;
import io.rivulet.runtime.connector.nexmark.NexmarkTable;
import io.rivulet.runtime.type.Schema;

/** Nexmark bid batches for the benchmarks, generated as the {@code nexmark} source makes them. */
final class BidBatches {
  static final Schema SCHEMA = NexmarkTable.BID.schema();

  private BidBatches() {}

  /** {@code count} consecutive batches of {@code rows} bids each, from event {@code first} on. */
  static Batch[] generate(int count, int rows, long first) {
    NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.of(42, 10_000, 0));
    int[] columns = new int[SCHEMA.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = c;
    }
    Batch[] batches = new Batch[count];
    long n = first;
    for (int b = 0; b < count; b++) {
      long[] events = new long[rows];
      int filled = 0;
      while (filled < rows) {
        if (NexmarkTable.BID.contains(n)) {
          events[filled++] = n;
        }
        n++;
      }
      batches[b] = generator.generate(NexmarkTable.BID, SCHEMA, columns, events, rows);
    }
    return batches;
  }
}
