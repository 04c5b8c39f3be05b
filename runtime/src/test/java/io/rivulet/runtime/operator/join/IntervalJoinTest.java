package io.rivulet.runtime.operator.join;

import static io.rivulet.runtime.operator.join.JoinTesting.insert;
import static io.rivulet.runtime.operator.join.JoinTesting.left;
import static io.rivulet.runtime.operator.join.JoinTesting.right;
import static io.rivulet.runtime.operator.join.JoinTesting.row;
import static io.rivulet.runtime.operator.join.JoinTesting.runAdversarially;
import static io.rivulet.runtime.operator.join.JoinTesting.schema;
import static io.rivulet.runtime.operator.join.JoinTesting.values;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.join.JoinTesting.Arrival;
import io.rivulet.runtime.operator.join.JoinTesting.Change;
import io.rivulet.runtime.operator.join.JoinTesting.Driver;
import io.rivulet.runtime.operator.join.JoinTesting.JoinCase;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interval join, with {@code left.lt BETWEEN right.rt - 5 AND right.rt + 10} (milliseconds)
 * unless a test says otherwise: a left row at {@code t} meets right rows in {@code [t - 10, t +
 * 5]}, a right row at {@code t} left rows in {@code [t - 5, t + 10]}.
 */
class IntervalJoinTest {
  private static final Schema LEFT = schema("k", VARCHAR, "lt", TIMESTAMP, "lv", BIGINT);
  private static final Schema RIGHT = schema("k", VARCHAR, "rt", TIMESTAMP, "rv", BIGINT);
  private static final int[] BY_K = {0};
  private static final int TIME = 1;

  static IntervalJoinFactory join(JoinType type, long lower, long upper) {
    return new IntervalJoinFactory(
        LEFT, BY_K, TIME, RIGHT, BY_K, TIME, lower, upper, type, type.outputSchema(LEFT, RIGHT));
  }

  static IntervalJoinFactory join(JoinType type) {
    return join(type, 5, 10);
  }

  private static Driver driver(IntervalJoinFactory plan) {
    return new Driver(plan, LEFT, RIGHT, plan.outputSchema());
  }

  private static JoinCase harness(JoinType type, long delay) {
    return JoinCase.of(join(type), delay);
  }

  @Test
  void bothBoundsAreInclusiveSeenFromALeftRow() {
    List<Arrival> arrivals =
        List.of(
            left("a", 100L, 1L),
            right("a", 89L, 1L),
            right("a", 90L, 2L),
            right("a", 95L, 3L),
            right("a", 105L, 4L),
            right("a", 106L, 5L));

    assertThat(runAdversarially(harness(JoinType.INNER, 20), arrivals))
        .containsExactlyInAnyOrder(
            values("a", 100L, 1L, "a", 90L, 2L),
            values("a", 100L, 1L, "a", 95L, 3L),
            values("a", 100L, 1L, "a", 105L, 4L));
  }

  @Test
  void bothBoundsAreInclusiveSeenFromARightRow() {
    List<Arrival> arrivals =
        List.of(
            right("a", 100L, 1L),
            left("a", 94L, 1L),
            left("a", 95L, 2L),
            left("a", 110L, 3L),
            left("a", 111L, 4L));

    assertThat(runAdversarially(harness(JoinType.INNER, 20), arrivals))
        .containsExactlyInAnyOrder(
            values("a", 95L, 2L, "a", 100L, 1L), values("a", 110L, 3L, "a", 100L, 1L));
  }

  @Test
  void aNegativeLowerBoundPutsTheIntervalAfterTheRightTime() {
    // left.lt BETWEEN right.rt + 5 AND right.rt + 10: a right row at 100 meets left rows in [105,
    // 110].
    List<Arrival> arrivals =
        List.of(
            right("a", 100L, 1L),
            left("a", 104L, 1L),
            left("a", 105L, 2L),
            left("a", 110L, 3L),
            left("a", 111L, 4L));

    assertThat(runAdversarially(JoinCase.of(join(JoinType.INNER, -5, 10), 20), arrivals))
        .containsExactlyInAnyOrder(
            values("a", 105L, 2L, "a", 100L, 1L), values("a", 110L, 3L, "a", 100L, 1L));
  }

  @Test
  void anUnmatchedLeftRowIsEmittedOnlyOnceTheWatermarkPassesItsTimePlusLower() {
    Driver driver = driver(join(JoinType.LEFT));
    assertThat(driver.left(row("a", 100L, 1L), row("b", 100L, 2L))).isEmpty();

    assertThat(driver.endBatch(104)).isEmpty();
    assertThat(driver.endBatch(105))
        .as("a right row at 105 is not late yet and would still match")
        .isEmpty();
    assertThat(driver.right(row("a", 105L, 9L)))
        .containsExactly(insert("a", 100L, 1L, "a", 105L, 9L));
    assertThat(driver.endBatch(106)).containsExactly(insert("b", 100L, 2L, null, null, null));
    assertThat(driver.endBatch(200)).as("each row settles once").isEmpty();
  }

  @Test
  void anUnmatchedRightRowIsEmittedOnlyOnceTheWatermarkPassesItsTimePlusUpper() {
    Driver driver = driver(join(JoinType.RIGHT));
    assertThat(driver.right(row("a", 100L, 1L))).isEmpty();

    assertThat(driver.endBatch(110)).isEmpty();
    assertThat(driver.endBatch(111)).containsExactly(insert(null, null, null, "a", 100L, 1L));
  }

  @Test
  void aFullJoinSettlesEachSideByItsOwnBound() {
    Driver driver = driver(join(JoinType.FULL));
    driver.left(row("a", 100L, 1L));
    driver.right(row("b", 100L, 2L));

    assertThat(driver.endBatch(106)).containsExactly(insert("a", 100L, 1L, null, null, null));
    assertThat(driver.stateSize()).isEqualTo(1);
    assertThat(driver.endBatch(111)).containsExactly(insert(null, null, null, "b", 100L, 2L));
    assertThat(driver.stateSize()).isZero();
  }

  @Test
  void rowsBeforeTheWatermarkAreLateDroppedAndCounted() {
    Driver driver = driver(join(JoinType.FULL));
    driver.endBatch(100);

    assertThat(driver.left(row("a", 99L, 1L))).isEmpty();
    assertThat(driver.right(row("a", 99L, 2L))).isEmpty();
    assertThat(driver.lateRows()).isEqualTo(2);
    assertThat(driver.left(row("a", 100L, 3L))).as("a row at the watermark is on time").isEmpty();
    assertThat(driver.right(row("a", 100L, 4L)))
        .containsExactly(insert("a", 100L, 3L, "a", 100L, 4L));
    assertThat(driver.lateRows()).isEqualTo(2);
    assertThat(driver.finish()).isEmpty();
  }

  @Test
  void theStateIsPurgedOnceNoRowToComeCanMatch() {
    Driver driver = driver(join(JoinType.INNER));
    driver.left(row("a", 100L, 1L));
    driver.right(row("a", 100L, 2L));
    assertThat(driver.stateSize()).isEqualTo(2);

    driver.endBatch(105);
    assertThat(driver.stateSize()).isEqualTo(2);
    driver.endBatch(106);
    assertThat(driver.stateSize()).as("the left row, needed up to 105").isEqualTo(1);
    driver.endBatch(110);
    assertThat(driver.stateSize()).isEqualTo(1);
    driver.endBatch(111);
    assertThat(driver.stateSize()).as("the right row, needed up to 110").isZero();
  }

  @Test
  void duplicateKeysOnBothSidesMeetPairwise() {
    List<Arrival> arrivals =
        List.of(
            left("a", 100L, 1L),
            left("a", 100L, 1L),
            right("a", 101L, 2L),
            left("a", 102L, 3L),
            right("a", 101L, 2L),
            right("b", 101L, 9L));

    assertThat(runAdversarially(harness(JoinType.INNER, 10), arrivals))
        .containsExactlyInAnyOrder(
            values("a", 100L, 1L, "a", 101L, 2L),
            values("a", 100L, 1L, "a", 101L, 2L),
            values("a", 100L, 1L, "a", 101L, 2L),
            values("a", 100L, 1L, "a", 101L, 2L),
            values("a", 102L, 3L, "a", 101L, 2L),
            values("a", 102L, 3L, "a", 101L, 2L));
  }

  /** Rows in and out of each other's intervals, a null key, a null time, keys on one side only. */
  private static final List<Arrival> MIXED =
      List.of(
          left("a", 100L, 1L),
          right("a", 108L, 10L),
          left("b", 103L, 2L),
          right("a", 120L, 11L),
          left(null, 106L, 3L),
          right("c", 109L, 12L),
          left("a", 111L, 4L),
          right(null, 112L, 13L),
          left("a", 115L, 5L),
          left("d", null, 6L),
          right("a", 113L, 14L));

  @Test
  void innerJoinOverMixedRows() {
    assertThat(runAdversarially(harness(JoinType.INNER, 15), MIXED))
        .containsExactlyInAnyOrder(
            values("a", 111L, 4L, "a", 108L, 10L),
            values("a", 111L, 4L, "a", 113L, 14L),
            values("a", 115L, 5L, "a", 108L, 10L),
            values("a", 115L, 5L, "a", 120L, 11L),
            values("a", 115L, 5L, "a", 113L, 14L));
  }

  @Test
  void leftJoinOverMixedRowsPadsUnmatchedAndUnmatchableLeftRows() {
    assertThat(runAdversarially(harness(JoinType.LEFT, 15), MIXED))
        .containsExactlyInAnyOrder(
            values("a", 111L, 4L, "a", 108L, 10L),
            values("a", 111L, 4L, "a", 113L, 14L),
            values("a", 115L, 5L, "a", 108L, 10L),
            values("a", 115L, 5L, "a", 120L, 11L),
            values("a", 115L, 5L, "a", 113L, 14L),
            values("a", 100L, 1L, null, null, null),
            values("b", 103L, 2L, null, null, null),
            values(null, 106L, 3L, null, null, null),
            values("d", null, 6L, null, null, null));
  }

  @Test
  void rightJoinOverMixedRowsPadsUnmatchedRightRows() {
    assertThat(runAdversarially(harness(JoinType.RIGHT, 15), MIXED))
        .containsExactlyInAnyOrder(
            values("a", 111L, 4L, "a", 108L, 10L),
            values("a", 111L, 4L, "a", 113L, 14L),
            values("a", 115L, 5L, "a", 108L, 10L),
            values("a", 115L, 5L, "a", 120L, 11L),
            values("a", 115L, 5L, "a", 113L, 14L),
            values(null, null, null, "c", 109L, 12L),
            values(null, null, null, null, 112L, 13L));
  }

  @Test
  void fullJoinOverMixedRowsPadsBothSides() {
    assertThat(runAdversarially(harness(JoinType.FULL, 15), MIXED))
        .containsExactlyInAnyOrder(
            values("a", 111L, 4L, "a", 108L, 10L),
            values("a", 111L, 4L, "a", 113L, 14L),
            values("a", 115L, 5L, "a", 108L, 10L),
            values("a", 115L, 5L, "a", 120L, 11L),
            values("a", 115L, 5L, "a", 113L, 14L),
            values("a", 100L, 1L, null, null, null),
            values("b", 103L, 2L, null, null, null),
            values(null, 106L, 3L, null, null, null),
            values("d", null, 6L, null, null, null),
            values(null, null, null, "c", 109L, 12L),
            values(null, null, null, null, 112L, 13L));
  }

  @Test
  void semiAndAntiJoinsOverMixedRows() {
    assertThat(runAdversarially(harness(JoinType.SEMI, 15), MIXED))
        .containsExactlyInAnyOrder(values("a", 111L, 4L), values("a", 115L, 5L));
    assertThat(runAdversarially(harness(JoinType.ANTI, 15), MIXED))
        .containsExactlyInAnyOrder(
            values("a", 100L, 1L),
            values("b", 103L, 2L),
            values(null, 106L, 3L),
            values("d", null, 6L));
  }

  @Test
  void aSemiJoinEmitsALeftRowAtItsFirstMatchOnly() {
    Driver driver = driver(join(JoinType.SEMI));
    assertThat(driver.left(row("a", 100L, 1L))).isEmpty();

    assertThat(driver.right(row("a", 100L, 2L), row("a", 101L, 3L)))
        .containsExactly(insert("a", 100L, 1L));
    assertThat(driver.left(row("a", 101L, 4L))).containsExactly(insert("a", 101L, 4L));
    assertThat(driver.finish()).isEmpty();
  }

  @Test
  void anAntiJoinEmitsAnUnmatchedLeftRowWhenTheWatermarkSettlesIt() {
    Driver driver = driver(join(JoinType.ANTI));
    driver.left(row("a", 100L, 1L), row("b", 100L, 2L));
    driver.right(row("a", 95L, 3L));

    assertThat(driver.endBatch(105)).isEmpty();
    assertThat(driver.endBatch(106)).containsExactly(insert("b", 100L, 2L));
  }

  @Test
  void rowsWithNullKeysOrTimesArePassedOnAtOnceByAPreservedSide() {
    Driver driver = driver(join(JoinType.FULL));

    assertThat(driver.left(row(null, 100L, 1L), row("a", null, 2L)))
        .containsExactly(
            insert(null, 100L, 1L, null, null, null), insert("a", null, 2L, null, null, null));
    assertThat(driver.right(row(null, 100L, 3L)))
        .containsExactly(insert(null, null, null, null, 100L, 3L));
    assertThat(driver.stateSize()).isZero();
    Driver inner = driver(join(JoinType.INNER));
    assertThat(inner.left(row(null, 100L, 1L))).isEmpty();
    assertThat(inner.stateSize()).isZero();
  }

  @Test
  void changelogInputIsRejected() {
    Driver driver = driver(join(JoinType.INNER));

    assertThatThrownBy(() -> driver.leftChanges(Change.of(RowKind.DELETE, "a", 1L, 1L)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("an interval join takes append-only inputs")
        .hasMessageContaining("-D");
  }

  @Test
  void explainShowsTheTimeCondition() {
    assertThat(join(JoinType.LEFT, 0, 600_000).explain())
        .isEqualTo(
            "IntervalJoin(type=LEFT, keys=[k = k], time=lt BETWEEN rt - 0 ms AND rt + 10 min)");
    assertThat(join(JoinType.INNER, -60_000, 120_000).explain())
        .isEqualTo(
            "IntervalJoin(type=INNER, keys=[k = k], time=lt BETWEEN rt + 1 min AND rt + 2 min)");
  }
}
