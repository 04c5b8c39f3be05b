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
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.operator.aggregate.AggregateKind;
import io.rivulet.runtime.operator.window.WindowTesting.Driver;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TUMBLE windows: exact rows, each case also run through the adversarial harness. */
class TumbleWindowTest {
  private static final Schema INPUT = schema("k", VARCHAR, "ts", TIMESTAMP, "v", BIGINT);
  private static final int TS = 1;
  private static final int[] BY_K = {0};
  private static final List<AggregateCall> COUNT =
      List.of(AggregateCall.countStar("rows"));

  private static WindowAggregateFactory tumble(long size, int[] keys, LatePolicy late) {
    return factory(
        INPUT, TS, WindowSpec.Tumble.of(size), keys, COUNT, EmitMode.ON_CLOSE, late);
  }

  @Test
  void aRowAtAWindowsEndGoesToTheNextWindow() {
    List<Object[]> rows =
        List.<Object[]>of(
            row("a", 0L, 1L),
            row("a", seconds(9.999), 2L),
            row("a", seconds(10), 3L),
            row("a", seconds(19.999), 4L),
            row("a", seconds(20), 5L));

    assertThat(runAdversarially(tumble(seconds(10), BY_K, LatePolicy.DROP), 0, rows))
        .containsExactly(
            values("a", 0L, seconds(10), 2L),
            values("a", seconds(10), seconds(20), 2L),
            values("a", seconds(20), seconds(30), 1L));
  }

  @Test
  void outOfOrderRowsWithinTheDelayCountInTheirWindows() {
    List<Object[]> rows =
        List.<Object[]>of(
            row("a", seconds(12), 1L),
            row("a", seconds(3), 2L),
            row("b", seconds(14), 3L),
            row("a", seconds(9), 4L),
            row("b", seconds(5), 5L),
            row("a", seconds(21), 6L),
            row("a", seconds(13), 7L));

    assertThat(runAdversarially(tumble(seconds(10), BY_K, LatePolicy.DROP), seconds(9), rows))
        .containsExactly(
            values("a", 0L, seconds(10), 2L),
            values("b", 0L, seconds(10), 1L),
            values("a", seconds(10), seconds(20), 2L),
            values("b", seconds(10), seconds(20), 1L),
            values("a", seconds(20), seconds(30), 1L));
  }

  @Test
  void windowsFireInOrderOfEndThenKeyWithNullKeysFirst() {
    List<Object[]> rows =
        List.<Object[]>of(
            row("c", seconds(1), 1L),
            row("b", seconds(12), 1L),
            row(null, seconds(2), 1L),
            row("a", seconds(3), 1L),
            row(null, seconds(4), 1L),
            row("b", seconds(5), 1L));

    assertThat(runAdversarially(tumble(seconds(10), BY_K, LatePolicy.DROP), seconds(10), rows))
        .containsExactly(
            values(null, 0L, seconds(10), 2L),
            values("a", 0L, seconds(10), 1L),
            values("b", 0L, seconds(10), 1L),
            values("c", 0L, seconds(10), 1L),
            values("b", seconds(10), seconds(20), 1L));
  }

  @Test
  void noKeyColumnsMakeOneGroupPerWindow() {
    List<Object[]> rows = List.<Object[]>of(row("a", 1L, 1L), row("b", 2L, 1L), row("c", 11L, 1L));

    assertThat(runAdversarially(tumble(10, new int[0], LatePolicy.DROP), 0, rows))
        .containsExactly(values(0L, 10L, 2L), values(10L, 20L, 1L));
  }

  @Test
  void timesBefore1970FallIntoWindowsOfTheFullSize() {
    List<Object[]> rows =
        List.<Object[]>of(
            row("a", -seconds(10.001), 1L),
            row("a", -seconds(10), 1L),
            row("a", -1L, 1L),
            row("a", 0L, 1L));

    assertThat(runAdversarially(tumble(seconds(10), BY_K, LatePolicy.DROP), seconds(20), rows))
        .containsExactly(
            values("a", -seconds(20), -seconds(10), 1L),
            values("a", -seconds(10), 0L, 2L),
            values("a", 0L, seconds(10), 1L));
  }

  @Test
  void anOffsetShiftsTheWindowStarts() {
    WindowAggregateFactory plan =
        factory(
            INPUT,
            TS,
            new WindowSpec.Tumble(seconds(10), seconds(3)),
            BY_K,
            COUNT,
            EmitMode.ON_CLOSE,
            LatePolicy.DROP);
    List<Object[]> rows =
        List.<Object[]>of(
            row("a", seconds(2.999), 1L), row("a", seconds(3), 1L), row("a", -seconds(8), 1L));

    assertThat(runAdversarially(plan, seconds(20), rows))
        .containsExactly(
            values("a", -seconds(17), -seconds(7), 1L),
            values("a", -seconds(7), seconds(3), 1L),
            values("a", seconds(3), seconds(13), 1L));
  }

  @Test
  void rowsWithoutATimeBelongToNoWindowAndAreNotLate() {
    List<Object[]> rows = List.<Object[]>of(row("a", null, 1L), row("a", seconds(1), 2L));
    WindowAggregateFactory plan = tumble(seconds(10), BY_K, LatePolicy.FAIL);

    assertThat(runAdversarially(plan, 0, rows)).containsExactly(values("a", 0L, seconds(10), 1L));
  }

  @Test
  void everyAggregateKindOverItsWindow() {
    Schema input =
        schema(
            "k", VARCHAR, "ts", TIMESTAMP, "v", BIGINT, "d", DOUBLE, "x", DECIMAL, "s", VARCHAR);
    List<AggregateCall> calls =
        List.of(
            AggregateCall.countStar("rows"),
            AggregateCall.of(AggregateKind.COUNT, 2, BIGINT, "count_v"),
            AggregateCall.of(AggregateKind.SUM, 2, BIGINT, "sum_v"),
            AggregateCall.of(AggregateKind.MIN, 2, BIGINT, "min_v"),
            AggregateCall.of(AggregateKind.MAX, 2, BIGINT, "max_v"),
            AggregateCall.of(AggregateKind.AVG, 2, BIGINT, "avg_v"),
            AggregateCall.of(AggregateKind.SUM, 3, DOUBLE, "sum_d"),
            AggregateCall.of(AggregateKind.AVG, 3, DOUBLE, "avg_d"),
            AggregateCall.of(AggregateKind.MAX, 3, DOUBLE, "max_d"),
            AggregateCall.of(AggregateKind.SUM, 4, DECIMAL, "sum_x"),
            AggregateCall.of(AggregateKind.AVG, 4, DECIMAL, "avg_x"),
            AggregateCall.of(AggregateKind.MIN, 5, VARCHAR, "min_s"),
            AggregateCall.of(AggregateKind.MAX, 5, VARCHAR, "max_s"),
            new AggregateCall(AggregateKind.COUNT, 5, true, BIGINT, "distinct_s"),
            new AggregateCall(AggregateKind.SUM, 2, true, BIGINT, "distinct_sum_v"));
    WindowAggregateFactory plan =
        factory(
            input,
            1,
            WindowSpec.Tumble.of(seconds(10)),
            BY_K,
            calls,
            EmitMode.ON_CLOSE,
            LatePolicy.DROP);
    List<Object[]> rows =
        List.<Object[]>of(
            row("a", seconds(1), 4L, 0.5, new BigDecimal("1.50"), "pear"),
            row("a", seconds(2), null, null, null, null),
            row("a", seconds(3), 7L, 2.25, new BigDecimal("2.25"), "apple"),
            row("a", seconds(4), 4L, -1.0, new BigDecimal("0.10"), "pear"),
            row("a", seconds(15), null, null, null, null));

    assertThat(runAdversarially(plan, seconds(5), rows))
        .containsExactly(
            values(
                "a", 0L, seconds(10), 4L, 3L, 15L, 4L, 7L, 5L, 1.75, 1.75 / 3, 2.25,
                new BigDecimal("3.85"), new BigDecimal("1.28"), "apple", "pear", 2L, 11L),
            values(
                "a", seconds(10), seconds(20), 1L, 0L, null, null, null, null, null, null, null,
                null, null, null, null, 0L, null));
  }

  @Test
  void aWindowFiresOnceWhenTheWatermarkReachesItsEnd() {
    Driver driver = new Driver(tumble(seconds(10), BY_K, LatePolicy.DROP));

    assertThat(driver.microBatch(Long.MIN_VALUE, row("a", seconds(1), 1L))).isEmpty();
    assertThat(driver.microBatch(seconds(9.999), row("a", seconds(2), 1L))).isEmpty();
    assertThat(driver.operator.stateSize()).isOne();
    assertThat(driver.microBatch(seconds(10))).containsExactly(insert("a", 0L, seconds(10), 2L));
    assertThat(driver.microBatch(seconds(10))).isEmpty();
    assertThat(driver.operator.stateSize()).isZero();
    assertThat(driver.finish()).isEmpty();
  }

  @Test
  void aWatermarkThatGoesBackReopensNothing() {
    Driver driver = new Driver(tumble(seconds(10), BY_K, LatePolicy.DROP));

    assertThat(driver.microBatch(seconds(10), row("a", seconds(1), 1L)))
        .containsExactly(insert("a", 0L, seconds(10), 1L));
    assertThat(driver.microBatch(seconds(5), row("a", seconds(2), 1L))).isEmpty();
    assertThat(driver.operator.lateRows()).isOne();
    assertThat(driver.finish()).isEmpty();
  }

  @Test
  void finishFiresTheWindowsLeftOpen() {
    Driver driver = new Driver(tumble(seconds(10), BY_K, LatePolicy.DROP));
    driver.microBatch(seconds(1), row("b", seconds(25), 1L), row("a", seconds(5), 1L));

    assertThat(driver.finish())
        .containsExactly(
            insert("a", 0L, seconds(10), 1L), insert("b", seconds(20), seconds(30), 1L));
    assertThat(driver.operator.stateSize()).isZero();
  }

  @Test
  void lateRowsAreDroppedAndCounted() {
    Driver driver = new Driver(tumble(seconds(10), BY_K, LatePolicy.DROP));

    assertThat(driver.microBatch(seconds(10), row("a", seconds(1), 1L), row("a", seconds(12), 1L)))
        .containsExactly(insert("a", 0L, seconds(10), 1L));
    assertThat(
            driver.microBatch(
                seconds(10),
                row("a", seconds(5), 1L),
                row("b", seconds(9.999), 1L),
                row("a", seconds(10), 1L)))
        .isEmpty();
    assertThat(driver.operator.lateRows()).isEqualTo(2);
    assertThat(driver.microBatch(Long.MAX_VALUE))
        .containsExactly(insert("a", seconds(10), seconds(20), 2L));
    assertThat(driver.operator.lateRows()).isEqualTo(2);
  }

  @Test
  void aLateRowFailsTheQueryUnderTheFailPolicy() {
    Driver driver = new Driver(tumble(seconds(10), BY_K, LatePolicy.FAIL));
    driver.microBatch(seconds(12), row("a", seconds(1), 1L));

    assertThatThrownBy(() -> driver.microBatch(seconds(12), row("a", seconds(5), 1L)))
        .isInstanceOfSatisfying(
            RivuletException.class,
            error -> assertThat(error.category()).isEqualTo(RivuletException.Category.INPUT))
        .hasMessage(
            "a row with ts = 1970-01-01 00:00:05.000 arrived after every window it belongs to"
                + " had closed (watermark 1970-01-01 00:00:12.000); raise the WATERMARK delay of"
                + " its stream so that windows wait longer, or SET 'late.policy' = 'drop' to skip"
                + " late rows");
  }

  @Test
  void aChangelogInputIsRejected() {
    Driver driver = new Driver(tumble(seconds(10), BY_K, LatePolicy.DROP));
    BatchBuilder builder = new BatchBuilder(INPUT, 2);
    builder.appendRow(row("a", 1L, 1L), RowKind.INSERT);
    builder.appendRow(row("a", 1L, 1L), RowKind.DELETE);
    Batch changes = builder.build();

    assertThatThrownBy(() -> driver.operator.process(changes, batch -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("append-only input but got a -D row");
  }

  @Test
  void aBatchOfInsertsWithExplicitKindsIsAccepted() {
    Driver driver = new Driver(tumble(seconds(10), BY_K, LatePolicy.DROP));
    Batch inserts =
        Batch.ofRows(INPUT, List.<Object[]>of(row("a", 1L, 1L)))
            .withKinds(new byte[] {RowKind.INSERT.code()});
    driver.operator.process(inserts, batch -> {});

    assertThat(driver.finish()).containsExactly(insert("a", 0L, seconds(10), 1L));
  }
}
