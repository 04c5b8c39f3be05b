package io.rivulet.runtime.exec;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.plan.ExchangeNode;
import java.util.ArrayList;
import java.util.List;

/** The rows one exchange moves in one micro-batch, already split by destination partition. */
final class ExchangeBuffer {
  private final ExchangeNode exchange;
  private final List<List<Batch>> buckets;
  private int nextRoundRobin;

  ExchangeBuffer(ExchangeNode exchange, int partitions) {
    this.exchange = exchange;
    this.buckets = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) {
      buckets.add(new ArrayList<>());
    }
  }

  /** Splits a producer's output over the buckets; called from several worker threads. */
  void add(Batch batch) {
    if (batch.isEmpty()) {
      return;
    }
    int partitions = buckets.size();
    switch (exchange.distribution()) {
      case SINGLE -> addTo(0, batch);
      case ROUND_ROBIN -> {
        int target;
        synchronized (this) {
          target = nextRoundRobin++ % partitions;
        }
        addTo(target, batch);
      }
      case HASH -> {
        int[] partitionOfRow = Partitioner.partitionsOf(batch, exchange.keys(), partitions);
        Batch[] parts = Partitioner.split(batch, partitionOfRow, partitions);
        for (int p = 0; p < partitions; p++) {
          if (parts[p] != null) {
            addTo(p, parts[p]);
          }
        }
      }
    }
  }

  private void addTo(int partition, Batch batch) {
    List<Batch> bucket = buckets.get(partition);
    synchronized (bucket) {
      bucket.add(batch);
    }
  }

  /** The batches for one partition; called after all producers finished. */
  List<Batch> bucket(int partition) {
    return buckets.get(partition);
  }
}
