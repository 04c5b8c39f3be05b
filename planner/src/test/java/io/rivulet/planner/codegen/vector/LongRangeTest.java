package io.rivulet.planner.codegen.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongRangeTest {
  private static final Schema SCHEMA = new Schema(List.of(Field.of("x", DataType.BIGINT)));
  private static final VectorExpression X = new Leaves.InputColumn(0);

  @Test
  void aConjunctionOfComparisonsOfOneOperandIsTheIntersectionOfTheirRanges() {
    LongRange range =
        LongRange.of(
            List.of(
                compare(Comparisons.Operator.GREATER, 1, 1000),
                compare(Comparisons.Operator.LESS, 1, 50000),
                compare(Comparisons.Operator.GREATER_OR_EQUAL, 1, 7)));
    assertThat(range).isEqualTo(new LongRange(X, 1001, 49999));
  }

  @Test
  void aLiteralOnTheLeftFlipsTheOperator() {
    Comparisons.Longs fiveLessThanX =
        new Comparisons.Longs(Comparisons.Operator.LESS, constant(5), 1, X, 1);
    assertThat(LongRange.of(fiveLessThanX)).isEqualTo(new LongRange(X, 6, Long.MAX_VALUE));
  }

  @Test
  void aLiteralOfAFinerScaleRoundsTheBoundInwards() {
    // x at scale 2 against 1.125 (scale 3): x * 10 against 1125.
    assertThat(LongRange.of(compare(Comparisons.Operator.GREATER, 10, 1125)))
        .isEqualTo(new LongRange(X, 113, Long.MAX_VALUE));
    assertThat(LongRange.of(compare(Comparisons.Operator.GREATER_OR_EQUAL, 10, 1125)))
        .isEqualTo(new LongRange(X, 113, Long.MAX_VALUE));
    assertThat(LongRange.of(compare(Comparisons.Operator.LESS, 10, -1125)))
        .isEqualTo(new LongRange(X, Long.MIN_VALUE, -113));
    assertThat(LongRange.of(compare(Comparisons.Operator.LESS_OR_EQUAL, 10, -1125)))
        .isEqualTo(new LongRange(X, Long.MIN_VALUE, -113));
    assertThat(LongRange.of(compare(Comparisons.Operator.LESS_OR_EQUAL, 10, 1120)))
        .isEqualTo(new LongRange(X, Long.MIN_VALUE, 112));
    assertThat(LongRange.of(compare(Comparisons.Operator.EQUAL, 10, 1120)))
        .isEqualTo(new LongRange(X, 112, 112));
    assertThat(LongRange.of(compare(Comparisons.Operator.EQUAL, 10, 1125)).lower())
        .isGreaterThan(LongRange.of(compare(Comparisons.Operator.EQUAL, 10, 1125)).upper());
  }

  @Test
  void boundsAtTheEndsOfTheLongsGiveEmptyOrOpenRanges() {
    LongRange aboveMax = LongRange.of(compare(Comparisons.Operator.GREATER, 1, Long.MAX_VALUE));
    assertThat(aboveMax.lower()).isGreaterThan(aboveMax.upper());
    LongRange belowMin = LongRange.of(compare(Comparisons.Operator.LESS, 1, Long.MIN_VALUE));
    assertThat(belowMin.lower()).isGreaterThan(belowMin.upper());
    assertThat(LongRange.of(compare(Comparisons.Operator.GREATER_OR_EQUAL, 1, Long.MIN_VALUE)))
        .isEqualTo(new LongRange(X, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  @Test
  void notEqualANullLiteralOrTwoOperandsAreNoRange() {
    assertThat(LongRange.of(compare(Comparisons.Operator.NOT_EQUAL, 1, 3))).isNull();
    assertThat(
            LongRange.of(
                new Comparisons.Longs(
                    Comparisons.Operator.LESS,
                    X,
                    1,
                    new Leaves.Constant(Representation.LONG, null),
                    1)))
        .isNull();
    VectorExpression other = new Leaves.LocalRef(3);
    assertThat(
            LongRange.of(
                List.of(
                    compare(Comparisons.Operator.GREATER, 1, 0),
                    new Comparisons.Longs(Comparisons.Operator.LESS, other, 1, constant(9), 1))))
        .isNull();
    // A literal that overflows when brought to the operand's scale.
    assertThat(
            LongRange.of(
                new Comparisons.Longs(
                    Comparisons.Operator.LESS, X, 1, constant(Long.MAX_VALUE / 2), 1000)))
        .isNull();
  }

  @Test
  void selectKeepsTheRowsInTheRangeAndNeitherFalseNorNullOnes() {
    Long[] values = {5L, null, 1000L, 1001L, 49999L, 50000L, null, -3L, 20000L};
    Batch batch = batch(values);
    Frame frame = new Frame(batch, new VectorExpression[0]);
    Rows all = Rows.all(values.length);
    LongRange range = new LongRange(X, 1001, 49999);
    Rows kept = range.select(frame, all);
    assertThat(Arrays.copyOf(kept.positions(), kept.count())).containsExactly(3, 4, 8);
    assertThat(kept.within(all)).isTrue();
    // On a subset of the rows, as a nested filter would call it.
    Rows some = Rows.of(new int[] {0, 4, 6}, 3);
    Rows keptOfSome = range.select(frame, some);
    assertThat(Arrays.copyOf(keptOfSome.positions(), keptOfSome.count())).containsExactly(4);
    Values.Booleans booleans = (Values.Booleans) range.evaluate(frame, all);
    for (int row = 0; row < values.length; row++) {
      boolean isNull = values[row] == null;
      assertThat(booleans.isNull(row)).as("row %d", row).isEqualTo(isNull);
      if (!isNull) {
        assertThat(booleans.values()[row])
            .as("row %d", row)
            .isEqualTo(values[row] >= 1001 && values[row] <= 49999);
      }
    }
  }

  @Test
  void selectReturnsTheSameRowsWhenAllPassAndNoneForAnEmptyRange() {
    Batch batch = batch(1L, 2L, 3L);
    Rows all = Rows.all(3);
    assertThat(new LongRange(X, 0, 3).select(new Frame(batch, new VectorExpression[0]), all))
        .isSameAs(all);
    Frame frame = new Frame(batch, new VectorExpression[0]);
    assertThat(new LongRange(X, 1, 0).select(frame, all).count()).isZero();
  }

  @Test
  void theBranchOfACaseIsThatOfTheFirstRangeHoldingTheValueAndTheElseForNull() {
    // WHEN x BETWEEN 8 AND 18 THEN 0 WHEN x <= 6 OR x >= 20 THEN 1 WHEN x >= 0 THEN 2 ELSE 3
    LongRange.FirstContaining branch =
        new LongRange.FirstContaining(
            X,
            new long[] {8, Long.MIN_VALUE, 20, 0},
            new long[] {18, 6, Long.MAX_VALUE, Long.MAX_VALUE},
            new int[] {0, 1, 1, 2},
            3);
    Long[] values = {8L, 18L, 19L, 7L, 6L, -1L, 20L, null, 12L, Long.MIN_VALUE};
    Frame frame = new Frame(batch(values), new VectorExpression[0]);
    Values.Longs branches = (Values.Longs) branch.evaluate(frame, Rows.all(values.length));
    assertThat(Arrays.copyOf(branches.values(), values.length))
        .containsExactly(0L, 0L, 2L, 2L, 1L, 1L, 1L, 3L, 0L, 1L);
    assertThat(branches.nulls()).isNull();
  }

  private static Comparisons.Longs compare(
      Comparisons.Operator operator, long factor, long literal) {
    return new Comparisons.Longs(operator, X, factor, constant(literal), 1);
  }

  private static Leaves.Constant constant(long value) {
    return new Leaves.Constant(Representation.LONG, value);
  }

  private static Batch batch(Long... values) {
    long[] longs = new long[values.length];
    boolean[] nulls = new boolean[values.length];
    boolean anyNull = false;
    for (int i = 0; i < values.length; i++) {
      nulls[i] = values[i] == null;
      anyNull |= nulls[i];
      longs[i] = values[i] == null ? 0 : values[i];
    }
    ColumnVector column =
        new LongVector(DataType.BIGINT, longs, anyNull ? nulls : null, values.length);
    return new Batch(SCHEMA, new ColumnVector[] {column}, values.length, null);
  }
}
