package io.rivulet.runtime.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalVectorTest {
  @Test
  void getGivesTheBigDecimalOfTheScaleWithNulls() {
    DecimalVector vector =
        new DecimalVector(
            new long[] {12345, 0, -7, 0}, new boolean[] {false, true, false, false}, 3, 4);

    assertThat(vector.type()).isEqualTo(DataType.DECIMAL);
    assertThat(vector.get(0)).isEqualTo(new BigDecimal("12.345"));
    assertThat(((BigDecimal) vector.get(0)).scale()).isEqualTo(3);
    assertThat(vector.isNull(1)).isTrue();
    assertThat(vector.get(1)).isNull();
    assertThat(vector.get(2)).isEqualTo(new BigDecimal("-0.007"));
    // Zero keeps the scale too, as BigDecimal.valueOf(0, 3) does: 0.000, not 0.
    assertThat(vector.get(3)).isEqualTo(new BigDecimal("0.000"));
    assertThat(vector.getUnscaled(0)).isEqualTo(12345);
  }

  @Test
  void gatherKeepsTheScaleAndTheNulls() {
    DecimalVector vector =
        new DecimalVector(new long[] {1, 0, 3}, new boolean[] {false, true, false}, 2, 3);

    ColumnVector gathered = vector.gather(new int[] {2, 1, 2, 0}, 4);

    assertThat(gathered).isInstanceOf(DecimalVector.class);
    assertThat(gathered.size()).isEqualTo(4);
    assertThat(gathered.get(0)).isEqualTo(new BigDecimal("0.03"));
    assertThat(gathered.get(1)).isNull();
    assertThat(gathered.get(2)).isEqualTo(new BigDecimal("0.03"));
    assertThat(gathered.get(3)).isEqualTo(new BigDecimal("0.01"));
    ColumnVector noNulls =
        new DecimalVector(new long[] {5, 6}, null, 0, 2).gather(new int[] {1}, 1);
    assertThat(((DecimalVector) noNulls).nulls()).isNull();
    assertThat(noNulls.get(0)).isEqualTo(new BigDecimal("6"));
  }

  @Test
  void ofHoldsDecimalsOfOneScaleThatFitInALongAsLongs() {
    Object[] values = {new BigDecimal("1.50"), null, new BigDecimal("-92233720368547758.08")};

    ColumnVector vector = DecimalVector.of(values, 3);

    assertThat(vector).isInstanceOf(DecimalVector.class);
    for (int row = 0; row < 3; row++) {
      assertThat(vector.get(row)).isEqualTo(values[row]);
    }
  }

  @Test
  void ofKeepsObjectsWhenAValueDoesNotFitOrTheScalesDiffer() {
    Object[] tooLarge = {new BigDecimal("1.00"), new BigDecimal("92233720368547758.08")};
    Object[] mixedScales = {new BigDecimal("1.0"), new BigDecimal("1.00")};
    Object[] allNull = {null, null};

    assertThat(DecimalVector.of(tooLarge, 2)).isInstanceOf(ObjectVector.class);
    assertThat(DecimalVector.of(mixedScales, 2)).isInstanceOf(ObjectVector.class);
    assertThat(DecimalVector.of(mixedScales, 2).get(1)).isEqualTo(new BigDecimal("1.00"));
    assertThat(DecimalVector.of(allNull, 2)).isInstanceOf(ObjectVector.class);
  }

  @Test
  void strippedHashIsTheHashOfTheBigDecimalWithoutTrailingZeros() {
    long[] edges = {
      1, -1, 10, -10, 100, 1000000, 123450, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
      1L << 32, -(1L << 32), (1L << 32) + 10, 4294967295L, 999_999_999_999_999_990L
    };
    for (long unscaled : edges) {
      for (int scale = 0; scale <= 6; scale++) {
        assertThat(DecimalVector.strippedHash(unscaled, scale))
            .as("%d scale %d", unscaled, scale)
            .isEqualTo(expectedHash(unscaled, scale));
      }
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      long unscaled = random.nextLong() >> random.nextInt(64);
      if (random.nextBoolean()) {
        unscaled = unscaled / 1000 * 1000;
      }
      int scale = random.nextInt(19);
      assertThat(DecimalVector.strippedHash(unscaled, scale))
          .as("%d scale %d", unscaled, scale)
          .isEqualTo(expectedHash(unscaled, scale));
    }
    assertThat(DecimalVector.strippedHash(0, 3)).isZero();
  }

  private static int expectedHash(long unscaled, int scale) {
    BigDecimal decimal = BigDecimal.valueOf(unscaled, scale);
    return decimal.signum() == 0 ? 0 : decimal.stripTrailingZeros().hashCode();
  }
}
