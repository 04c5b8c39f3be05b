package io.rivulet.runtime.operator.window;

import static io.rivulet.runtime.operator.window.WindowTesting.factory;
import static io.rivulet.runtime.operator.window.WindowTesting.schema;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.operator.aggregate.AggregateKind;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan side of the window aggregate: window specs, EXPLAIN, output schema, validation. */
class WindowAggregateFactoryTest {
  private static final Schema BIDS =
      schema("auction", BIGINT, "bidder", BIGINT, "price", BIGINT, "date_time", TIMESTAMP);
  private static final List<AggregateCall> BID_COUNT = List.of(AggregateCall.countStar("bids"));

  @Test
  void windowSpecsExplainThemselvesInTheLargestExactUnit() {
    assertThat(WindowSpec.Tumble.of(10_000).explain()).isEqualTo("TUMBLE(size=10 s)");
    assertThat(WindowSpec.Tumble.of(1_500).explain()).isEqualTo("TUMBLE(size=1500 ms)");
    assertThat(new WindowSpec.Tumble(86_400_000, 28_800_000).explain())
        .isEqualTo("TUMBLE(size=1 d, offset=8 h)");
    assertThat(WindowSpec.Hop.of(2_000, 10_000).explain())
        .isEqualTo("HOP(slide=2 s, size=10 s)");
    assertThat(new WindowSpec.Hop(60_000, 300_000, -3_600_000).explain())
        .isEqualTo("HOP(slide=1 min, size=5 min, offset=-1 h)");
    assertThat(new WindowSpec.Session(600_000).explain()).isEqualTo("SESSION(gap=10 min)");
    assertThat(new WindowSpec.Session(90_000).explain()).isEqualTo("SESSION(gap=90 s)");
  }

  @Test
  void windowDimensionsMustBePositive() {
    assertThatThrownBy(() -> WindowSpec.Tumble.of(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TUMBLE size must be a positive duration, got 0 ms");
    assertThatThrownBy(() -> WindowSpec.Hop.of(-1, 10))
        .hasMessage("HOP slide must be a positive duration, got -1 ms");
    assertThatThrownBy(() -> WindowSpec.Hop.of(1, 0))
        .hasMessage("HOP size must be a positive duration, got 0 ms");
    assertThatThrownBy(() -> new WindowSpec.Session(0))
        .hasMessage("SESSION gap must be a positive duration, got 0 ms");
  }

  @Test
  void explainShowsTheWindowItsTimeColumnKeysAggregatesAndEmission() {
    WindowAggregateFactory hop =
        factory(
            BIDS,
            3,
            WindowSpec.Hop.of(2_000, 10_000),
            new int[] {0},
            BID_COUNT,
            EmitMode.ON_CLOSE,
            LatePolicy.DROP);
    assertThat(hop.explain())
        .isEqualTo(
            "WindowAggregate(window=HOP(slide=2 s, size=10 s) on date_time, keys=[auction],"
                + " aggregates=[COUNT(*) AS bids], emit=on-close)");
    assertThat(hop).hasToString(hop.explain());

    WindowAggregateFactory session =
        factory(
            BIDS,
            3,
            new WindowSpec.Session(600_000),
            new int[] {1, 0},
            List.of(
                AggregateCall.of(AggregateKind.MAX, 2, BIGINT, "highest"),
                new AggregateCall(AggregateKind.COUNT, 0, true, BIGINT, "auctions")),
            EmitMode.EVERY_BATCH,
            LatePolicy.FAIL);
    assertThat(session.explain())
        .isEqualTo(
            "WindowAggregate(window=SESSION(gap=10 min) on date_time, keys=[bidder, auction],"
                + " aggregates=[MAX(price) AS highest, COUNT(DISTINCT auction) AS auctions],"
                + " emit=every-batch, late=fail)");

    WindowAggregateFactory global =
        factory(
            BIDS,
            3,
            WindowSpec.Tumble.of(60_000),
            new int[0],
            BID_COUNT,
            EmitMode.ON_CLOSE,
            LatePolicy.DROP);
    assertThat(global.explain())
        .isEqualTo(
            "WindowAggregate(window=TUMBLE(size=1 min) on date_time, keys=[],"
                + " aggregates=[COUNT(*) AS bids], emit=on-close)");
  }

  @Test
  void theOutputHasTheKeysTheWindowBoundsAndTheAggregates() {
    Schema output =
        WindowAggregateFactory.outputSchemaOf(
            BIDS,
            new int[] {0},
            List.of(
                AggregateCall.countStar("bids"),
                AggregateCall.of(AggregateKind.AVG, 2, DOUBLE, "average")));

    assertThat(output.names())
        .containsExactly("auction", "window_start", "window_end", "bids", "average");
    assertThat(output.fields().subList(1, 3))
        .containsOnly(
            new Field("window_start", TIMESTAMP, false, "TIMESTAMP(3)"),
            new Field("window_end", TIMESTAMP, false, "TIMESTAMP(3)"))
        .hasSize(2);
    assertThat(output.type(4)).isEqualTo(DOUBLE);
  }

  @Test
  void theFactoryDescribesAndCreatesStatefulInstances() {
    WindowAggregateFactory plan =
        factory(
            BIDS,
            3,
            WindowSpec.Tumble.of(10),
            new int[] {0},
            BID_COUNT,
            EmitMode.ON_CLOSE,
            LatePolicy.DROP);

    assertThat(plan.stateful()).isTrue();
    assertThat(plan.timeColumn()).isEqualTo(3);
    assertThat(plan.window()).isEqualTo(WindowSpec.Tumble.of(10));
    assertThat(plan.emit()).isEqualTo(EmitMode.ON_CLOSE);
    assertThat(plan.latePolicy()).isEqualTo(LatePolicy.DROP);
    WindowAggregateOperator first =
        (WindowAggregateOperator) plan.create(new OperatorContext("q", 0, 2));
    WindowAggregateOperator second =
        (WindowAggregateOperator) plan.create(new OperatorContext("q", 1, 2));
    assertThat(first).isNotSameAs(second);
    assertThat(first.plan()).isSameAs(plan);
    assertThat(first.stateSize()).isZero();
    assertThat(first.lateRows()).isZero();
  }

  @Test
  void theTimeColumnMustBeATimestamp() {
    assertThatThrownBy(
            () ->
                factory(
                    BIDS,
                    2,
                    WindowSpec.Tumble.of(10),
                    new int[] {0},
                    BID_COUNT,
                    EmitMode.ON_CLOSE,
                    LatePolicy.DROP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window time column price is BIGINT; windows need a TIMESTAMP column");
    assertThatThrownBy(
            () ->
                factory(
                    BIDS,
                    7,
                    WindowSpec.Tumble.of(10),
                    new int[] {0},
                    BID_COUNT,
                    EmitMode.ON_CLOSE,
                    LatePolicy.DROP))
        .hasMessageStartingWith("the window's time column refers to column 7 of input");
  }

  @Test
  void theOutputSchemaMustLineUpWithKeysWindowAndCalls() {
    Schema tooShort = schema("auction", BIGINT, "bids", BIGINT);
    assertThatThrownBy(() -> plan(tooShort))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "should have 1 group key column(s), window_start, window_end and 1 aggregate"
                + " column(s)");

    Schema wrongKey =
        schema(
            "auction", VARCHAR, "window_start", TIMESTAMP, "window_end", TIMESTAMP, "bids", BIGINT);
    assertThatThrownBy(() -> plan(wrongKey))
        .hasMessage("group key auction is BIGINT but output column auction is VARCHAR");

    Schema wrongBound =
        schema("auction", BIGINT, "window_start", TIMESTAMP, "window_end", BIGINT, "bids", BIGINT);
    assertThatThrownBy(() -> plan(wrongBound))
        .hasMessage(
            "output column window_end holds the window end and must be TIMESTAMP, not BIGINT");

    Schema wrongAggregate =
        schema(
            "auction", BIGINT, "window_start", TIMESTAMP, "window_end", TIMESTAMP, "bids", DOUBLE);
    assertThatThrownBy(() -> plan(wrongAggregate))
        .hasMessage("COUNT(*) returns BIGINT but its output column is DOUBLE");
  }

  @Test
  void anAggregateThatCannotReturnItsTypeFailsWhenPlanned() {
    List<AggregateCall> calls = List.of(AggregateCall.of(AggregateKind.SUM, 2, VARCHAR, "total"));
    assertThatThrownBy(
            () ->
                factory(
                    BIDS,
                    3,
                    WindowSpec.Tumble.of(10),
                    new int[] {0},
                    calls,
                    EmitMode.ON_CLOSE,
                    LatePolicy.DROP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SUM returns a numeric type, not VARCHAR");
  }

  @Test
  void emitModesAndLatePoliciesReadTheirSettingValues() {
    assertThat(EmitMode.ON_CLOSE.settingValue()).isEqualTo("on-close");
    assertThat(EmitMode.ofSettingValue(" Every-Batch ")).isEqualTo(EmitMode.EVERY_BATCH);
    assertThatThrownBy(() -> EmitMode.ofSettingValue("early"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'window.emit' must be 'on-close' or 'every-batch', not 'early'");
    assertThat(LatePolicy.ofSettingValue("FAIL")).isEqualTo(LatePolicy.FAIL);
    assertThat(LatePolicy.DROP.settingValue()).isEqualTo("drop");
    assertThatThrownBy(() -> LatePolicy.ofSettingValue("skip"))
        .hasMessage("'late.policy' must be 'drop' or 'fail', not 'skip'");
  }

  private static WindowAggregateFactory plan(Schema output) {
    return new WindowAggregateFactory(
        BIDS,
        3,
        WindowSpec.Tumble.of(10),
        new int[] {0},
        BID_COUNT,
        output,
        EmitMode.ON_CLOSE,
        LatePolicy.DROP);
  }
}
