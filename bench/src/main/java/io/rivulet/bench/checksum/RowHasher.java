package io.rivulet.bench.checksum;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BooleanVector;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DecimalVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.batch.RowKind;
import java.math.BigDecimal;

/**
 * Hashes the rows of batches, column by column, into 64-bit row hashes whose sum is a checksum of
 * a multiset of rows: it does not depend on the order of rows, on how they were cut into batches
 * or partitions, and, since a retraction ({@code -U}, {@code -D}) subtracts what its insertion
 * added, a changelog sums to the checksum of the table it leaves behind.
 */
public final class RowHasher {
  private static final long NULL_HASH = 0x5DEECE66DL;

  private RowHasher() {}

  /** The signed sum of the row hashes of {@code batch}, and its net row count. */
  public static long[] sumAndCount(Batch batch) {
    int rows = batch.rowCount();
    long[] hashes = new long[rows];
    for (int c = 0; c < batch.columnCount(); c++) {
      mix(batch.column(c), hashes, rows);
    }
    byte[] kinds = batch.kindCodes();
    long sum = 0;
    long count = 0;
    for (int r = 0; r < rows; r++) {
      long h = finish(hashes[r]);
      if (kinds == null || RowKind.ofCode(kinds[r]).isAccumulate()) {
        sum += h;
        count++;
      } else {
        sum -= h;
        count--;
      }
    }
    return new long[] {sum, count};
  }

  private static void mix(ColumnVector column, long[] hashes, int rows) {
    if (column instanceof LongVector) {
      LongVector longs = (LongVector) column;
      for (int r = 0; r < rows; r++) {
        long h = longs.isNull(r) ? NULL_HASH : longs.getLong(r);
        hashes[r] = (hashes[r] + h) * 0x9E3779B97F4A7C15L;
      }
    } else if (column instanceof DoubleVector) {
      DoubleVector doubles = (DoubleVector) column;
      for (int r = 0; r < rows; r++) {
        double value = doubles.getDouble(r);
        long h = doubles.isNull(r) ? NULL_HASH : Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        hashes[r] = (hashes[r] + h) * 0x9E3779B97F4A7C15L;
      }
    } else if (column instanceof BooleanVector) {
      BooleanVector booleans = (BooleanVector) column;
      for (int r = 0; r < rows; r++) {
        long h = booleans.isNull(r) ? NULL_HASH : booleans.getBoolean(r) ? 1 : 2;
        hashes[r] = (hashes[r] + h) * 0x9E3779B97F4A7C15L;
      }
    } else if (column instanceof DecimalVector) {
      DecimalVector decimals = (DecimalVector) column;
      long[] values = decimals.values();
      int scale = decimals.scale();
      for (int r = 0; r < rows; r++) {
        // valueHash of the BigDecimal the row stands for, so checksums do not depend on the vector.
        long h =
            decimals.isNull(r) ? NULL_HASH : DecimalVector.strippedHash(values[r], scale);
        hashes[r] = (hashes[r] + h) * 0x9E3779B97F4A7C15L;
      }
    } else {
      ObjectVector objects = (ObjectVector) column;
      for (int r = 0; r < rows; r++) {
        Object value = objects.get(r);
        long h = value == null ? NULL_HASH : valueHash(value);
        hashes[r] = (hashes[r] + h) * 0x9E3779B97F4A7C15L;
      }
    }
  }

  private static long valueHash(Object value) {
    if (value instanceof BigDecimal) {
      BigDecimal decimal = (BigDecimal) value;
      // 1.0 and 1.00 are the same SQL value.
      return decimal.signum() == 0 ? 0 : decimal.stripTrailingZeros().hashCode();
    }
    return value.hashCode();
  }

  /** SplitMix64's finaliser, so that every column's bits reach every bit of the row hash. */
  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
