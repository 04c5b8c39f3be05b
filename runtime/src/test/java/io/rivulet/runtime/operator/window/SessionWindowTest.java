package io.rivulet.runtime.operator.window;

import static io.rivulet.runtime.operator.window.WindowTesting.factory;
import static io.rivulet.runtime.operator.window.WindowTesting.insert;
import static io.rivulet.runtime.operator.window.WindowTesting.row;
import static io.rivulet.runtime.operator.window.WindowTesting.runAdversarially;
import static io.rivulet.runtime.operator.window.WindowTesting.schema;
import static io.rivulet.runtime.operator.window.WindowTesting.seconds;
import static io.rivulet.runtime.operator.window.WindowTesting.values;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.DECIMAL;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.operator.aggregate.AggregateKind;
import io.rivulet.runtime.operator.window.WindowTesting.Driver;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SESSION windows: exact rows, each case also run through the adversarial harness. */
class SessionWindowTest {
  private static final Schema INPUT =
      schema("k", VARCHAR, "ts", TIMESTAMP, "v", BIGINT, "s", VARCHAR, "x", DECIMAL);
  private static final int TS = 1;
  private static final int[] BY_K = {0};
  private static final List<AggregateCall> COUNT_AND_SUM =
      List.of(
          AggregateCall.countStar("rows"), AggregateCall.of(AggregateKind.SUM, 2, BIGINT, "total"));

  private static WindowAggregateFactory session(long gap, LatePolicy late) {
    return factory(
        INPUT, TS, new WindowSpec.Session(gap), BY_K, COUNT_AND_SUM, EmitMode.ON_CLOSE, late);
  }

  private static Object[] at(String key, double time, long value) {
    return row(key, seconds(time), value, null, null);
  }

  @Test
  void aSessionRunsFromItsFirstRowToItsLastRowPlusTheGap() {
    List<Object[]> rows = List.<Object[]>of(at("a", 0, 1), at("a", 5, 2), at("a", 12, 4));

    assertThat(runAdversarially(session(seconds(10), LatePolicy.DROP), 0, rows))
        .containsExactly(values("a", 0L, seconds(22), 3L, 7L));
  }

  @Test
  void rowsExactlyAGapApartAreTwoSessions() {
    // [0, 10) and [10, 20) only touch; merging them would make the result depend on whether
    // the first had fired when the second row came, since it fires once the watermark is 10.
    List<Object[]> rows = List.<Object[]>of(at("a", 0, 1), at("a", 10, 2), at("a", 19.999, 4));

    assertThat(runAdversarially(session(seconds(10), LatePolicy.DROP), 0, rows))
        .containsExactly(
            values("a", 0L, seconds(10), 1L, 1L),
            values("a", seconds(10), seconds(29.999), 2L, 6L));
  }

  @Test
  void aLateArrivingRowBridgesTwoSessions() {
    List<Object[]> rows =
        List.<Object[]>of(at("a", 0, 1), at("a", 15, 2), at("a", 7, 4), at("a", 40, 8));

    assertThat(runAdversarially(session(seconds(10), LatePolicy.DROP), seconds(10), rows))
        .containsExactly(
            values("a", 0L, seconds(25), 3L, 7L), values("a", seconds(40), seconds(50), 1L, 8L));
  }

  @Test
  void aBridgingRowInALaterMicroBatchMergesSessionsAlreadyHeld() {
    Driver driver = new Driver(session(seconds(10), LatePolicy.DROP));

    assertThat(driver.microBatch(-seconds(5), at("a", 0, 1), at("a", 15, 2))).isEmpty();
    assertThat(driver.operator.stateSize()).isEqualTo(2);
    assertThat(driver.microBatch(-seconds(3), at("a", 7, 4))).isEmpty();
    assertThat(driver.operator.stateSize()).isOne();
    assertThat(driver.microBatch(seconds(24.999))).isEmpty();
    assertThat(driver.microBatch(seconds(25)))
        .containsExactly(insert("a", 0L, seconds(25), 3L, 7L));
    assertThat(driver.operator.stateSize()).isZero();
  }

  @Test
  void aRowInsideASessionDoesNotChangeItsBounds() {
    List<Object[]> rows = List.<Object[]>of(at("a", 0, 1), at("a", 8, 2), at("a", 4, 4));

    assertThat(runAdversarially(session(seconds(10), LatePolicy.DROP), seconds(5), rows))
        .containsExactly(values("a", 0L, seconds(18), 3L, 7L));
  }

  @Test
  void eachKeyHasItsOwnSessionsFiredInOrderOfEndStartAndKey() {
    List<Object[]> rows =
        List.<Object[]>of(
            at("b", 0, 1),
            at("a", 2, 2),
            at("a", 9, 4),
            at("c", 1, 8),
            at("b", 12, 16),
            at("c", 10, 32),
            at("a", 30, 64));

    assertThat(runAdversarially(session(seconds(10), LatePolicy.DROP), seconds(10), rows))
        .containsExactly(
            values("b", 0L, seconds(10), 1L, 1L),
            values("a", seconds(2), seconds(19), 2L, 6L),
            values("c", seconds(1), seconds(20), 2L, 40L),
            values("b", seconds(12), seconds(22), 1L, 16L),
            values("a", seconds(30), seconds(40), 1L, 64L));
  }

  @Test
  void timesBefore1970() {
    List<Object[]> rows = List.<Object[]>of(at("a", -25, 1), at("a", -20, 2), at("a", -1, 4));

    assertThat(runAdversarially(session(seconds(10), LatePolicy.DROP), 0, rows))
        .containsExactly(
            values("a", -seconds(25), -seconds(10), 2L, 3L),
            values("a", -seconds(1), seconds(9), 1L, 4L));
  }

  @Test
  void everyAggregateKindSurvivesAMerge() {
    List<AggregateCall> calls =
        List.of(
            AggregateCall.countStar("rows"),
            AggregateCall.of(AggregateKind.COUNT, 2, BIGINT, "count_v"),
            AggregateCall.of(AggregateKind.SUM, 2, BIGINT, "sum_v"),
            AggregateCall.of(AggregateKind.MIN, 2, BIGINT, "min_v"),
            AggregateCall.of(AggregateKind.MAX, 2, BIGINT, "max_v"),
            AggregateCall.of(AggregateKind.AVG, 2, BIGINT, "avg_v"),
            AggregateCall.of(AggregateKind.MIN, 3, VARCHAR, "min_s"),
            AggregateCall.of(AggregateKind.MAX, 3, VARCHAR, "max_s"),
            new AggregateCall(AggregateKind.COUNT, 3, true, BIGINT, "distinct_s"),
            new AggregateCall(AggregateKind.SUM, 4, true, DECIMAL, "distinct_sum_x"),
            AggregateCall.of(AggregateKind.AVG, 4, DECIMAL, "avg_x"));
    WindowAggregateFactory plan =
        factory(
            INPUT,
            TS,
            new WindowSpec.Session(seconds(10)),
            BY_K,
            calls,
            EmitMode.ON_CLOSE,
            LatePolicy.DROP);
    List<Object[]> rows =
        List.<Object[]>of(
            row("a", seconds(0), 5L, "pear", new BigDecimal("1.50")),
            row("a", seconds(2), null, "fig", new BigDecimal("0.25")),
            row("a", seconds(20), 3L, "pear", new BigDecimal("1.5")),
            row("a", seconds(21), 9L, null, null),
            row("a", seconds(11), 1L, "apple", new BigDecimal("0.25")));

    assertThat(runAdversarially(plan, seconds(20), rows))
        .containsExactly(
            values(
                "a", 0L, seconds(31), 5L, 4L, 18L, 1L, 9L, 4L, "apple", "pear", 3L,
                new BigDecimal("1.75"), new BigDecimal("0.87")));
  }

  @Test
  void aRowWhoseSessionWouldEndByTheWatermarkIsDroppedAndCounted() {
    Driver driver = new Driver(session(seconds(10), LatePolicy.DROP));
    assertThat(driver.microBatch(seconds(10), at("a", 0, 1), at("a", 30, 2)))
        .containsExactly(insert("a", 0L, seconds(10), 1L, 1L));

    assertThat(driver.microBatch(seconds(10), at("a", 0, 4), at("b", -5, 8))).isEmpty();
    assertThat(driver.operator.lateRows()).isEqualTo(2);
    assertThat(driver.operator.stateSize()).isOne();
    assertThat(driver.finish()).containsExactly(insert("a", seconds(30), seconds(40), 1L, 2L));
  }

  @Test
  void aRowBehindTheWatermarkButWithinTheGapOpensANewSessionAsInFlink() {
    // Its session [1, 11) would have joined [0, 10), which has fired and is gone: the row came
    // later than the watermark delay allows, but not so late that all its session has passed.
    Driver driver = new Driver(session(seconds(10), LatePolicy.DROP));
    driver.microBatch(seconds(10), at("a", 0, 1));

    assertThat(driver.microBatch(seconds(10), at("a", 1, 2))).isEmpty();
    assertThat(driver.operator.lateRows()).isZero();
    assertThat(driver.finish()).containsExactly(insert("a", seconds(1), seconds(11), 1L, 2L));
  }

  @Test
  void aLateRowFailsTheQueryUnderTheFailPolicy() {
    Driver driver = new Driver(session(seconds(10), LatePolicy.FAIL));
    driver.microBatch(seconds(10), at("a", 0, 1));

    assertThatThrownBy(() -> driver.microBatch(seconds(10), at("a", -0.001, 1)))
        .isInstanceOfSatisfying(
            RivuletException.class,
            error -> assertThat(error.category()).isEqualTo(RivuletException.Category.INPUT))
        .hasMessageStartingWith(
            "a row with ts = 1969-12-31 23:59:59.999 arrived after every window it belongs to"
                + " had closed (watermark 1970-01-01 00:00:10.000)")
        .hasMessageContaining("'late.policy' = 'drop'");
  }

  @Test
  void sessionsWithoutKeyColumnsSpanAllRows() {
    WindowAggregateFactory plan =
        factory(
            INPUT,
            TS,
            new WindowSpec.Session(seconds(5)),
            new int[0],
            COUNT_AND_SUM,
            EmitMode.ON_CLOSE,
            LatePolicy.DROP);
    List<Object[]> rows =
        List.<Object[]>of(at("a", 0, 1), at("b", 3, 2), at("c", 20, 4), at("a", 6, 8));

    assertThat(runAdversarially(plan, seconds(15), rows))
        .containsExactly(
            values(0L, seconds(11), 3L, 11L), values(seconds(20), seconds(25), 1L, 4L));
  }
}
