package io.rivulet.runtime.operator.aggregate;

import static io.rivulet.runtime.operator.aggregate.AggregateTesting.schema;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupAggregateFactoryTest {
  private static final Schema BIDS = schema("word", VARCHAR, "price", BIGINT, "ratio", DOUBLE);

  @Test
  void callsExplainAsSql() {
    List<String> names = BIDS.names();
    assertThat(AggregateCall.countStar("c").explain(names)).isEqualTo("COUNT(*)");
    assertThat(new AggregateCall(AggregateKind.COUNT, 0, true, BIGINT, "n").explain(names))
        .isEqualTo("COUNT(DISTINCT word)");
    assertThat(AggregateCall.of(AggregateKind.SUM, 1, BIGINT, "total").explain(names))
        .isEqualTo("SUM(price)");
    assertThat(AggregateCall.of(AggregateKind.AVG, 2, DOUBLE, "mean").explain(names))
        .isEqualTo("AVG(ratio)");
  }

  @Test
  void callsCheckTheirArgument() {
    assertThatThrownBy(() -> new AggregateCall(AggregateKind.COUNT_STAR, 0, false, BIGINT, "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COUNT(*) takes no argument");
    assertThatThrownBy(() -> AggregateCall.of(AggregateKind.SUM, -1, BIGINT, "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SUM needs an input column");
  }

  @Test
  void explainNamesKeysAndAggregates() {
    GroupAggregateFactory factory =
        AggregateTesting.factory(
            BIDS,
            new int[] {0},
            false,
            List.of(
                AggregateCall.countStar("c"),
                AggregateCall.of(AggregateKind.SUM, 1, BIGINT, "total")));

    assertThat(factory.explain())
        .isEqualTo(
            "GroupAggregate(keys=[word], aggregates=[COUNT(*) AS c, SUM(price) AS total],"
                + " emit=changelog)");
    assertThat(factory.stateful()).isTrue();
  }

  @Test
  void explainOfAGlobalAggregateWithDistinct() {
    GroupAggregateFactory factory =
        AggregateTesting.factory(
            BIDS,
            new int[] {},
            true,
            List.of(new AggregateCall(AggregateKind.COUNT, 0, true, BIGINT, "words")));

    assertThat(factory.explain())
        .isEqualTo(
            "GroupAggregate(keys=[], aggregates=[COUNT(DISTINCT word) AS words], emit=changelog)");
  }

  @Test
  void outputSchemaIsTheKeysThenTheAggregates() {
    List<AggregateCall> calls = List.of(AggregateCall.of(AggregateKind.MAX, 2, DOUBLE, "top"));
    GroupAggregateFactory factory =
        AggregateTesting.factory(BIDS, new int[] {1, 0}, false, calls);

    assertThat(factory.outputSchema().names()).containsExactly("price", "word", "top");
    assertThat(factory.groupKeys()).containsExactly(1, 0);
    assertThat(factory.calls()).isEqualTo(calls);
    assertThat(factory.inputIsChangelog()).isFalse();
  }

  @Test
  void eachCreateMakesAFreshInstance() {
    GroupAggregateFactory factory =
        AggregateTesting.factory(BIDS, new int[] {0}, false, List.of(AggregateCall.countStar("c")));

    assertThat(factory.create(new OperatorContext("q", 0, 2)))
        .isNotSameAs(factory.create(new OperatorContext("q", 1, 2)))
        .isInstanceOf(GroupAggregateOperator.class);
  }

  @Test
  void rejectsAnOutputSchemaOfTheWrongWidth() {
    assertThatThrownBy(
            () ->
                new GroupAggregateFactory(
                    BIDS,
                    new int[] {0},
                    List.of(AggregateCall.countStar("c")),
                    schema("word", VARCHAR),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("should have 1 group key column(s) and 1 aggregate column(s)");
  }

  @Test
  void rejectsAResultTypeThatDiffersFromItsOutputColumn() {
    assertThatThrownBy(
            () ->
                new GroupAggregateFactory(
                    BIDS,
                    new int[] {0},
                    List.of(AggregateCall.of(AggregateKind.SUM, 1, BIGINT, "total")),
                    schema("word", VARCHAR, "total", DOUBLE),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SUM(price) returns BIGINT but its output column is DOUBLE");
  }

  @Test
  void rejectsColumnsOutsideTheInput() {
    assertThatThrownBy(
            () ->
                new GroupAggregateFactory(
                    BIDS,
                    new int[] {7},
                    List.of(AggregateCall.countStar("c")),
                    schema("k", VARCHAR, "c", BIGINT),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group key refers to column 7");
    assertThatThrownBy(
            () ->
                new GroupAggregateFactory(
                    BIDS,
                    new int[] {},
                    List.of(AggregateCall.of(AggregateKind.SUM, 9, BIGINT, "s")),
                    schema("s", BIGINT),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aggregate s refers to column 9");
  }

  @Test
  void rejectsAResultTypeTheAggregateCannotProduce() {
    assertThatThrownBy(
            () ->
                AggregateTesting.factory(
                    BIDS,
                    new int[] {},
                    false,
                    List.of(AggregateCall.of(AggregateKind.AVG, 0, VARCHAR, "a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AVG returns a numeric type");
  }
}
