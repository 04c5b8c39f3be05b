package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;

/**
 * {@code SUM(x)} in the arithmetic of its result type: integer types add as longs (wrapping on
 * overflow, like Calcite's generated code), FLOAT and DOUBLE as doubles, DECIMAL exactly. The sum
 * of no non-null values is null.
 */
abstract sealed class SumAccumulator implements Accumulator {
  protected final DataType resultType;

  /** How many non-null values are in the sum, so that it turns null again when all are gone. */
  protected long count;

  private SumAccumulator(DataType resultType) {
    this.resultType = resultType;
  }

  static SumAccumulator create(DataType resultType) {
    if (resultType == DataType.DECIMAL) {
      return new OfDecimal(resultType);
    }
    if (!resultType.isNumeric()) {
      throw new IllegalArgumentException("SUM returns a numeric type, not " + resultType);
    }
    return resultType.storage() == DataType.Storage.DOUBLE
        ? new OfDouble(resultType)
        : new OfLong(resultType);
  }

  /** {@code other} as a sum of the same class and result type, or the error for merging it. */
  protected final <T extends SumAccumulator> T sameKind(Accumulator other, Class<T> kind) {
    if (!kind.isInstance(other) || ((SumAccumulator) other).resultType != resultType) {
      throw CountAccumulator.cannotMerge(this, other);
    }
    return kind.cast(other);
  }

  /** The exact decimal of a numeric value of any type. */
  static BigDecimal toDecimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Double || value instanceof Float) {
      // Float.toString gives the shortest decimal that reads back as the float, not its binary
      // expansion widened to double.
      return new BigDecimal(value.toString());
    }
    return BigDecimal.valueOf(((Number) value).longValue());
  }

  /** A sum in a long, for TINYINT, SMALLINT, INTEGER and BIGINT results. */
  static final class OfLong extends SumAccumulator {
    private long sum;

    OfLong(DataType resultType) {
      super(resultType);
    }

    @Override
    public void accumulate(Object value) {
      if (value != null) {
        sum += ((Number) value).longValue();
        count++;
      }
    }

    @Override
    public void retract(Object value) {
      if (value != null) {
        sum -= ((Number) value).longValue();
        count--;
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
      return count == 0 ? null : resultType.fromLong(sum);
    }
  }

  /** A sum in a double, for FLOAT and DOUBLE results. */
  static final class OfDouble extends SumAccumulator {
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
      // Start afresh once empty, so that rounding left over by retractions does not linger.
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
      return count == 0 ? null : resultType.fromDouble(sum);
    }
  }

  /** An exact sum, for DECIMAL results. */
  static final class OfDecimal extends SumAccumulator {
    private BigDecimal sum = BigDecimal.ZERO;

    OfDecimal(DataType resultType) {
      super(resultType);
    }

    @Override
    public void accumulate(Object value) {
      if (value != null) {
        sum = sum.add(toDecimal(value));
        count++;
      }
    }

    @Override
    public void retract(Object value) {
      if (value != null) {
        count--;
        sum = count == 0 ? BigDecimal.ZERO : sum.subtract(toDecimal(value));
      }
    }

    @Override
    public void accumulateLong(long value, DataType type) {
      sum = sum.add(BigDecimal.valueOf(value));
      count++;
    }

    @Override
    public void retractLong(long value, DataType type) {
      count--;
      sum = count == 0 ? BigDecimal.ZERO : sum.subtract(BigDecimal.valueOf(value));
    }

    @Override
    public void merge(Accumulator other) {
      OfDecimal that = sameKind(other, OfDecimal.class);
      sum = sum.add(that.sum);
      count += that.count;
    }

    @Override
    public Object result() {
      return count == 0 ? null : sum;
    }
  }
}
