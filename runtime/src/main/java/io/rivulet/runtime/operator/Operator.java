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
public interface Operator {
  default void open(OperatorContext context) {}

  /** Consumes a batch of input rows. */
  void process(Batch batch, Collector out);

  /**
   * Called once per micro-batch after all its input was processed.
   *
   * @param watermark the query's event-time watermark after this batch, in epoch millis ({@code
   *     Long.MIN_VALUE} when no event time is known yet, {@code Long.MAX_VALUE} at end of input)
   */
  default void endBatch(long watermark, Collector out) {}

  /** Called once when the input has ended for good. */
  default void finish(Collector out) {}

  default void close() {}

  /** The number of entries of state this instance keeps (groups, buffered rows). */
  default long stateSize() {
    return 0;
  }

  /** How many input rows this instance dropped so far because they came after their window closed. */
  default long lateRows() {
    return 0;
  }
}
