package io.rivulet.runtime.exec;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BooleanVector;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DecimalVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.ObjectVector;

/** Assigns rows to partitions by a hash of key columns, so equal keys land in one partition. */
public final class Partitioner {
  private Partitioner() {}

  /** The partition of every row of {@code batch}, in {@code [0, partitions)}. */
  public static int[] partitionsOf(Batch batch, int[] keys, int partitions) {
    int rows = batch.rowCount();
    int[] hashes = new int[rows];
    for (int key : keys) {
      mix(batch.column(key), hashes, rows);
    }
    for (int r = 0; r < rows; r++) {
      hashes[r] = Math.floorMod(finish(hashes[r]), partitions);
    }
    return hashes;
  }

  private static void mix(ColumnVector column, int[] hashes, int rows) {
    if (column instanceof LongVector longs) {
      for (int r = 0; r < rows; r++) {
        int h = longs.isNull(r) ? 0 : Long.hashCode(longs.getLong(r));
        hashes[r] = hashes[r] * 31 + h;
      }
    } else if (column instanceof DoubleVector doubles) {
      for (int r = 0; r < rows; r++) {
        int h = doubles.isNull(r) ? 0 : Double.hashCode(doubles.getDouble(r));
        hashes[r] = hashes[r] * 31 + h;
      }
    } else if (column instanceof BooleanVector booleans) {
      for (int r = 0; r < rows; r++) {
        int h = booleans.isNull(r) ? 0 : Boolean.hashCode(booleans.getBoolean(r));
        hashes[r] = hashes[r] * 31 + h;
      }
    } else if (column instanceof DecimalVector decimals) {
      long[] values = decimals.values();
      int scale = decimals.scale();
      for (int r = 0; r < rows; r++) {
        // The BigDecimal's hash (valueHash), so a key lands where it would as an object.
        int h = decimals.isNull(r) ? 0 : DecimalVector.strippedHash(values[r], scale);
        hashes[r] = hashes[r] * 31 + h;
      }
    } else {
      ObjectVector objects = (ObjectVector) column;
      for (int r = 0; r < rows; r++) {
        Object value = objects.get(r);
        int h = value == null ? 0 : valueHash(value);
        hashes[r] = hashes[r] * 31 + h;
      }
    }
  }

  private static int valueHash(Object value) {
    if (value instanceof java.math.BigDecimal decimal) {
      // 1.0 and 1.00 are equal in SQL, so hash the value without trailing zeros.
      return decimal.signum() == 0 ? 0 : decimal.stripTrailingZeros().hashCode();
    }
    return value.hashCode();
  }

  /** Murmur3's finaliser, so that nearby keys spread over partitions. */
  private static int finish(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** Splits {@code batch} into one batch per partition (null where a partition gets no rows). */
  public static Batch[] split(Batch batch, int[] partitionOfRow, int partitions) {
    int[] counts = new int[partitions];
    for (int p : partitionOfRow) {
      counts[p]++;
    }
    int[][] positions = new int[partitions][];
    for (int p = 0; p < partitions; p++) {
      positions[p] = new int[counts[p]];
    }
    int[] filled = new int[partitions];
    for (int r = 0; r < partitionOfRow.length; r++) {
      int p = partitionOfRow[r];
      positions[p][filled[p]++] = r;
    }
    Batch[] parts = new Batch[partitions];
    for (int p = 0; p < partitions; p++) {
      if (counts[p] == batch.rowCount()) {
        parts[p] = batch;
      } else if (counts[p] > 0) {
        parts[p] = batch.gather(positions[p], counts[p]);
      }
    }
    return parts;
  }
}
