package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.type.DataType;

/**
 * The running state of one aggregate call for one group: values are added and retracted one at a
 * time, and the result can be read at any point.
 *
 * <p>Values are the Java values of {@link DataType}; a null value is a SQL null, which every
 * aggregate but {@code COUNT(*)} ignores ({@code COUNT(*)} is given null for each row, as it has
 * no argument). The {@code Long} and {@code Double} methods take a non-null value read straight
 * from a LONG or DOUBLE vector of the given type, so that the common numeric aggregates run
 * without boxing; by default they box and delegate.
 *
 * <p>Retracting a value that was never added is a caller error; accumulators do not check it.
 * The result is always in the Java representation of the call's result type.
 */
public sealed interface Accumulator
    permits CountStarAccumulator,
        CountAccumulator,
        SumAccumulator,
        AverageAccumulator,
        ExtremumAccumulator,
        DistinctAccumulator {

  /**
   * A fresh accumulator for {@code call}.
   *
   * @param argumentType the type of the call's input column (ignored for {@code COUNT(*)})
   * @param retractable whether values will be retracted; MIN and MAX keep every value then, and
   *     a cheap running extreme otherwise
   * @throws IllegalArgumentException when the call's result type does not suit its kind
   */
  static Accumulator create(AggregateCall call, DataType argumentType, boolean retractable) {
    DataType resultType = call.resultType();
    Accumulator accumulator =
        switch (call.kind()) {
          case COUNT_STAR -> new CountStarAccumulator(resultType);
          case COUNT -> new CountAccumulator(resultType);
          case SUM -> SumAccumulator.create(resultType);
          case AVG -> AverageAccumulator.create(resultType);
          case MIN, MAX ->
              ExtremumAccumulator.create(
                  call.kind() == AggregateKind.MAX, argumentType, retractable);
        };
    return call.distinct() ? new DistinctAccumulator(accumulator) : accumulator;
  }

  /** Adds a value, or a SQL null. */
  void accumulate(Object value);

  /** Takes back a value added before, or a SQL null. */
  void retract(Object value);

  /** Adds a non-null value read from a LONG vector of type {@code type}. */
  default void accumulateLong(long value, DataType type) {
    accumulate(type.fromLong(value));
  }

  /** Takes back a non-null value read from a LONG vector of type {@code type}. */
  default void retractLong(long value, DataType type) {
    retract(type.fromLong(value));
  }

  /** Adds a non-null value read from a DOUBLE vector of type {@code type}. */
  default void accumulateDouble(double value, DataType type) {
    accumulate(type.fromDouble(value));
  }

  /** Takes back a non-null value read from a DOUBLE vector of type {@code type}. */
  default void retractDouble(double value, DataType type) {
    retract(type.fromDouble(value));
  }

  /**
   * Adds everything {@code other} holds, as if each of its values had been added here (after this
   * accumulator's own values); {@code other} is left as it was. Session windows use it to join two
   * sessions that a row bridges.
   *
   * @param other an accumulator created for the same call and argument type
   * @throws IllegalArgumentException when {@code other} computes another aggregate
   */
  void merge(Accumulator other);

  /** The aggregate over the values added and not retracted, or null where SQL says so. */
  Object result();
}
