package io.rivulet.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DecimalVector;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartitionerTest {
  private static final Schema SCHEMA = Schema.of(Field.of("d", DataType.DECIMAL));

  @Test
  void decimalKeysAsUnscaledLongsGoWhereTheirBigDecimalsGo() {
    SplittableRandom random = new SplittableRandom(11);
    int rows = 5000;
    long[] unscaled = new long[rows];
    boolean[] nulls = new boolean[rows];
    Object[] objects = new Object[rows];
    for (int r = 0; r < rows; r++) {
      unscaled[r] = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(-1000, 1000) * 10L;
      nulls[r] = random.nextInt(10) == 0;
      if (nulls[r]) {
        unscaled[r] = 0;
      } else {
        objects[r] = BigDecimal.valueOf(unscaled[r], 3);
      }
    }
    int[] asObjects = partitions(new ObjectVector(DataType.DECIMAL, objects, rows), rows);
    int[] asLongs = partitions(new DecimalVector(unscaled, nulls, 3, rows), rows);

    assertThat(asLongs).containsExactly(asObjects);
  }

  @Test
  void equalDecimalsOfOtherScalesShareAPartition() {
    ColumnVector tenths = new DecimalVector(new long[] {15, 0, -20}, null, 1, 3);
    ColumnVector hundredths = new DecimalVector(new long[] {150, 0, -200}, null, 2, 3);

    assertThat(partitions(tenths, 3)).containsExactly(partitions(hundredths, 3));
  }

  private static int[] partitions(ColumnVector column, int rows) {
    Batch batch = new Batch(SCHEMA, new ColumnVector[] {column}, rows, null);
    return Partitioner.partitionsOf(batch, new int[] {0}, 7);
  }
}
