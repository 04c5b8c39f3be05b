package io.rivulet.runtime.operator;

import io.rivulet.runtime.batch.Batch;

/**
 * A running operator instance, serving one partition of one stage.
 *
 * <p>Calling protocol, always from one thread at a time: {@link #open} once; then per micro-batch
 * any number of {@link #process} calls followed by exactly one {@link #endBatch}; after the last
 * micro-batch of a bounded input {@link #finish}; finally {@link #close}, also after a failure.
 * Operators push their output into the collector they are given; they may emit in any of these
 * calls. An instance keeps its state across micro-batches.
 */
public interface Operator extends OperatorLifecycle {
  /** Consumes a batch of input rows. */
  void process(Batch batch, Collector out);
}
