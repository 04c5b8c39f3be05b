package io.rivulet.runtime.operator;

/**
 * What every running operator has besides its input: the per-batch, end-of-input and clean-up
 * calls and the figures progress reports. {@link Operator} and {@link BinaryOperator} add their
 * inputs to it.
 */
public interface OperatorLifecycle {
  default void open(OperatorContext context) {}

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
