package io.rivulet.runtime.operator.window;

import static io.rivulet.runtime.operator.window.WindowTesting.delete;
import static io.rivulet.runtime.operator.window.WindowTesting.factory;
import static io.rivulet.runtime.operator.window.WindowTesting.insert;
import static io.rivulet.runtime.operator.window.WindowTesting.row;
import static io.rivulet.runtime.operator.window.WindowTesting.runAdversarially;
import static io.rivulet.runtime.operator.window.WindowTesting.schema;
import static io.rivulet.runtime.operator.window.WindowTesting.seconds;
import static io.rivulet.runtime.operator.window.WindowTesting.updateAfter;
import static io.rivulet.runtime.operator.window.WindowTesting.updateBefore;
import static io.rivulet.runtime.operator.window.WindowTesting.values;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.operator.aggregate.AggregateKind;
import io.rivulet.runtime.operator.window.WindowTesting.Driver;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early results with {@link EmitMode#EVERY_BATCH}: the changelog of each open window. */
class EveryBatchEmitTest {
  private static final Schema INPUT = schema("k", VARCHAR, "ts", TIMESTAMP, "v", BIGINT);
  private static final int TS = 1;
  private static final int[] BY_K = {0};
  private static final List<AggregateCall> COUNT_AND_SUM =
      List.of(
          AggregateCall.countStar("rows"), AggregateCall.of(AggregateKind.SUM, 2, BIGINT, "total"));

  private static Driver driver(WindowSpec window, List<AggregateCall> calls) {
    return new Driver(
        factory(INPUT, TS, window, BY_K, calls, EmitMode.EVERY_BATCH, LatePolicy.DROP));
  }

  private static Driver driver(WindowSpec window) {
    return driver(window, COUNT_AND_SUM);
  }

  @Test
  void anOpenWindowIsInsertedThenUpdatedAndNothingMoreWhenItClosesUnchanged() {
    Driver driver = driver(WindowSpec.Tumble.of(seconds(10)));

    assertThat(driver.microBatch(Long.MIN_VALUE, row("a", seconds(1), 1L)))
        .containsExactly(insert("a", 0L, seconds(10), 1L, 1L));
    assertThat(driver.microBatch(seconds(1), row("a", seconds(2), 10L)))
        .containsExactly(
            updateBefore("a", 0L, seconds(10), 1L, 1L),
            updateAfter("a", 0L, seconds(10), 2L, 11L));
    assertThat(driver.microBatch(seconds(5))).isEmpty();
    assertThat(driver.microBatch(seconds(10))).isEmpty();
    assertThat(driver.operator.stateSize()).isZero();
    assertThat(driver.finish()).isEmpty();
  }

  @Test
  void aWindowChangedInTheBatchThatClosesItIsUpdatedOnce() {
    Driver driver = driver(WindowSpec.Tumble.of(seconds(10)));
    driver.microBatch(Long.MIN_VALUE, row("a", seconds(1), 1L));

    assertThat(driver.microBatch(seconds(12), row("a", seconds(3), 10L), row("a", seconds(12), 5L)))
        .containsExactly(
            updateBefore("a", 0L, seconds(10), 1L, 1L),
            updateAfter("a", 0L, seconds(10), 2L, 11L),
            insert("a", seconds(10), seconds(20), 1L, 5L));
  }

  @Test
  void aWindowFirstSeenInTheBatchThatClosesItIsInsertedOnce() {
    Driver driver = driver(WindowSpec.Tumble.of(seconds(10)));

    assertThat(driver.microBatch(seconds(10), row("b", seconds(1), 1L), row("a", seconds(2), 2L)))
        .containsExactly(
            insert("a", 0L, seconds(10), 1L, 2L), insert("b", 0L, seconds(10), 1L, 1L));
  }

  @Test
  void aRowThatLeavesTheResultAsItWasEmitsNothing() {
    Driver driver =
        driver(
            WindowSpec.Tumble.of(seconds(10)),
            List.of(AggregateCall.of(AggregateKind.MAX, 2, BIGINT, "highest")));
    driver.microBatch(Long.MIN_VALUE, row("a", seconds(1), 7L));

    assertThat(driver.microBatch(Long.MIN_VALUE, row("a", seconds(2), 3L))).isEmpty();
    assertThat(driver.microBatch(Long.MIN_VALUE, row("a", seconds(3), 9L)))
        .containsExactly(
            updateBefore("a", 0L, seconds(10), 7L), updateAfter("a", 0L, seconds(10), 9L));
  }

  @Test
  void aHopRowUpdatesEachOfItsWindowsInFiringOrder() {
    Driver driver = driver(WindowSpec.Hop.of(seconds(2), seconds(4)));

    assertThat(driver.microBatch(Long.MIN_VALUE, row("a", seconds(3), 1L)))
        .containsExactly(
            insert("a", 0L, seconds(4), 1L, 1L), insert("a", seconds(2), seconds(6), 1L, 1L));
    assertThat(driver.microBatch(seconds(4), row("a", seconds(4), 10L)))
        .containsExactly(
            updateBefore("a", seconds(2), seconds(6), 1L, 1L),
            updateAfter("a", seconds(2), seconds(6), 2L, 11L),
            insert("a", seconds(4), seconds(8), 1L, 10L));
  }

  @Test
  void aGrowingSessionReplacesItsRowBecauseItsBoundsChange() {
    Driver driver = driver(new WindowSpec.Session(seconds(10)));

    assertThat(driver.microBatch(Long.MIN_VALUE, row("a", seconds(0), 1L)))
        .containsExactly(insert("a", 0L, seconds(10), 1L, 1L));
    assertThat(driver.microBatch(Long.MIN_VALUE, row("a", seconds(5), 10L)))
        .containsExactly(
            delete("a", 0L, seconds(10), 1L, 1L), insert("a", 0L, seconds(15), 2L, 11L));
    assertThat(driver.microBatch(Long.MIN_VALUE, row("a", seconds(3), 100L)))
        .containsExactly(
            updateBefore("a", 0L, seconds(15), 2L, 11L),
            updateAfter("a", 0L, seconds(15), 3L, 111L));
  }

  @Test
  void aSessionMergedAwayAfterItWasEmittedIsDeleted() {
    Driver driver = driver(new WindowSpec.Session(seconds(10)));

    assertThat(driver.microBatch(-seconds(5), row("a", seconds(0), 1L), row("a", seconds(15), 2L)))
        .containsExactly(
            insert("a", 0L, seconds(10), 1L, 1L), insert("a", seconds(15), seconds(25), 1L, 2L));
    assertThat(driver.microBatch(-seconds(3), row("a", seconds(7), 4L)))
        .containsExactly(
            delete("a", seconds(15), seconds(25), 1L, 2L),
            delete("a", 0L, seconds(10), 1L, 1L),
            insert("a", 0L, seconds(25), 3L, 7L));
    assertThat(driver.microBatch(Long.MAX_VALUE)).isEmpty();
    assertThat(driver.operator.stateSize()).isZero();
  }

  @Test
  void sessionsMergedBeforeTheyWereEmittedNeedNoRetraction() {
    Driver driver = driver(new WindowSpec.Session(seconds(10)));

    assertThat(
            driver.microBatch(
                Long.MIN_VALUE,
                row("a", seconds(0), 1L),
                row("a", seconds(15), 2L),
                row("a", seconds(7), 4L)))
        .containsExactly(insert("a", 0L, seconds(25), 3L, 7L));
  }

  @Test
  void theChangelogEndsInTheOnCloseRowsWhateverTheBatches() {
    // The harness compares the every-batch changelog's final state with the on-close output.
    List<Object[]> rows =
        List.<Object[]>of(
            row("a", seconds(1), 1L),
            row("b", seconds(4), 2L),
            row("a", seconds(9), 4L),
            row("a", seconds(5), 8L),
            row("b", seconds(19), 16L),
            row("a", seconds(11), 32L));
    WindowAggregateFactory plan =
        factory(
            INPUT,
            TS,
            new WindowSpec.Session(seconds(5)),
            BY_K,
            COUNT_AND_SUM,
            EmitMode.EVERY_BATCH,
            LatePolicy.DROP);

    assertThat(runAdversarially(plan, seconds(8), rows))
        .containsExactly(
            values("b", seconds(4), seconds(9), 1L, 2L),
            values("a", seconds(1), seconds(16), 4L, 45L),
            values("b", seconds(19), seconds(24), 1L, 16L));
  }
}
