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
public interface BinaryOperator extends OperatorLifecycle {
  void processLeft(Batch batch, Collector out);

  void processRight(Batch batch, Collector out);
}
