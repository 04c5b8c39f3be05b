package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.type.DataType;

/** {@code COUNT(*)}: counts every row, whatever its values. */
final class CountStarAccumulator implements Accumulator {
  private final DataType resultType;
  private long count;

  CountStarAccumulator(DataType resultType) {
    this.resultType = CountAccumulator.checkCountType(resultType);
  }

  @Override
  public void accumulate(Object value) {
    count++;
  }

  @Override
  public void retract(Object value) {
    count--;
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
    if (!(other instanceof CountStarAccumulator that) || that.resultType != resultType) {
      throw CountAccumulator.cannotMerge(this, other);
    }
    count += that.count;
  }

  @Override
  public Object result() {
    return resultType.fromLong(count);
  }
}
