package io.rivulet.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.parser.Position;
import io.rivulet.parser.QuerySource;
import io.rivulet.parser.TypeSpec;
import io.rivulet.planner.catalog.Catalog;
import io.rivulet.planner.catalog.Column;
import io.rivulet.planner.catalog.SourceObject;
import io.rivulet.planner.catalog.Watermark;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.exec.QueryConfig;
import io.rivulet.runtime.plan.ScanNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which columns the planner tells a source the query reads. */
class ProjectionPushDownTest {
  private static final Map<String, String> RECORDING = Map.of("connector", "recording");

  private final Catalog catalog = new Catalog();
  private final QueryPlanner planner = new QueryPlanner(catalog, Clock.systemUTC());

  ProjectionPushDownTest() {
    // Physical columns auction, price, channel, ts; pt is computed, not read.
    catalog.add(
        new SourceObject(
            "bids",
            true,
            List.of(
                new Column("auction", TypeSpec.of("BIGINT"), false, false),
                new Column("pt", TypeSpec.of("TIMESTAMP", 3), false, true),
                new Column("price", TypeSpec.of("BIGINT"), false, false),
                new Column("channel", TypeSpec.of("VARCHAR"), false, false),
                new Column("ts", TypeSpec.of("TIMESTAMP", 3), false, false)),
            Optional.of(new Watermark("ts", Duration.ofSeconds(2))),
            RECORDING),
        false,
        false);
    catalog.add(
        new SourceObject(
            "lines",
            true,
            List.of(
                new Column("line", TypeSpec.of("VARCHAR"), false, false),
                new Column("n", TypeSpec.of("BIGINT"), false, false)),
            Optional.empty(),
            RECORDING),
        false,
        false);
  }

  /** The columns each stream is asked for, as {@code stream: [names]}, or all of them. */
  private String needed(String sql) {
    RecordingConnector.OPENED.clear();
    PlannedQuery query =
        planner.plan(new QuerySource(sql, new Position(1, 1)), PlannerOptions.DEFAULTS);
    QueryConfig config =
        new QueryConfig(2, Duration.ofMillis(10), 100, new PrintStream(PrintStream.nullOutputStream()));
    StringBuilder text = new StringBuilder();
    for (ScanNode scan : query.graph().scans()) {
      scan.provider().create(config);
      ConnectorContext context = RecordingConnector.OPENED.get(scan.objectName());
      boolean[] needed = context.neededColumns();
      text.append(text.length() == 0 ? "" : "; ").append(scan.objectName()).append(": ");
      if (needed == null) {
        text.append("all");
        continue;
      }
      List<String> names = new java.util.ArrayList<>();
      for (int c = 0; c < needed.length; c++) {
        if (needed[c]) {
          names.add(context.schema().field(c).name());
        }
      }
      text.append(names);
    }
    return text.toString();
  }

  @Test
  void aProjectionAndFilterReadTheirColumnsAndTheEventTime() {
    assertThat(needed("SELECT auction FROM bids WHERE price > 10"))
        .isEqualTo("bids: [auction, price, ts]");
    assertThat(needed("SELECT channel FROM bids")).isEqualTo("bids: [channel, ts]");
    assertThat(needed("SELECT * FROM bids")).isEqualTo("bids: all");
  }

  @Test
  void aStreamWithoutEventTimeMayBeAskedForNoColumnAtAll() {
    assertThat(needed("SELECT COUNT(*) AS c FROM lines")).isEqualTo("lines: []");
    assertThat(needed("SELECT n + 1 AS m FROM lines")).isEqualTo("lines: [n]");
  }

  @Test
  void windowTableFunctionsAndAggregatesPassOnWhatTheyUse() {
    assertThat(
            needed(
                "SELECT window_start, MAX(price) AS m FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts),"
                    + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end"))
        .isEqualTo("bids: [price, ts]");
    assertThat(
            needed(
                "SELECT channel, COUNT(*) AS c FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts),"
                    + " INTERVAL '2' SECOND, INTERVAL '10' SECOND)) GROUP BY channel, window_start,"
                    + " window_end"))
        .isEqualTo("bids: [channel, ts]");
    assertThat(
            needed(
                "SELECT TUMBLE_START(ts, INTERVAL '5' SECOND) AS ws, COUNT(DISTINCT auction) AS a"
                    + " FROM bids GROUP BY TUMBLE(ts, INTERVAL '5' SECOND)"))
        .isEqualTo("bids: [auction, ts]");
  }

  @Test
  void aProcessingTimeColumnIsNotAskedForButTheColumnsAfterItAre() {
    assertThat(needed("SELECT pt, price FROM bids")).isEqualTo("bids: [price, ts]");
  }

  @Test
  void theInputsOfJoinsAndUnnestReadWhatTheCalcsUnderThemUse() {
    assertThat(needed("SELECT a.price FROM bids a JOIN bids b ON a.auction = b.auction"))
        .isEqualTo("bids: [auction, price, ts]; bids: [auction, price, ts]");
    assertThat(needed("SELECT word FROM lines CROSS JOIN UNNEST(SPLIT(line, ' ')) AS t(word)"))
        .isEqualTo("lines: [line]");
  }
}
