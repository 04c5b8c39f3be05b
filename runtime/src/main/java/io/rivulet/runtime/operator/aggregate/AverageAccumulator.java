package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code AVG(x)} in the arithmetic of its result type, as Calcite types it: for an integer
 * result the average truncated toward zero, for FLOAT and DOUBLE the floating-point quotient, for
 * DECIMAL the quotient truncated to the scale of the summed values (Calcite casts to the
 * argument's DECIMAL type, which rounds down). The average of no non-null values is null.
 */
abstract sealed class AverageAccumulator implements Accumulator {
  protected final DataType resultType;
  protected long count;

  private AverageAccumulator(DataType resultType) {
    this.resultType = resultType;
  }

  static AverageAccumulator create(DataType resultType) {
    if (resultType == DataType.DECIMAL) {
      return new OfDecimal(resultType);
    }
    if (!resultType.isNumeric()) {
      throw new IllegalArgumentException("AVG returns a numeric type, not " + resultType);
    }
    return resultType.storage() == DataType.Storage.DOUBLE
        ? new OfDouble(resultType)
        : new OfLong(resultType);
  }

  /** {@code other} as an average of the same class and result type, or the error for merging it. */
  protected final <T extends AverageAccumulator> T sameKind(Accumulator other, Class<T> kind) {
    if (!kind.isInstance(other) || ((AverageAccumulator) other).resultType != resultType) {
      throw CountAccumulator.cannotMerge(this, other);
    }
    return kind.cast(other);
  }

  /** An average of integers: a long sum divided with truncation. */
  static final class OfLong extends AverageAccumulator {
    private long sum;

    OfLong(DataType resultType) {
      super(resultType);
    }

    @Override
    public void accumulate(Object value) {
      if (value != null) {
        accumulateLong(((Number) value).longValue(), resultType);
      }
    }

    @Override
    public void retract(Object value) {
      if (value != null) {
        retractLong(((Number) value).longValue(), resultType);
      }
    }

    @Override
    public void accumulateLong(long value, DataType type) {
      sum += value;
      count++;
    }

    @Override
    public void retractLong(long value, DataType type) {
      sum -= value;
      count--;
    }

    @Override
    public void merge(Accumulator other) {
      OfLong that = sameKind(other, OfLong.class);
      sum += that.sum;
      count += that.count;
    }

    @Override
    public Object result() {
      // Java's long division truncates toward zero, which is what SQL's integer AVG does.
      return count == 0 ? null : resultType.fromLong(sum / count);
    }
  }

  /** A floating-point average. */
  static final class OfDouble extends AverageAccumulator {
    private double sum;

    OfDouble(DataType resultType) {
      super(resultType);
    }

    @Override
    public void accumulate(Object value) {
      if (value != null) {
        accumulateDouble(((Number) value).doubleValue(), resultType);
      }
    }

    @Override
    public void retract(Object value) {
      if (value != null) {
        retractDouble(((Number) value).doubleValue(), resultType);
      }
    }

    @Override
    public void accumulateLong(long value, DataType type) {
      accumulateDouble(value, type);
    }

    @Override
    public void retractLong(long value, DataType type) {
      retractDouble(value, type);
    }

    @Override
    public void accumulateDouble(double value, DataType type) {
      sum += value;
      count++;
    }

    @Override
    public void retractDouble(double value, DataType type) {
      count--;
      sum = count == 0 ? 0.0 : sum - value;
    }

    @Override
    public void merge(Accumulator other) {
      OfDouble that = sameKind(other, OfDouble.class);
      sum += that.sum;
      count += that.count;
    }

    @Override
    public Object result() {
      return count == 0 ? null : resultType.fromDouble(sum / count);
    }
  }

  /** An exact decimal average. */
  static final class OfDecimal extends AverageAccumulator {
    private BigDecimal sum = BigDecimal.ZERO;

    OfDecimal(DataType resultType) {
      super(resultType);
    }

    @Override
    public void accumulate(Object value) {
      if (value != null) {
        sum = sum.add(SumAccumulator.toDecimal(value));
        count++;
      }
    }

    @Override
    public void retract(Object value) {
      if (value != null) {
        count--;
        sum = count == 0 ? BigDecimal.ZERO : sum.subtract(SumAccumulator.toDecimal(value));
      }
    }

    @Override
    public void merge(Accumulator other) {
      OfDecimal that = sameKind(other, OfDecimal.class);
      sum = sum.add(that.sum);
      count += that.count;
    }

    @Override
    public Object result() {
      if (count == 0) {
        return null;
      }
      return sum.divide(BigDecimal.valueOf(count), sum.scale(), RoundingMode.DOWN);
    }
  }
}
