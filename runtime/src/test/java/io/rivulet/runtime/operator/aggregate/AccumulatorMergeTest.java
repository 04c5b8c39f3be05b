package io.rivulet.runtime.operator.aggregate;

import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.DECIMAL;
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Accumulator#merge}: two accumulators merged hold what one would over all their values. */
class AccumulatorMergeTest {

  private static Accumulator create(
      AggregateKind kind, DataType argumentType, DataType resultType, boolean retractable) {
    return Accumulator.create(
        new AggregateCall(kind, kind == AggregateKind.COUNT_STAR ? -1 : 0, false, resultType, "r"),
        argumentType,
        retractable);
  }

  private static Accumulator distinct(
      AggregateKind kind, DataType argumentType, DataType resultType) {
    return Accumulator.create(
        new AggregateCall(kind, 0, true, resultType, "r"), argumentType, false);
  }

  /** Accumulates {@code left} into one and {@code right} into another, merges, reads the result. */
  private static Object merged(Accumulator into, Accumulator other, Object[] left, Object[] right) {
    for (Object value : left) {
      into.accumulate(value);
    }
    for (Object value : right) {
      other.accumulate(value);
    }
    Object before = other.result();
    into.merge(other);
    assertThat(other.result()).as("the merged-in accumulator is left as it was").isEqualTo(before);
    return into.result();
  }

  private static Object[] values(Object... values) {
    return values;
  }

  @Test
  void countsAdd() {
    assertThat(
            merged(
                create(AggregateKind.COUNT_STAR, null, BIGINT, false),
                create(AggregateKind.COUNT_STAR, null, BIGINT, false),
                values(null, null),
                values((Object) null)))
        .isEqualTo(3L);
    assertThat(
            merged(
                create(AggregateKind.COUNT, VARCHAR, BIGINT, false),
                create(AggregateKind.COUNT, VARCHAR, BIGINT, false),
                values("a", null),
                values("b", "c", null)))
        .isEqualTo(3L);
  }

  @Test
  void sumsAddAndStayNullOnlyWhenBothAreEmpty() {
    assertThat(
            merged(
                create(AggregateKind.SUM, BIGINT, BIGINT, false),
                create(AggregateKind.SUM, BIGINT, BIGINT, false),
                values(),
                values(4L, null)))
        .isEqualTo(4L);
    assertThat(
            merged(
                create(AggregateKind.SUM, INTEGER, INTEGER, false),
                create(AggregateKind.SUM, INTEGER, INTEGER, false),
                values((Object) null),
                values()))
        .isNull();
    assertThat(
            merged(
                create(AggregateKind.SUM, DOUBLE, DOUBLE, false),
                create(AggregateKind.SUM, DOUBLE, DOUBLE, false),
                values(0.5),
                values(0.25, 1.0)))
        .isEqualTo(1.75);
    assertThat(
            merged(
                create(AggregateKind.SUM, DECIMAL, DECIMAL, false),
                create(AggregateKind.SUM, DECIMAL, DECIMAL, false),
                values(new BigDecimal("1.5")),
                values(new BigDecimal("0.25"))))
        .isEqualTo(new BigDecimal("1.75"));
  }

  @Test
  void aMergedSumCanStillRetractToNull() {
    Accumulator sum = create(AggregateKind.SUM, BIGINT, BIGINT, true);
    Accumulator other = create(AggregateKind.SUM, BIGINT, BIGINT, true);
    sum.accumulate(2L);
    other.accumulate(3L);
    sum.merge(other);
    sum.retract(2L);
    sum.retract(3L);
    assertThat(sum.result()).isNull();
  }

  @Test
  void averagesCombineTheirSumsAndCounts() {
    assertThat(
            merged(
                create(AggregateKind.AVG, BIGINT, BIGINT, false),
                create(AggregateKind.AVG, BIGINT, BIGINT, false),
                values(1L, 2L),
                values(6L)))
        .isEqualTo(3L);
    assertThat(
            merged(
                create(AggregateKind.AVG, DOUBLE, DOUBLE, false),
                create(AggregateKind.AVG, DOUBLE, DOUBLE, false),
                values(1.0),
                values(2.0, null)))
        .isEqualTo(1.5);
    assertThat(
            merged(
                create(AggregateKind.AVG, DECIMAL, DECIMAL, false),
                create(AggregateKind.AVG, DECIMAL, DECIMAL, false),
                values(new BigDecimal("1.00")),
                values(new BigDecimal("2.00"), new BigDecimal("2.00"))))
        .isEqualTo(new BigDecimal("1.66"));
    assertThat(
            merged(
                create(AggregateKind.AVG, BIGINT, BIGINT, false),
                create(AggregateKind.AVG, BIGINT, BIGINT, false),
                values(),
                values()))
        .isNull();
  }

  @Test
  void extremesKeepTheMoreExtremeOfBoth() {
    assertThat(
            merged(
                create(AggregateKind.MIN, BIGINT, BIGINT, false),
                create(AggregateKind.MIN, BIGINT, BIGINT, false),
                values(5L),
                values(3L, 9L)))
        .isEqualTo(3L);
    assertThat(
            merged(
                create(AggregateKind.MAX, BIGINT, BIGINT, false),
                create(AggregateKind.MAX, BIGINT, BIGINT, false),
                values(5L),
                values()))
        .isEqualTo(5L);
    assertThat(
            merged(
                create(AggregateKind.MAX, DOUBLE, DOUBLE, false),
                create(AggregateKind.MAX, DOUBLE, DOUBLE, false),
                values(),
                values(-1.5)))
        .isEqualTo(-1.5);
    assertThat(
            merged(
                create(AggregateKind.MIN, VARCHAR, VARCHAR, false),
                create(AggregateKind.MIN, VARCHAR, VARCHAR, false),
                values("pear"),
                values("apple", null)))
        .isEqualTo("apple");
  }

  @Test
  void retractableExtremesMergeEveryValueWithItsMultiplicity() {
    Accumulator maximum = create(AggregateKind.MAX, BIGINT, BIGINT, true);
    Accumulator other = create(AggregateKind.MAX, BIGINT, BIGINT, true);
    maximum.accumulate(4L);
    other.accumulate(9L);
    other.accumulate(9L);
    maximum.merge(other);
    maximum.retract(9L);
    assertThat(maximum.result()).isEqualTo(9L);
    maximum.retract(9L);
    assertThat(maximum.result()).isEqualTo(4L);
  }

  @Test
  void distinctMergesCountAValueSeenOnBothSidesOnce() {
    assertThat(
            merged(
                distinct(AggregateKind.COUNT, VARCHAR, BIGINT),
                distinct(AggregateKind.COUNT, VARCHAR, BIGINT),
                values("a", "b", "a"),
                values("b", "c")))
        .isEqualTo(3L);
    assertThat(
            merged(
                distinct(AggregateKind.SUM, BIGINT, BIGINT),
                distinct(AggregateKind.SUM, BIGINT, BIGINT),
                values(2L, 2L),
                values(2L, 5L)))
        .isEqualTo(7L);
  }

  @Test
  void distinctMergesPassValuesOnAsTheyFirstArrived() {
    // 1.5 and 1.50 are one value, summed once as this side saw it; 2.250 keeps its scale.
    assertThat(
            merged(
                distinct(AggregateKind.SUM, DECIMAL, DECIMAL),
                distinct(AggregateKind.SUM, DECIMAL, DECIMAL),
                values(new BigDecimal("1.5")),
                values(new BigDecimal("1.50"), new BigDecimal("2.250"))))
        .hasToString("3.750");
    assertThat(
            merged(
                distinct(AggregateKind.MAX, DECIMAL, DECIMAL),
                distinct(AggregateKind.MAX, DECIMAL, DECIMAL),
                values(),
                values(new BigDecimal("1.50"))))
        .hasToString("1.50");
  }

  @Test
  void aDistinctMergeKeepsCountsSoThatRetractionStillWorks() {
    AggregateCall call = new AggregateCall(AggregateKind.COUNT, 0, true, BIGINT, "r");
    Accumulator count = Accumulator.create(call, BIGINT, true);
    Accumulator other = Accumulator.create(call, BIGINT, true);
    count.accumulate(1L);
    other.accumulate(1L);
    other.accumulate(2L);
    count.merge(other);
    count.retract(1L);
    assertThat(count.result()).isEqualTo(2L);
    count.retract(1L);
    assertThat(count.result()).isEqualTo(1L);
  }

  @Test
  void mergingEqualsAccumulatingEverythingInOneAccumulator() {
    AggregateKind[] kinds = {
      AggregateKind.COUNT_STAR,
      AggregateKind.COUNT,
      AggregateKind.SUM,
      AggregateKind.MIN,
      AggregateKind.MAX,
      AggregateKind.AVG
    };
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      AggregateKind kind = kinds[random.nextInt(kinds.length)];
      boolean isDistinct = kind != AggregateKind.COUNT_STAR && random.nextBoolean();
      AggregateCall call =
          new AggregateCall(
              kind, kind == AggregateKind.COUNT_STAR ? -1 : 0, isDistinct, BIGINT, "r");
      Accumulator whole = Accumulator.create(call, BIGINT, false);
      Accumulator left = Accumulator.create(call, BIGINT, false);
      Accumulator right = Accumulator.create(call, BIGINT, false);
      int count = random.nextInt(20);
      for (int i = 0; i < count; i++) {
        Long value = random.nextInt(5) == 0 ? null : (long) random.nextInt(7);
        whole.accumulate(value);
        (random.nextBoolean() ? left : right).accumulate(value);
      }
      left.merge(right);
      assertThat(left.result()).as("round %d: %s", round, call).isEqualTo(whole.result());
    }
  }

  @Test
  void accumulatorsOfDifferentAggregatesDoNotMerge() {
    Accumulator sum = create(AggregateKind.SUM, BIGINT, BIGINT, false);
    assertThatThrownBy(() -> sum.merge(create(AggregateKind.COUNT, BIGINT, BIGINT, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot merge CountAccumulator into OfLong; both must be created for the same"
                + " aggregate call");
    assertThatThrownBy(() -> sum.merge(create(AggregateKind.SUM, INTEGER, INTEGER, false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                create(AggregateKind.MIN, BIGINT, BIGINT, false)
                    .merge(create(AggregateKind.MAX, BIGINT, BIGINT, false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                create(AggregateKind.MAX, BIGINT, BIGINT, true)
                    .merge(create(AggregateKind.MAX, BIGINT, BIGINT, false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                distinct(AggregateKind.COUNT, BIGINT, BIGINT)
                    .merge(create(AggregateKind.COUNT, BIGINT, BIGINT, false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                create(AggregateKind.COUNT_STAR, null, BIGINT, false)
                    .merge(create(AggregateKind.COUNT_STAR, null, INTEGER, false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                create(AggregateKind.AVG, DOUBLE, DOUBLE, false)
                    .merge(create(AggregateKind.AVG, BIGINT, BIGINT, false)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
