package io.rivulet.runtime.connector.nexmark;

import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.connector.datagen.RowRate;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * One stream's view of a Nexmark event sequence, split into partitions by event number: with P
 * partitions, partition p generates events p, p + P, p + 2P, ... and keeps those of its table, so
 * that together they hold exactly the table's rows of the sequence, whatever P is.
 */
final class NexmarkSource implements Source {
  private final List<NexmarkPartition> partitions;
  private final boolean bounded;

  /**
   * @param neededColumns which columns are read, or null for all; the others are left null
   */
  NexmarkSource(
      Schema schema, NexmarkOptions options, int partitionCount, boolean[] neededColumns) {
    int count = Math.max(1, partitionCount);
    NexmarkGenerator generator = new NexmarkGenerator(options.config());
    long end = options.events().orElse(Long.MAX_VALUE);
    this.partitions = new ArrayList<>(count);
    for (int p = 0; p < count; p++) {
      RowRate rate = null;
      if (options.rowsPerSecond().isPresent()) {
        rate = new RowRate(options.rowsPerSecond().getAsLong() / (double) count);
      }
      partitions.add(
          new NexmarkPartition(
              generator,
              options.table(),
              schema,
              options.columns(),
              neededColumns,
              p,
              count,
              end,
              rate));
    }
    this.bounded = options.events().isPresent();
  }

  @Override
  public synchronized List<SourcePartition> partitions() {
    partitions.removeIf(NexmarkPartition::exhausted);
    return List.copyOf(partitions);
  }

  @Override
  public boolean bounded() {
    return bounded;
  }
}
