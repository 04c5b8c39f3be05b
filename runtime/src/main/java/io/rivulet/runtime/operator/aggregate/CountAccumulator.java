package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.type.DataType;

/** {@code COUNT(x)}: counts the non-null values; never null itself. */
final class CountAccumulator implements Accumulator {
  private final DataType resultType;
  private long count;

  CountAccumulator(DataType resultType) {
    this.resultType = checkCountType(resultType);
  }

  static DataType checkCountType(DataType resultType) {
    if (resultType.storage() != DataType.Storage.LONG || !resultType.isNumeric()) {
      throw new IllegalArgumentException("COUNT returns an integer type, not " + resultType);
    }
    return resultType;
  }

  /** The error for merging accumulators of different aggregates, shared by all accumulators. */
  static IllegalArgumentException cannotMerge(Accumulator target, Accumulator other) {
    return new IllegalArgumentException(
        "cannot merge "
            + other.getClass().getSimpleName()
            + " into "
            + target.getClass().getSimpleName()
            + "; both must be created for the same aggregate call");
  }

  @Override
  public void accumulate(Object value) {
    if (value != null) {
      count++;
    }
  }

  @Override
  public void retract(Object value) {
    if (value != null) {
      count--;
    }
  }

  @Override
  public void accumulateLong(long value, DataType type) {
    count++;
  }

  @Override
  public void retractLong(long value, DataType type) {
    count--;
  }

  @Override
  public void accumulateDouble(double value, DataType type) {
    count++;
  }

  @Override
  public void retractDouble(double value, DataType type) {
    count--;
  }

  @Override
  public void merge(Accumulator other) {
    if (!(other instanceof CountAccumulator that) || that.resultType != resultType) {
      throw cannotMerge(this, other);
    }
    count += that.count;
  }

  @Override
  public Object result() {
    return resultType.fromLong(count);
  }
}
