package io.rivulet.runtime.operator;

import io.rivulet.runtime.batch.Batch;

/** Receives the batches an operator emits. */
@FunctionalInterface
public interface Collector {
  void collect(Batch batch);
}
