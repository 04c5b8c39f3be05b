package io.rivulet.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.parser.Position;
import io.rivulet.parser.QuerySource;
import io.rivulet.parser.TypeSpec;
import io.rivulet.planner.catalog.Catalog;
import io.rivulet.planner.catalog.Column;
import io.rivulet.planner.catalog.SourceObject;
import io.rivulet.planner.catalog.Watermark;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.plan.Stage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How queries are cut into stages and which are rejected, checked on the plans themselves. */
class QueryPlannerTest {
  private static final Map<String, String> GENERATED = Map.of("connector", "datagen", "number-of-rows", "10");

  private final Catalog catalog = new Catalog();
  private final QueryPlanner planner = new QueryPlanner(catalog, Clock.systemUTC());

  QueryPlannerTest() {
    catalog.add(new SourceObject("lines", true,
        List.of(new Column("line", TypeSpec.of("VARCHAR"), false, false)), Optional.empty(), GENERATED),
        false, false);
    catalog.add(new SourceObject("bids", true,
        List.of(new Column("auction", TypeSpec.of("BIGINT"), false, false),
            new Column("price", TypeSpec.of("BIGINT"), false, false),
            new Column("ts", TypeSpec.of("TIMESTAMP", 3), false, false)),
        Optional.of(new Watermark("ts", Duration.ofSeconds(2))), GENERATED), false, false);
    catalog.add(new SourceObject("items", false,
        List.of(new Column("id", TypeSpec.of("BIGINT"), false, false),
            new Column("name", TypeSpec.of("VARCHAR"), false, false)),
        Optional.empty(), GENERATED), false, false);
  }

  private PlannedQuery plan(String sql) {
    return planner.plan(new QuerySource(sql, new Position(1, 1)), PlannerOptions.DEFAULTS);
  }

  @Test
  void aGroupedAggregateIsTwoStagesWithAnExchangeOnItsKeys() {
    PlannedQuery query = plan("SELECT word, COUNT(*) AS c FROM lines"
        + " CROSS JOIN UNNEST(SPLIT(line, ' ')) AS w(word) GROUP BY word");

    List<Stage> stages = query.graph().stages();
    assertThat(stages).hasSize(2);
    assertThat(stages.get(0).readsSources()).isTrue();
    assertThat(stages.get(0).output().orElseThrow().explain()).isEqualTo("Exchange(hash[word])");
    assertThat(stages.get(1).output()).isEmpty();
    assertThat(query.changelog()).isTrue();
    assertThat(query.graph().root().unboundedState()).isTrue();
    assertThat(query.schema().names()).containsExactly("word", "c");
  }

  @Test
  void aWindowedAggregateIsAppendOnlyWithBoundedState() {
    PlannedQuery query = plan("SELECT window_start, auction, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE bids,"
        + " DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, auction");

    assertThat(query.changelog()).isFalse();
    assertThat(query.graph().root().unboundedState()).isFalse();
    assertThat(query.explain(2)).contains("WindowAggregate(window=TUMBLE(size=10 s) on ts, keys=[auction]");
  }

  @Test
  void aStreamJoinedWithATableNeedsNoExchange() {
    PlannedQuery query = plan("SELECT b.price, i.name FROM bids b JOIN items i ON b.auction = i.id");

    assertThat(query.graph().stages()).hasSize(1);
    assertThat(query.explain(2)).contains("LookupJoin(type=INNER, table=items");
  }

  @Test
  void aRegularJoinOfTwoStreamsKeepsUnboundedState() {
    PlannedQuery query = plan("SELECT a.price FROM bids a JOIN bids b ON a.auction = b.auction");

    assertThat(query.graph().stages()).hasSize(3);
    assertThat(query.graph().root().unboundedState()).isTrue();
  }

  @Test
  void orderByOnAStreamIsRejectedWithTheReason() {
    assertThatThrownBy(() -> plan("SELECT auction FROM bids ORDER BY price"))
        .isInstanceOf(RivuletException.class)
        .hasMessageStartingWith("ORDER BY on an unbounded stream needs a window");
  }

  @Test
  void aWindowOnAColumnWithoutAWatermarkIsRejected() {
    catalog.add(new SourceObject("plain", true,
        List.of(new Column("ts", TypeSpec.of("TIMESTAMP", 3), false, false)), Optional.empty(), GENERATED),
        false, false);

    assertThatThrownBy(() -> plan("SELECT COUNT(*) FROM plain GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)"))
        .isInstanceOf(RivuletException.class)
        .hasMessageStartingWith("column 'ts' is not a time attribute");
  }
}
