package io.rivulet.runtime.operator.aggregate;

import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.BOOLEAN;
import static io.rivulet.runtime.type.DataType.DATE;
import static io.rivulet.runtime.type.DataType.DECIMAL;
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.FLOAT;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AccumulatorTest {

  private static Accumulator create(
      AggregateKind kind, DataType argumentType, DataType resultType, boolean retractable) {
    return Accumulator.create(
        new AggregateCall(kind, kind == AggregateKind.COUNT_STAR ? -1 : 0, false, resultType, "r"),
        argumentType,
        retractable);
  }

  private static Accumulator distinct(AggregateKind kind, DataType type, boolean retractable) {
    return Accumulator.create(new AggregateCall(kind, 0, true, type, "r"), type, retractable);
  }

  private static Accumulator distinctCount(DataType argumentType, boolean retractable) {
    return Accumulator.create(
        new AggregateCall(AggregateKind.COUNT, 0, true, BIGINT, "r"), argumentType, retractable);
  }

  @Test
  void countStarCountsNullsAndIsNeverNull() {
    Accumulator count = create(AggregateKind.COUNT_STAR, null, BIGINT, true);
    assertThat(count.result()).isEqualTo(0L);

    count.accumulate(null);
    count.accumulate(null);
    count.accumulateLong(5, BIGINT);
    count.retract(null);

    assertThat(count.result()).isEqualTo(2L);
  }

  @Test
  void countSkipsNulls() {
    Accumulator count = create(AggregateKind.COUNT, VARCHAR, BIGINT, true);

    count.accumulate("a");
    count.accumulate(null);
    count.accumulateDouble(1.5, DOUBLE);
    count.retract(null);
    count.retract("a");

    assertThat(count.result()).isEqualTo(1L);
  }

  @Test
  void countRejectsANonIntegerResultType() {
    assertThatThrownBy(() -> create(AggregateKind.COUNT, VARCHAR, VARCHAR, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COUNT returns an integer type");
  }

  @Test
  void sumOfLongsIsNullUntilANonNullValueAndAgainOnceAllAreRetracted() {
    Accumulator sum = create(AggregateKind.SUM, BIGINT, BIGINT, true);
    sum.accumulate(null);
    assertThat(sum.result()).isNull();

    sum.accumulateLong(3, BIGINT);
    sum.accumulate(4L);
    assertThat(sum.result()).isEqualTo(7L);

    sum.retractLong(3, BIGINT);
    sum.retract(4L);
    assertThat(sum.result()).isNull();
  }

  @Test
  void sumOfIntegersReturnsItsIntegerResultType() {
    Accumulator sum = create(AggregateKind.SUM, INTEGER, INTEGER, false);
    sum.accumulate(2);
    sum.accumulateLong(5, INTEGER);
    assertThat(sum.result()).isEqualTo(7);
  }

  @Test
  void sumOfLongsWrapsOnOverflowSoThatRetractionRestoresTheExactSum() {
    Accumulator sum = create(AggregateKind.SUM, BIGINT, BIGINT, true);
    sum.accumulateLong(Long.MAX_VALUE, BIGINT);
    sum.accumulateLong(10, BIGINT);
    sum.retractLong(20, BIGINT);
    assertThat(sum.result()).isEqualTo(Long.MAX_VALUE - 10);
  }

  @Test
  void sumOfDoublesAndFloats() {
    Accumulator doubles = create(AggregateKind.SUM, DOUBLE, DOUBLE, true);
    doubles.accumulateDouble(0.5, DOUBLE);
    doubles.accumulate(0.25);
    doubles.accumulateLong(2, BIGINT);
    assertThat(doubles.result()).isEqualTo(2.75);
    doubles.retractDouble(0.5, DOUBLE);
    doubles.retract(0.25);
    doubles.retractLong(2, BIGINT);
    assertThat(doubles.result()).isNull();

    Accumulator floats = create(AggregateKind.SUM, FLOAT, FLOAT, false);
    floats.accumulateDouble(1.5f, FLOAT);
    assertThat(floats.result()).isEqualTo(1.5f);
  }

  @Test
  void sumOfDoublesStartsAfreshOnceEmptied() {
    Accumulator sum = create(AggregateKind.SUM, DOUBLE, DOUBLE, true);
    sum.accumulate(0.1);
    sum.accumulate(0.2);
    sum.retract(0.1);
    sum.retract(0.2);
    sum.accumulate(0.3);
    assertThat(sum.result()).isEqualTo(0.3);
  }

  @Test
  void sumOfDecimalsIsExact() {
    Accumulator sum = create(AggregateKind.SUM, DECIMAL, DECIMAL, true);
    sum.accumulate(new BigDecimal("0.1"));
    sum.accumulate(new BigDecimal("0.20"));
    assertThat(sum.result()).isEqualTo(new BigDecimal("0.30"));
    sum.retract(new BigDecimal("0.1"));
    assertThat(sum.result()).isEqualTo(new BigDecimal("0.20"));
    sum.retract(new BigDecimal("0.20"));
    assertThat(sum.result()).isNull();
  }

  @Test
  void sumOfIntegersAsDecimal() {
    Accumulator sum = create(AggregateKind.SUM, BIGINT, DECIMAL, false);
    sum.accumulateLong(2, BIGINT);
    sum.accumulate(3L);
    assertThat(sum.result()).isEqualTo(BigDecimal.valueOf(5));
  }

  @Test
  void sumRejectsANonNumericResultType() {
    assertThatThrownBy(() -> create(AggregateKind.SUM, VARCHAR, VARCHAR, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SUM returns a numeric type");
  }

  @Test
  void averageOfIntegersTruncatesTowardZero() {
    Accumulator average = create(AggregateKind.AVG, BIGINT, BIGINT, true);
    assertThat(average.result()).isNull();
    average.accumulateLong(1, BIGINT);
    average.accumulateLong(2, BIGINT);
    assertThat(average.result()).isEqualTo(1L);
    average.accumulateLong(-9, BIGINT);
    // -6 / 3 = -2 exactly; then -7 / 3 truncates to -2 where floor would give -3.
    assertThat(average.result()).isEqualTo(-2L);
    average.accumulate(-1L);
    average.accumulate(null);
    assertThat(average.result()).isEqualTo(-1L);
    average.retract(-1L);
    average.retractLong(-9, BIGINT);
    assertThat(average.result()).isEqualTo(1L);
  }

  @Test
  void averageOfIntegerTypedAsInteger() {
    Accumulator average = create(AggregateKind.AVG, INTEGER, INTEGER, false);
    average.accumulate(3);
    average.accumulateLong(4, INTEGER);
    assertThat(average.result()).isEqualTo(3);
  }

  @Test
  void averageOfDoubles() {
    Accumulator average = create(AggregateKind.AVG, DOUBLE, DOUBLE, true);
    average.accumulateDouble(1.0, DOUBLE);
    average.accumulate(2.0);
    assertThat(average.result()).isEqualTo(1.5);
    average.retractDouble(1.0, DOUBLE);
    average.retract(2.0);
    assertThat(average.result()).isNull();
  }

  @Test
  void averageOfDecimalsTruncatesToTheScaleOfTheValues() {
    Accumulator average = create(AggregateKind.AVG, DECIMAL, DECIMAL, true);
    average.accumulate(new BigDecimal("1.00"));
    average.accumulate(new BigDecimal("-3.00"));
    average.accumulate(new BigDecimal("-3.00"));
    assertThat(average.result()).isEqualTo(new BigDecimal("-1.66"));
    average.retract(new BigDecimal("-3.00"));
    assertThat(average.result()).isEqualTo(new BigDecimal("-1.00"));
  }

  @Test
  void runningMinimumAndMaximumOfLongs() {
    Accumulator minimum = create(AggregateKind.MIN, BIGINT, BIGINT, false);
    Accumulator maximum = create(AggregateKind.MAX, BIGINT, BIGINT, false);
    assertThat(minimum).isInstanceOf(ExtremumAccumulator.RunningLong.class);
    for (long value : new long[] {4, -2, 9, 0}) {
      minimum.accumulateLong(value, BIGINT);
      maximum.accumulateLong(value, BIGINT);
    }
    minimum.accumulate(null);
    maximum.accumulate(3L);
    assertThat(minimum.result()).isEqualTo(-2L);
    assertThat(maximum.result()).isEqualTo(9L);
  }

  @Test
  void runningExtremaKeepTheJavaTypeOfTheirArgument() {
    Accumulator date = create(AggregateKind.MIN, DATE, DATE, false);
    date.accumulateLong(19_000, DATE);
    date.accumulate(18_000);
    assertThat(date.result()).isEqualTo(18_000);

    Accumulator real = create(AggregateKind.MAX, FLOAT, FLOAT, false);
    real.accumulateDouble(1.5f, FLOAT);
    real.accumulate(2.5f);
    assertThat(real.result()).isEqualTo(2.5f);
  }

  @Test
  void runningExtremaOfObjects() {
    Accumulator minimum = create(AggregateKind.MIN, VARCHAR, VARCHAR, false);
    Accumulator maximum = create(AggregateKind.MAX, BOOLEAN, BOOLEAN, false);
    assertThat(minimum.result()).isNull();
    minimum.accumulate("pear");
    minimum.accumulate("apple");
    minimum.accumulate(null);
    maximum.accumulate(false);
    maximum.accumulate(true);
    assertThat(minimum.result()).isEqualTo("apple");
    assertThat(maximum.result()).isEqualTo(true);
  }

  @Test
  void runningExtremaRefuseToRetract() {
    Accumulator minimum = create(AggregateKind.MIN, BIGINT, BIGINT, false);
    minimum.accumulate(1L);
    assertThatThrownBy(() -> minimum.retractLong(1, BIGINT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MIN was planned for an append-only input");
    Accumulator maximum = create(AggregateKind.MAX, VARCHAR, VARCHAR, false);
    assertThatThrownBy(() -> maximum.retract("a")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void retractingExtremaFollowTheRemainingValues() {
    Accumulator minimum = create(AggregateKind.MIN, BIGINT, BIGINT, true);
    Accumulator maximum = create(AggregateKind.MAX, BIGINT, BIGINT, true);
    for (long value : new long[] {5, 1, 1, 9, 7}) {
      minimum.accumulateLong(value, BIGINT);
      maximum.accumulateLong(value, BIGINT);
    }
    assertThat(minimum.result()).isEqualTo(1L);
    assertThat(maximum.result()).isEqualTo(9L);

    minimum.retractLong(1, BIGINT);
    maximum.retractLong(9, BIGINT);
    assertThat(minimum.result()).isEqualTo(1L);
    assertThat(maximum.result()).isEqualTo(7L);

    minimum.retract(1L);
    assertThat(minimum.result()).isEqualTo(5L);
    assertThat(((ExtremumAccumulator.Retracting) minimum).distinctValues()).isEqualTo(3);

    for (long value : new long[] {5, 9, 7}) {
      minimum.retractLong(value, BIGINT);
    }
    assertThat(minimum.result()).isNull();
    assertThat(((ExtremumAccumulator.Retracting) minimum).distinctValues()).isZero();
  }

  @Test
  void retractingExtremaOfDecimalsCompareByValue() {
    Accumulator maximum = create(AggregateKind.MAX, DECIMAL, DECIMAL, true);
    maximum.accumulate(new BigDecimal("2.0"));
    maximum.accumulate(new BigDecimal("2.00"));
    maximum.accumulate(new BigDecimal("1"));
    maximum.retract(new BigDecimal("2.00"));
    assertThat((BigDecimal) maximum.result()).isEqualByComparingTo("2");
    maximum.retract(new BigDecimal("2"));
    assertThat(maximum.result()).isEqualTo(new BigDecimal("1"));
  }

  @Test
  void distinctCountCountsEachValueOnceAndIgnoresNulls() {
    Accumulator count = distinctCount(VARCHAR, true);
    count.accumulate("a");
    count.accumulate("b");
    count.accumulate("a");
    count.accumulate(null);
    assertThat(count.result()).isEqualTo(2L);

    count.retract("a");
    assertThat(count.result()).isEqualTo(2L);
    count.retract("a");
    assertThat(count.result()).isEqualTo(1L);
    count.retract("never added");
    assertThat(count.result()).isEqualTo(1L);
    assertThat(((DistinctAccumulator) count).distinctValues()).isEqualTo(1);
  }

  @Test
  void distinctSumOfLongsReadFromVectors() {
    Accumulator sum = distinct(AggregateKind.SUM, BIGINT, true);
    sum.accumulateLong(3, BIGINT);
    sum.accumulateLong(3, BIGINT);
    sum.accumulateLong(4, BIGINT);
    assertThat(sum.result()).isEqualTo(7L);
    sum.retractLong(3, BIGINT);
    assertThat(sum.result()).isEqualTo(7L);
    sum.retractLong(3, BIGINT);
    assertThat(sum.result()).isEqualTo(4L);
  }

  @Test
  void distinctTreatsDecimalsEqualInValueAsOneValue() {
    Accumulator count = distinctCount(DECIMAL, false);
    count.accumulate(new BigDecimal("1.5"));
    count.accumulate(new BigDecimal("1.50"));
    count.accumulate(new BigDecimal("0"));
    count.accumulate(new BigDecimal("0.000"));
    assertThat(count.result()).isEqualTo(2L);
  }

  @Test
  void distinctAverageAndMinimum() {
    Accumulator average = distinct(AggregateKind.AVG, DOUBLE, false);
    for (double value : new double[] {1, 1, 1, 4}) {
      average.accumulateDouble(value, DOUBLE);
    }
    assertThat(average.result()).isEqualTo(2.5);

    Accumulator minimum = distinct(AggregateKind.MIN, VARCHAR, true);
    minimum.accumulate("b");
    minimum.accumulate("a");
    minimum.accumulate("a");
    minimum.retract("a");
    assertThat(minimum.result()).isEqualTo("a");
    minimum.retract("a");
    assertThat(minimum.result()).isEqualTo("b");
  }
}
