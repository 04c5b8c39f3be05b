package io.rivulet.runtime.operator.window;

import static io.rivulet.runtime.operator.window.WindowTesting.factory;
import static io.rivulet.runtime.operator.window.WindowTesting.insert;
import static io.rivulet.runtime.operator.window.WindowTesting.row;
import static io.rivulet.runtime.operator.window.WindowTesting.runAdversarially;
import static io.rivulet.runtime.operator.window.WindowTesting.schema;
import static io.rivulet.runtime.operator.window.WindowTesting.seconds;
import static io.rivulet.runtime.operator.window.WindowTesting.values;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.operator.aggregate.AggregateKind;
import io.rivulet.runtime.operator.window.WindowTesting.Driver;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HOP windows: exact rows, each case also run through the adversarial harness. */
class HopWindowTest {
  private static final Schema INPUT = schema("k", VARCHAR, "ts", TIMESTAMP, "v", BIGINT);
  private static final int TS = 1;
  private static final int[] BY_K = {0};
  private static final List<AggregateCall> COUNT_AND_SUM =
      List.of(
          AggregateCall.countStar("rows"), AggregateCall.of(AggregateKind.SUM, 2, BIGINT, "total"));

  private static WindowAggregateFactory hop(WindowSpec.Hop window, LatePolicy late) {
    return factory(INPUT, TS, window, BY_K, COUNT_AND_SUM, EmitMode.ON_CLOSE, late);
  }

  private static WindowAggregateFactory hop(long slide, long size) {
    return hop(WindowSpec.Hop.of(slide, size), LatePolicy.DROP);
  }

  @Test
  void aRowBelongsToEveryWindowThatContainsIt() {
    List<Object[]> rows = List.<Object[]>of(row("a", seconds(5), 1L));

    assertThat(runAdversarially(hop(seconds(2), seconds(6)), 0, rows))
        .containsExactly(
            values("a", 0L, seconds(6), 1L, 1L),
            values("a", seconds(2), seconds(8), 1L, 1L),
            values("a", seconds(4), seconds(10), 1L, 1L));
  }

  @Test
  void rowsOnWindowBoundariesStartWindowsAndLeaveTheOnesEndingThere() {
    List<Object[]> rows = List.<Object[]>of(row("a", seconds(4), 1L), row("a", seconds(6), 10L));

    assertThat(runAdversarially(hop(seconds(2), seconds(6)), 0, rows))
        .containsExactly(
            values("a", 0L, seconds(6), 1L, 1L),
            values("a", seconds(2), seconds(8), 2L, 11L),
            values("a", seconds(4), seconds(10), 2L, 11L),
            values("a", seconds(6), seconds(12), 1L, 10L));
  }

  @Test
  void aSizeThatIsNotAMultipleOfTheSlide() {
    List<Object[]> rows = List.<Object[]>of(row("a", seconds(9), 1L), row("a", seconds(10), 10L));

    assertThat(runAdversarially(hop(seconds(4), seconds(10)), seconds(1), rows))
        .containsExactly(
            values("a", 0L, seconds(10), 1L, 1L),
            values("a", seconds(4), seconds(14), 2L, 11L),
            values("a", seconds(8), seconds(18), 2L, 11L));
  }

  @Test
  void withASlideLargerThanTheSizeRowsBetweenWindowsBelongToNoneAndAreNotLate() {
    List<Object[]> rows =
        List.<Object[]>of(
            row("a", seconds(3), 1L), row("a", seconds(5), 10L), row("a", seconds(12), 100L));

    assertThat(runAdversarially(hop(seconds(10), seconds(4)), 0, rows))
        .containsExactly(
            values("a", 0L, seconds(4), 1L, 1L), values("a", seconds(10), seconds(14), 1L, 100L));
  }

  @Test
  void outOfOrderRowsOfSeveralKeysWithinTheDelay() {
    List<Object[]> rows =
        List.<Object[]>of(
            row("b", seconds(7), 1L),
            row("a", seconds(3), 2L),
            row("a", seconds(1), 4L),
            row("b", seconds(9), 8L),
            row("a", seconds(6), 16L),
            row("b", seconds(2), 32L));

    assertThat(runAdversarially(hop(seconds(5), seconds(10)), seconds(7), rows))
        .containsExactly(
            values("a", -seconds(5), seconds(5), 2L, 6L),
            values("b", -seconds(5), seconds(5), 1L, 32L),
            values("a", 0L, seconds(10), 3L, 22L),
            values("b", 0L, seconds(10), 3L, 41L),
            values("a", seconds(5), seconds(15), 1L, 16L),
            values("b", seconds(5), seconds(15), 2L, 9L));
  }

  @Test
  void timesBefore1970AndAnOffset() {
    WindowAggregateFactory plan =
        hop(new WindowSpec.Hop(seconds(4), seconds(8), seconds(1)), LatePolicy.DROP);
    List<Object[]> rows = List.<Object[]>of(row("a", -seconds(4), 1L), row("a", -1L, 10L));

    assertThat(runAdversarially(plan, seconds(4), rows))
        .containsExactly(
            values("a", -seconds(11), -seconds(3), 1L, 1L),
            values("a", -seconds(7), seconds(1), 2L, 11L),
            values("a", -seconds(3), seconds(5), 1L, 10L));
  }

  @Test
  void aRowWhoseEarlierWindowsClosedGoesIntoTheOpenOnesAndIsNotLate() {
    Driver driver = new Driver(hop(seconds(2), seconds(6)));

    assertThat(driver.microBatch(seconds(4), row("a", seconds(1), 1L)))
        .containsExactly(
            insert("a", -seconds(4), seconds(2), 1L, 1L),
            insert("a", -seconds(2), seconds(4), 1L, 1L));
    assertThat(driver.microBatch(seconds(4), row("a", seconds(3), 10L))).isEmpty();
    assertThat(driver.operator.lateRows()).isZero();
    assertThat(driver.microBatch(Long.MAX_VALUE))
        .containsExactly(
            insert("a", 0L, seconds(6), 2L, 11L), insert("a", seconds(2), seconds(8), 1L, 10L));
    assertThat(driver.operator.stateSize()).isZero();
  }

  @Test
  void aRowWhoseWindowsAllClosedIsDroppedAndCounted() {
    Driver driver = new Driver(hop(seconds(2), seconds(6)));
    assertThat(driver.microBatch(seconds(8), row("a", seconds(7), 1L)))
        .containsExactly(insert("a", seconds(2), seconds(8), 1L, 1L));

    assertThat(driver.microBatch(seconds(8), row("a", seconds(3.999), 10L))).isEmpty();
    assertThat(driver.operator.lateRows()).isOne();
    assertThat(driver.microBatch(Long.MAX_VALUE))
        .containsExactly(
            insert("a", seconds(4), seconds(10), 1L, 1L),
            insert("a", seconds(6), seconds(12), 1L, 1L));
  }

  @Test
  void aLateRowFailsTheQueryUnderTheFailPolicyButAPartlyLateOneDoesNot() {
    Driver driver =
        new Driver(hop(WindowSpec.Hop.of(seconds(2), seconds(6)), LatePolicy.FAIL));
    driver.microBatch(seconds(8), row("a", seconds(7), 1L));
    driver.microBatch(seconds(8), row("a", seconds(4), 1L));

    assertThatThrownBy(() -> driver.microBatch(seconds(8), row("a", seconds(1.5), 1L)))
        .isInstanceOf(RivuletException.class)
        .hasMessageContaining("ts = 1970-01-01 00:00:01.500")
        .hasMessageContaining("(watermark 1970-01-01 00:00:08.000)");
  }

  @Test
  void stateHoldsOneEntryPerKeyAndPaneWhenEmittingOnClose() {
    // Panes of gcd(2 s, 6 s) = 2 s: both rows fall into the pane [4 s, 6 s), which the three
    // windows holding it share.
    Driver driver = new Driver(hop(seconds(2), seconds(6)));
    driver.microBatch(Long.MIN_VALUE, row("a", seconds(5), 1L), row("b", seconds(5), 1L));

    assertThat(driver.operator.stateSize()).isEqualTo(2);
    assertThat(driver.microBatch(seconds(8))).hasSize(4);
    assertThat(driver.operator.stateSize()).as("the pane [4 s, 6 s) is in [4 s, 10 s)").isEqualTo(2);
    assertThat(driver.finish()).hasSize(2);
    assertThat(driver.operator.stateSize()).isZero();
  }

  @Test
  void stateHoldsOneEntryPerKeyAndOpenWindowWhenEmittingEveryBatch() {
    Driver driver =
        new Driver(
            factory(
                INPUT, TS, WindowSpec.Hop.of(seconds(2), seconds(6)), BY_K, COUNT_AND_SUM,
                EmitMode.EVERY_BATCH, LatePolicy.DROP));
    driver.microBatch(Long.MIN_VALUE, row("a", seconds(5), 1L), row("b", seconds(5), 1L));

    assertThat(driver.operator.stateSize()).isEqualTo(6);
    driver.microBatch(seconds(8));
    assertThat(driver.operator.stateSize()).isEqualTo(2);
    driver.finish();
    assertThat(driver.operator.stateSize()).isZero();
  }
}
