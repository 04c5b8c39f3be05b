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
  public Object result() {
    return resultType.fromLong(count);
  }
}
