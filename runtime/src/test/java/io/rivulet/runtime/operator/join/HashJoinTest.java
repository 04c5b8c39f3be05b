package io.rivulet.runtime.operator.join;

import static io.rivulet.runtime.operator.join.JoinTesting.delete;
import static io.rivulet.runtime.operator.join.JoinTesting.insert;
import static io.rivulet.runtime.operator.join.JoinTesting.left;
import static io.rivulet.runtime.operator.join.JoinTesting.leftChange;
import static io.rivulet.runtime.operator.join.JoinTesting.right;
import static io.rivulet.runtime.operator.join.JoinTesting.rightChange;
import static io.rivulet.runtime.operator.join.JoinTesting.row;
import static io.rivulet.runtime.operator.join.JoinTesting.runAdversarially;
import static io.rivulet.runtime.operator.join.JoinTesting.schema;
import static io.rivulet.runtime.operator.join.JoinTesting.updateAfter;
import static io.rivulet.runtime.operator.join.JoinTesting.updateBefore;
import static io.rivulet.runtime.operator.join.JoinTesting.values;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.DECIMAL;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.join.JoinTesting.Arrival;
import io.rivulet.runtime.operator.join.JoinTesting.Driver;
import io.rivulet.runtime.operator.join.JoinTesting.JoinCase;
import io.rivulet.runtime.operator.join.JoinTesting.ManualClock;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The regular stream–stream join: exact changelogs, and each case through the harness. */
class HashJoinTest {
  private static final Schema LEFT = schema("k", VARCHAR, "lv", BIGINT);
  private static final Schema RIGHT = schema("k", VARCHAR, "rv", BIGINT);
  private static final int[] BY_K = {0};

  static HashJoinFactory join(JoinType type) {
    return join(type, Duration.ZERO, Clock.systemUTC());
  }

  static HashJoinFactory join(JoinType type, Duration ttl, Clock clock) {
    return new HashJoinFactory(
        LEFT, BY_K, RIGHT, BY_K, type, type.outputSchema(LEFT, RIGHT), ttl, clock);
  }

  private static Driver driver(HashJoinFactory plan) {
    return new Driver(plan, LEFT, RIGHT, plan.outputSchema());
  }

  /** Rows of both sides with duplicates, a null key and keys only one side has. */
  private static final List<Arrival> MIXED =
      List.of(
          left("a", 1L),
          right("a", 10L),
          left("a", 1L),
          right("b", 20L),
          left(null, 3L),
          right("a", 11L),
          left("c", 4L),
          right(null, 30L),
          right("a", 10L));

  @Test
  void innerJoinMatchesRowsArrivingInDifferentBatchesWithEveryDuplicate() {
    assertThat(runAdversarially(JoinCase.of(join(JoinType.INNER)), MIXED))
        .containsExactlyInAnyOrder(
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 11L),
            values("a", 1L, "a", 11L));
  }

  @Test
  void leftJoinKeepsUnmatchedAndNullKeyLeftRows() {
    assertThat(runAdversarially(JoinCase.of(join(JoinType.LEFT)), MIXED))
        .containsExactlyInAnyOrder(
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 11L),
            values("a", 1L, "a", 11L),
            values(null, 3L, null, null),
            values("c", 4L, null, null));
  }

  @Test
  void rightJoinKeepsUnmatchedAndNullKeyRightRows() {
    assertThat(runAdversarially(JoinCase.of(join(JoinType.RIGHT)), MIXED))
        .containsExactlyInAnyOrder(
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 11L),
            values("a", 1L, "a", 11L),
            values(null, null, "b", 20L),
            values(null, null, null, 30L));
  }

  @Test
  void fullJoinKeepsUnmatchedRowsOfBothSides() {
    assertThat(runAdversarially(JoinCase.of(join(JoinType.FULL)), MIXED))
        .containsExactlyInAnyOrder(
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 10L),
            values("a", 1L, "a", 11L),
            values("a", 1L, "a", 11L),
            values(null, 3L, null, null),
            values("c", 4L, null, null),
            values(null, null, "b", 20L),
            values(null, null, null, 30L));
  }

  @Test
  void semiAndAntiJoinsKeepLeftRowsWithAndWithoutAMatch() {
    assertThat(runAdversarially(JoinCase.of(join(JoinType.SEMI)), MIXED))
        .containsExactlyInAnyOrder(values("a", 1L), values("a", 1L));
    assertThat(runAdversarially(JoinCase.of(join(JoinType.ANTI)), MIXED))
        .containsExactlyInAnyOrder(values(null, 3L), values("c", 4L));
  }

  @Test
  void leftJoinRetractsThePaddedRowWhenTheFirstMatchArrivesAndRestoresItAfterTheLast() {
    Driver driver = driver(join(JoinType.LEFT));

    assertThat(driver.left(row("a", 1L))).containsExactly(insert("a", 1L, null, null));
    assertThat(driver.right(row("a", 10L)))
        .containsExactly(delete("a", 1L, null, null), insert("a", 1L, "a", 10L));
    assertThat(driver.right(row("a", 11L))).containsExactly(insert("a", 1L, "a", 11L));
    assertThat(driver.endBatch(Long.MIN_VALUE)).isEmpty();
    assertThat(driver.rightChanges(delete("a", 10L))).containsExactly(delete("a", 1L, "a", 10L));
    assertThat(driver.rightChanges(delete("a", 11L)))
        .containsExactly(delete("a", 1L, "a", 11L), insert("a", 1L, null, null));
    assertThat(driver.stateSize()).isEqualTo(1);
    assertThat(driver.leftChanges(delete("a", 1L))).containsExactly(delete("a", 1L, null, null));
    assertThat(driver.stateSize()).isZero();
  }

  @Test
  void aRightRowMeetingDuplicatedLeftRowsRetractsEveryPaddedCopy() {
    Driver driver = driver(join(JoinType.LEFT));
    driver.left(row("a", 1L), row("a", 1L), row("a", 2L));

    assertThat(driver.right(row("a", 10L)))
        .containsExactly(
            delete("a", 1L, null, null),
            delete("a", 1L, null, null),
            delete("a", 2L, null, null),
            insert("a", 1L, "a", 10L),
            insert("a", 1L, "a", 10L),
            insert("a", 2L, "a", 10L));
    assertThat(driver.stateSize()).as("distinct rows held").isEqualTo(3);
  }

  @Test
  void rightJoinIsTheMirrorOfTheLeftJoin() {
    Driver driver = driver(join(JoinType.RIGHT));

    assertThat(driver.right(row("a", 10L))).containsExactly(insert(null, null, "a", 10L));
    assertThat(driver.left(row("a", 1L)))
        .containsExactly(delete(null, null, "a", 10L), insert("a", 1L, "a", 10L));
    assertThat(driver.leftChanges(updateBefore("a", 1L), updateAfter("a", 2L)))
        .containsExactly(
            delete("a", 1L, "a", 10L),
            insert(null, null, "a", 10L),
            delete(null, null, "a", 10L),
            insert("a", 2L, "a", 10L));
  }

  @Test
  void fullJoinPadsWhicheverSideIsAlone() {
    Driver driver = driver(join(JoinType.FULL));

    assertThat(driver.left(row("a", 1L))).containsExactly(insert("a", 1L, null, null));
    assertThat(driver.right(row("b", 20L))).containsExactly(insert(null, null, "b", 20L));
    assertThat(driver.right(row("a", 10L)))
        .containsExactly(delete("a", 1L, null, null), insert("a", 1L, "a", 10L));
    assertThat(driver.leftChanges(delete("a", 1L)))
        .containsExactly(delete("a", 1L, "a", 10L), insert(null, null, "a", 10L));
  }

  @Test
  void updatesOfBothSidesLeaveTheJoinOfTheLatestRows() {
    List<Arrival> arrivals =
        List.of(
            left("a", 1L),
            right("a", 10L),
            leftChange(RowKind.UPDATE_BEFORE, "a", 1L),
            leftChange(RowKind.UPDATE_AFTER, "a", 2L),
            right("b", 20L),
            rightChange(RowKind.UPDATE_BEFORE, "a", 10L),
            rightChange(RowKind.UPDATE_AFTER, "a", 12L),
            leftChange(RowKind.INSERT, "b", 5L),
            rightChange(RowKind.DELETE, "b", 20L),
            leftChange(RowKind.UPDATE_AFTER, "b", 6L));

    assertThat(runAdversarially(JoinCase.of(join(JoinType.INNER)), arrivals))
        .containsExactly(values("a", 2L, "a", 12L));
    assertThat(runAdversarially(JoinCase.of(join(JoinType.FULL)), arrivals))
        .containsExactly(
            values("a", 2L, "a", 12L), values("b", 5L, null, null), values("b", 6L, null, null));
  }

  @Test
  void innerJoinEmitsInsertsAndDeletesWhateverTheInputKinds() {
    Driver driver = driver(join(JoinType.INNER));
    driver.right(row("a", 10L));

    assertThat(driver.leftChanges(insert("a", 1L), updateAfter("a", 2L)))
        .containsExactly(insert("a", 1L, "a", 10L), insert("a", 2L, "a", 10L));
    assertThat(driver.leftChanges(updateBefore("a", 2L), delete("a", 1L)))
        .containsExactly(delete("a", 2L, "a", 10L), delete("a", 1L, "a", 10L));
  }

  @Test
  void aRetractionRemovesOneCopyOfADuplicatedRow() {
    Driver driver = driver(join(JoinType.INNER));
    driver.left(row("a", 1L), row("a", 1L));
    driver.right(row("a", 10L));

    assertThat(driver.leftChanges(delete("a", 1L))).containsExactly(delete("a", 1L, "a", 10L));
    assertThat(driver.right(row("a", 11L))).containsExactly(insert("a", 1L, "a", 11L));
    assertThat(driver.stateSize()).isEqualTo(3);
  }

  @Test
  void aRetractionOfARowNeverHeldIsIgnored() {
    Driver driver = driver(join(JoinType.LEFT));
    driver.left(row("a", 1L));

    assertThat(driver.leftChanges(delete("a", 2L), delete("b", 1L))).isEmpty();
    assertThat(driver.rightChanges(delete("a", 10L))).isEmpty();
    assertThat(driver.stateSize()).isEqualTo(1);
  }

  @Test
  void nullKeysMatchNothingAndAreNotHeld() {
    Driver driver = driver(join(JoinType.FULL));

    assertThat(driver.left(row(null, 1L))).containsExactly(insert(null, 1L, null, null));
    assertThat(driver.right(row(null, 10L))).containsExactly(insert(null, null, null, 10L));
    assertThat(driver.stateSize()).isZero();
    assertThat(driver.leftChanges(delete(null, 1L))).containsExactly(delete(null, 1L, null, null));
  }

  @Test
  void semiJoinEmitsALeftRowWhileItsKeyHasARightRow() {
    Driver driver = driver(join(JoinType.SEMI));

    assertThat(driver.left(row("a", 1L), row("a", 1L))).isEmpty();
    assertThat(driver.right(row("a", 10L))).containsExactly(insert("a", 1L), insert("a", 1L));
    assertThat(driver.right(row("a", 11L))).as("a second match changes nothing").isEmpty();
    assertThat(driver.left(row("a", 2L))).containsExactly(insert("a", 2L));
    assertThat(driver.rightChanges(delete("a", 10L))).isEmpty();
    assertThat(driver.rightChanges(delete("a", 11L)))
        .containsExactly(delete("a", 1L), delete("a", 1L), delete("a", 2L));
  }

  @Test
  void antiJoinEmitsALeftRowWhileItsKeyHasNoRightRow() {
    Driver driver = driver(join(JoinType.ANTI));

    assertThat(driver.left(row("a", 1L), row(null, 2L)))
        .containsExactly(insert("a", 1L), insert(null, 2L));
    assertThat(driver.right(row("a", 10L))).containsExactly(delete("a", 1L));
    assertThat(driver.leftChanges(delete("a", 1L))).isEmpty();
    assertThat(driver.left(row("a", 3L))).isEmpty();
    assertThat(driver.rightChanges(delete("a", 10L))).containsExactly(insert("a", 3L));
  }

  @Test
  void keysOfDifferentIntegralWidthsAndDecimalScalesMeet() {
    Schema left = schema("id", INTEGER, "amount", DECIMAL);
    Schema right = schema("id", BIGINT, "amount", DECIMAL, "name", VARCHAR);
    HashJoinFactory plan =
        new HashJoinFactory(
            left,
            new int[] {0, 1},
            right,
            new int[] {0, 1},
            JoinType.INNER,
            JoinType.INNER.outputSchema(left, right),
            Duration.ZERO,
            Clock.systemUTC());
    Driver driver = new Driver(plan, left, right, plan.outputSchema());
    driver.left(row(7, new BigDecimal("1.0")), row(8, new BigDecimal("0.00")));

    assertThat(driver.right(row(7L, new BigDecimal("1.00"), "x"), row(8L, BigDecimal.ZERO, "y")))
        .containsExactly(
            insert(7, new BigDecimal("1.0"), 7L, new BigDecimal("1.00"), "x"),
            insert(8, new BigDecimal("0.00"), 8L, BigDecimal.ZERO, "y"));
  }

  @Test
  void withATimeToLiveRowsUntouchedForThatLongAreForgottenSilently() {
    ManualClock clock = new ManualClock(1_000);
    Driver driver = driver(join(JoinType.LEFT, Duration.ofSeconds(10), clock));
    driver.left(row("a", 1L));
    clock.advanceMillis(6_000);
    driver.left(row("b", 2L));
    driver.right(row("b", 20L));
    assertThat(driver.endBatch(Long.MIN_VALUE)).isEmpty();
    assertThat(driver.stateSize()).isEqualTo(3);

    clock.advanceMillis(3_999);
    assertThat(driver.endBatch(Long.MIN_VALUE)).isEmpty();
    assertThat(driver.stateSize()).as("nothing is 10 s old yet").isEqualTo(3);

    clock.advanceMillis(1);
    assertThat(driver.endBatch(Long.MIN_VALUE)).as("expiry emits nothing").isEmpty();
    assertThat(driver.stateSize()).as("the row of a, 10 s untouched, is gone").isEqualTo(2);
    assertThat(driver.right(row("a", 10L)))
        .as("a match for a forgotten row is lost, as the time-to-live documents")
        .isEmpty();
  }

  @Test
  void aRetractionTouchesTheRemainingCopiesOfARow() {
    ManualClock clock = new ManualClock(0);
    Driver driver = driver(join(JoinType.INNER, Duration.ofSeconds(10), clock));
    driver.left(row("a", 1L), row("a", 1L));
    clock.advanceMillis(8_000);
    driver.leftChanges(delete("a", 1L));
    clock.advanceMillis(8_000);
    driver.endBatch(Long.MIN_VALUE);

    assertThat(driver.stateSize()).isEqualTo(1);
    assertThat(driver.right(row("a", 10L))).containsExactly(insert("a", 1L, "a", 10L));
    clock.advanceMillis(10_000);
    driver.endBatch(Long.MIN_VALUE);
    assertThat(driver.stateSize()).isZero();
  }

  @Test
  void finishDropsAllState() {
    Driver driver = driver(join(JoinType.INNER));
    driver.left(row("a", 1L));
    driver.right(row("b", 2L));

    assertThat(driver.finish()).isEmpty();
    assertThat(driver.stateSize()).isZero();
  }

  @Test
  void explainSaysWhetherTheStateIsBounded() {
    assertThat(join(JoinType.LEFT).explain())
        .isEqualTo("HashJoin(type=LEFT, keys=[k = k], state=unbounded)");
    assertThat(join(JoinType.LEFT).unboundedState()).isTrue();
    HashJoinFactory bounded = join(JoinType.INNER, Duration.ofHours(1), Clock.systemUTC());
    assertThat(bounded.explain()).isEqualTo("HashJoin(type=INNER, keys=[k = k], state=ttl 1 h)");
    assertThat(bounded.unboundedState()).isFalse();
  }
}
