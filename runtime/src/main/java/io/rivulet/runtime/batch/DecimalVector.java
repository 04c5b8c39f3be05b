package io.rivulet.runtime.batch;

import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;

/**
 * A DECIMAL column held as unscaled longs of one scale: row {@code r} is {@code values[r] *
 * 10^-scale}. It stands for the {@link ObjectVector} of {@link BigDecimal}s {@link #get} returns
 * (equal and of the same scale), without making them. Only values whose unscaled value fits in a
 * long can be held; a column with any other value (or of mixed scales) stays an {@link
 * ObjectVector}, so that every value keeps the exact BigDecimal it had.
 */
public record DecimalVector(long[] values, boolean[] nulls, int scale, int size)
    implements ColumnVector {

  @Override
  public DataType type() {
    return DataType.DECIMAL;
  }

  /** The unscaled value at {@code row} (0 under a null). */
  public long getUnscaled(int row) {
    return values[row];
  }

  @Override
  public boolean isNull(int row) {
    return nulls != null && nulls[row];
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : BigDecimal.valueOf(values[row], scale);
  }

  @Override
  public ColumnVector gather(int[] positions, int count) {
    long[] gathered = new long[count];
    boolean[] gatheredNulls = nulls == null ? null : new boolean[count];
    for (int i = 0; i < count; i++) {
      gathered[i] = values[positions[i]];
      if (gatheredNulls != null) {
        gatheredNulls[i] = nulls[positions[i]];
      }
    }
    return new DecimalVector(gathered, gatheredNulls, scale, count);
  }

  /**
   * What {@code BigDecimal.valueOf(unscaled, scale)} hashes to with its trailing zeros stripped
   * (0 for zero), the hash the partitioner and checksums give a decimal so that {@code 1.0} and
   * {@code 1.00} agree, computed without the BigDecimal.
   */
  public static int strippedHash(long unscaled, int scale) {
    if (unscaled == 0) {
      return 0;
    }
    if (unscaled == Long.MIN_VALUE) {
      // Its magnitude is not a long: BigDecimal holds it inflated and hashes it another way.
      return BigDecimal.valueOf(unscaled, scale).stripTrailingZeros().hashCode();
    }
    while (unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    // BigDecimal.hashCode() of a value whose unscaled value is a long.
    long magnitude = Math.abs(unscaled);
    int folded = (int) (((int) (magnitude >>> 32)) * 31 + (magnitude & 0xFFFFFFFFL));
    return 31 * (unscaled < 0 ? -folded : folded) + scale;
  }

  /**
   * The decimals in {@code values[0..count)} as a DecimalVector when all of them (nulls aside)
   * have one scale and an unscaled value that fits in a long, else as an ObjectVector of them.
   */
  public static ColumnVector of(Object[] values, int count) {
    int scale = -1;
    long[] unscaled = new long[count];
    boolean[] nulls = null;
    for (int i = 0; i < count; i++) {
      Object value = values[i];
      if (value == null) {
        if (nulls == null) {
          nulls = new boolean[count];
        }
        nulls[i] = true;
        continue;
      }
      if (!(value instanceof BigDecimal decimal)
          || decimal.scale() < 0
          || (scale >= 0 && decimal.scale() != scale)
          || decimal.unscaledValue().bitLength() > 63) {
        return new ObjectVector(DataType.DECIMAL, values, count);
      }
      scale = decimal.scale();
      unscaled[i] = decimal.unscaledValue().longValue();
    }
    if (scale < 0) {
      return new ObjectVector(DataType.DECIMAL, values, count);
    }
    return new DecimalVector(unscaled, nulls, scale, count);
  }
}
