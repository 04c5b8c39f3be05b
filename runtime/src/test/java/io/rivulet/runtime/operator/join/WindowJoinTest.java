package io.rivulet.runtime.operator.join;

import static io.rivulet.runtime.operator.join.JoinTesting.insert;
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
 * The window join over TUMBLE windows of 10 ms: each input row carries its key, its event time, its
 * window's bounds and a value.
 */
class WindowJoinTest {
  private static final Schema LEFT =
      schema(
          "k",
          VARCHAR,
          "ts",
          TIMESTAMP,
          "window_start",
          TIMESTAMP,
          "window_end",
          TIMESTAMP,
          "lv",
          BIGINT);
  private static final Schema RIGHT =
      schema(
          "k",
          VARCHAR,
          "ts",
          TIMESTAMP,
          "window_start",
          TIMESTAMP,
          "window_end",
          TIMESTAMP,
          "rv",
          BIGINT);
  private static final int[] BY_K = {0};
  private static final int TS = 1;
  private static final int START = 2;
  private static final int END = 3;
  private static final long SIZE = 10;

  static WindowJoinFactory join(JoinType type) {
    return new WindowJoinFactory(
        LEFT, BY_K, START, END, RIGHT, BY_K, START, END, type, type.outputSchema(LEFT, RIGHT));
  }

  private static Driver driver(JoinType type) {
    WindowJoinFactory plan = join(type);
    return new Driver(plan, LEFT, RIGHT, plan.outputSchema());
  }

  private static JoinCase harness(JoinType type, long delay) {
    return JoinCase.of(join(type), TS, TS, delay);
  }

  /** A row at {@code ts} in its tumbling window. */
  static Object[] windowed(String key, long ts, long value) {
    long start = Math.floorDiv(ts, SIZE) * SIZE;
    return new Object[] {key, ts, start, start + SIZE, value};
  }

  static Arrival left(String key, long ts, long value) {
    return JoinTesting.left(windowed(key, ts, value));
  }

  static Arrival right(String key, long ts, long value) {
    return JoinTesting.right(windowed(key, ts, value));
  }

  /** The output of a matched pair, both rows in their windows. */
  static List<Object> pair(String key, long leftTs, long leftValue, long rightTs, long rightValue) {
    return JoinTesting.concat(
        windowed(key, leftTs, leftValue), windowed(key, rightTs, rightValue), 5, 5);
  }

  static List<Object> leftPadded(String key, long ts, long value) {
    return JoinTesting.concat(windowed(key, ts, value), null, 5, 5);
  }

  static List<Object> rightPadded(String key, long ts, long value) {
    return JoinTesting.concat(null, windowed(key, ts, value), 5, 5);
  }

  /** Rows of two windows: keys on one side only, duplicates, a key in two windows, null keys. */
  private static final List<Arrival> MIXED =
      List.of(
          left("a", 1, 1),
          right("a", 4, 10),
          left("b", 2, 2),
          right("a", 6, 11),
          left("a", 3, 1),
          right("c", 8, 12),
          left(null, 9, 3),
          right("a", 12, 13),
          left("a", 11, 4),
          right(null, 14, 14),
          left("d", 15, 5),
          right("a", 7, 15));

  @Test
  void innerJoinMatchesWithinOneWindowOnly() {
    assertThat(runAdversarially(harness(JoinType.INNER, 10), MIXED))
        .containsExactlyInAnyOrder(
            pair("a", 1, 1, 4, 10),
            pair("a", 1, 1, 6, 11),
            pair("a", 1, 1, 7, 15),
            pair("a", 3, 1, 4, 10),
            pair("a", 3, 1, 6, 11),
            pair("a", 3, 1, 7, 15),
            pair("a", 11, 4, 12, 13));
  }

  @Test
  void leftJoinPadsUnmatchedAndNullKeyLeftRows() {
    assertThat(runAdversarially(harness(JoinType.LEFT, 10), MIXED))
        .containsExactlyInAnyOrder(
            pair("a", 1, 1, 4, 10),
            pair("a", 1, 1, 6, 11),
            pair("a", 1, 1, 7, 15),
            pair("a", 3, 1, 4, 10),
            pair("a", 3, 1, 6, 11),
            pair("a", 3, 1, 7, 15),
            pair("a", 11, 4, 12, 13),
            leftPadded("b", 2, 2),
            leftPadded(null, 9, 3),
            leftPadded("d", 15, 5));
  }

  @Test
  void rightJoinPadsUnmatchedAndNullKeyRightRows() {
    assertThat(runAdversarially(harness(JoinType.RIGHT, 10), MIXED))
        .containsExactlyInAnyOrder(
            pair("a", 1, 1, 4, 10),
            pair("a", 1, 1, 6, 11),
            pair("a", 1, 1, 7, 15),
            pair("a", 3, 1, 4, 10),
            pair("a", 3, 1, 6, 11),
            pair("a", 3, 1, 7, 15),
            pair("a", 11, 4, 12, 13),
            rightPadded("c", 8, 12),
            rightPadded(null, 14, 14));
  }

  @Test
  void fullJoinPadsBothSides() {
    assertThat(runAdversarially(harness(JoinType.FULL, 10), MIXED))
        .containsExactlyInAnyOrder(
            pair("a", 1, 1, 4, 10),
            pair("a", 1, 1, 6, 11),
            pair("a", 1, 1, 7, 15),
            pair("a", 3, 1, 4, 10),
            pair("a", 3, 1, 6, 11),
            pair("a", 3, 1, 7, 15),
            pair("a", 11, 4, 12, 13),
            leftPadded("b", 2, 2),
            leftPadded(null, 9, 3),
            leftPadded("d", 15, 5),
            rightPadded("c", 8, 12),
            rightPadded(null, 14, 14));
  }

  @Test
  void semiAndAntiJoinsKeepLeftRowsWithAndWithoutAMatchInTheirWindow() {
    assertThat(runAdversarially(harness(JoinType.SEMI, 10), MIXED))
        .containsExactlyInAnyOrder(
            values(windowed("a", 1, 1)), values(windowed("a", 3, 1)), values(windowed("a", 11, 4)));
    assertThat(runAdversarially(harness(JoinType.ANTI, 10), MIXED))
        .containsExactlyInAnyOrder(
            values(windowed("b", 2, 2)),
            values(windowed(null, 9, 3)),
            values(windowed("d", 15, 5)));
  }

  @Test
  void aWindowsResultIsEmittedWhenTheWatermarkReachesItsEndAndNotBefore() {
    Driver driver = driver(JoinType.LEFT);
    assertThat(driver.left(windowed("a", 1, 1), windowed("b", 2, 2))).isEmpty();
    assertThat(driver.right(windowed("a", 5, 10)))
        .as("matches wait for the window to close")
        .isEmpty();
    assertThat(driver.endBatch(9)).isEmpty();
    assertThat(driver.stateSize()).isEqualTo(3);

    assertThat(driver.endBatch(10))
        .containsExactly(
            insert("a", 1L, 0L, 10L, 1L, "a", 5L, 0L, 10L, 10L),
            insert("b", 2L, 0L, 10L, 2L, null, null, null, null, null));
    assertThat(driver.stateSize()).as("state freed with the window").isZero();
    assertThat(driver.endBatch(20)).isEmpty();
  }

  @Test
  void windowsCloseInOrderOfEndThenStart() {
    Driver driver = driver(JoinType.LEFT);
    // A HOP-like pair of windows sharing an end, and an earlier one.
    driver.left(
        new Object[] {"x", 15L, 10L, 20L, 1L},
        new Object[] {"x", 15L, 5L, 20L, 2L},
        new Object[] {"x", 3L, 0L, 10L, 3L});

    assertThat(driver.endBatch(20))
        .extracting(change -> change.values().subList(0, 5))
        .containsExactly(
            values("x", 3L, 0L, 10L, 3L),
            values("x", 15L, 5L, 20L, 2L),
            values("x", 15L, 10L, 20L, 1L));
  }

  @Test
  void rowsOfAClosedWindowAreLateDroppedAndCounted() {
    Driver driver = driver(JoinType.FULL);
    driver.left(windowed("a", 1, 1));
    assertThat(driver.endBatch(10)).hasSize(1);

    assertThat(driver.left(windowed("a", 9, 2))).isEmpty();
    assertThat(driver.right(windowed("a", 0, 3))).isEmpty();
    assertThat(driver.lateRows()).isEqualTo(2);
    driver.right(windowed("a", 10, 4));
    assertThat(driver.lateRows()).as("a row of the next window is on time").isEqualTo(2);
    assertThat(driver.stateSize()).isEqualTo(1);
    assertThat(driver.finish())
        .containsExactly(insert(null, null, null, null, null, "a", 10L, 10L, 20L, 4L));
  }

  @Test
  void duplicatesOnBothSidesMeetPairwise() {
    Driver driver = driver(JoinType.INNER);
    driver.left(windowed("a", 1, 1), windowed("a", 1, 1));
    driver.right(windowed("a", 2, 2), windowed("a", 2, 2));

    assertThat(driver.endBatch(10))
        .hasSize(4)
        .containsOnly(insert("a", 1L, 0L, 10L, 1L, "a", 2L, 0L, 10L, 2L));
  }

  @Test
  void nullKeysWaitForTheirWindowLikeOtherRows() {
    Driver driver = driver(JoinType.ANTI);
    assertThat(driver.left(windowed(null, 1, 1))).isEmpty();
    assertThat(driver.right(windowed(null, 1, 2))).isEmpty();

    assertThat(driver.endBatch(10)).containsExactly(insert(null, 1L, 0L, 10L, 1L));
  }

  @Test
  void semiJoinsCountRightRowsWithoutHoldingTheirValues() {
    Driver driver = driver(JoinType.SEMI);
    driver.right(windowed("a", 1, 1), windowed("a", 2, 2), windowed("b", 3, 3));
    driver.left(windowed("a", 4, 4));

    assertThat(driver.stateSize()).isEqualTo(4);
    assertThat(driver.endBatch(10)).containsExactly(insert("a", 4L, 0L, 10L, 4L));
  }

  @Test
  void changelogInputIsRejected() {
    Driver driver = driver(JoinType.INNER);

    assertThatThrownBy(
            () -> driver.rightChanges(Change.of(RowKind.UPDATE_BEFORE, windowed("a", 1, 1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a window join takes append-only inputs");
  }

  @Test
  void explainNamesTheWindowAndKeyColumns() {
    assertThat(join(JoinType.FULL).explain())
        .isEqualTo(
            "WindowJoin(type=FULL, window=[window_start = window_start, window_end = window_end],"
                + " keys=[k = k])");
  }
}
