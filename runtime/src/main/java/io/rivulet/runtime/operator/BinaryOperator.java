package io.rivulet.runtime.operator;

import io.rivulet.runtime.batch.Batch;

/**
 * A running operator with two inputs (a join), serving one partition of one stage.
 *
 * <p>Same calling protocol as {@link Operator}: {@link #open} once; per micro-batch any number of
 * {@link #processLeft} and {@link #processRight} calls, in any interleaving, then exactly one
 * {@link #endBatch}; {@link #finish} after the last micro-batch of bounded input; {@link #close}
 * at the end. Both inputs are partitioned the same way (by the join keys), so matching rows meet
 * in one instance.
 */
public interface BinaryOperator {
  default void open(OperatorContext context) {}

  void processLeft(Batch batch, Collector out);

  void processRight(Batch batch, Collector out);

  /** See {@link Operator#endBatch}. */
  default void endBatch(long watermark, Collector out) {}

  default void finish(Collector out) {}

  default void close() {}

  default long stateSize() {
    return 0;
  }

  default long lateRows() {
    return 0;
  }
}
