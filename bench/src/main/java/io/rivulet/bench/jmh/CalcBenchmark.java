package io.rivulet.bench.jmh;

import io.rivulet.engine.Session;
import io.rivulet.parser.ColumnDefinition;
import io.rivulet.parser.CreateStreamStatement;
import io.rivulet.parser.QueryStatement;
import io.rivulet.planner.PlannedQuery;
import io.rivulet.planner.PlannerOptions;
import io.rivulet.planner.QueryPlanner;
import io.rivulet.planner.catalog.Catalog;
import io.rivulet.planner.catalog.Column;
import io.rivulet.planner.catalog.SourceObject;
import io.rivulet.planner.catalog.Watermark;
import io.rivulet.planner.codegen.CalcCompiler;
import io.rivulet.planner.codegen.vector.VectorCompiler;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.operator.calc.BatchFunction;
import io.rivulet.runtime.operator.calc.CalcFactory;
import io.rivulet.runtime.plan.OperatorNode;
import io.rivulet.runtime.plan.PhysicalNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fused filter/project the planner compiles for a query, applied to a batch of bids: the
 * whole per-row cost of the stateless queries q1, q2, q14, q21 and q22 (and of q17's projection)
 * apart from reading and writing, and a Calc mixing kernels with a row-at-a-time projection; {@code path} compares column-at-a-time evaluation with the
 * row-at-a-time fallback.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CalcBenchmark {
  static final int ROWS = 65_536;

  static final String BID_DDL =
      "CREATE STREAM bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR,"
          + " url VARCHAR, date_time TIMESTAMP(3), extra VARCHAR,"
          + " WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)"
          + " WITH ('connector' = 'nexmark', 'table' = 'bid', 'events' = '1000')";

  @Param({
    "q1_project", "q2_filter", "q14_case", "q17_project", "q21_channel", "q22_split", "mixed_initcap"
  })
  public String query;

  /** {@code plain}: column at a time without memoizing string computations per distinct value. */
  @Param({"vector", "plain", "row"})
  public String path;

  private BatchFunction function;
  private Batch batch;

  @Setup
  public void setUp() {
    String sql;
    switch (query) {
      case "q1_project":
        sql = "SELECT auction, bidder, 0.908 * price AS price, date_time, extra FROM bid";
        break;
      case "q2_filter":
        sql = "SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0";
        break;
      case "q14_case":
        sql =
            "SELECT auction, bidder, 0.908 * price AS price, CASE WHEN EXTRACT(HOUR FROM date_time) >= 8"
                + " AND EXTRACT(HOUR FROM date_time) <= 18 THEN 'dayTime' WHEN EXTRACT(HOUR FROM date_time) <= 6"
                + " OR EXTRACT(HOUR FROM date_time) >= 20 THEN 'nightTime' ELSE 'otherTime' END AS t,"
                + " date_time, extra, CHAR_LENGTH(extra) - CHAR_LENGTH(REPLACE(extra, 'c', '')) AS c FROM bid"
                + " WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000";
        break;
      case "q17_project":
        sql =
            "SELECT auction, CAST(date_time AS DATE) AS d, CASE WHEN price < 10000 THEN 1 ELSE 0 END AS r1,"
                + " CASE WHEN price >= 10000 AND price < 1000000 THEN 1 ELSE 0 END AS r2,"
                + " CASE WHEN price >= 1000000 THEN 1 ELSE 0 END AS r3, price FROM bid";
        break;
      case "q21_channel":
        sql =
            "SELECT auction, bidder, price, channel, CASE WHEN LOWER(channel) = 'apple' THEN '0'"
                + " WHEN LOWER(channel) = 'google' THEN '1' WHEN LOWER(channel) = 'facebook' THEN '2'"
                + " WHEN LOWER(channel) = 'baidu' THEN '3'"
                + " ELSE SUBSTRING(url FROM POSITION('channel_id=' IN url) + 11) END AS channel_id FROM bid"
                + " WHERE POSITION('channel_id=' IN url) > 0"
                + " OR LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu')";
        break;
      case "q22_split":
        sql =
            "SELECT auction, bidder, price, channel, SPLIT(url, '/')[4] AS dir1, SPLIT(url, '/')[5] AS dir2,"
                + " SPLIT(url, '/')[6] AS dir3 FROM bid";
        break;
      case "mixed_initcap":
        // q14's filter and projections with one that has no column-at-a-time kernel (INITCAP).
        sql =
            "SELECT auction, bidder, 0.908 * price AS price, INITCAP(channel) AS c, date_time, extra,"
                + " CHAR_LENGTH(extra) - CHAR_LENGTH(REPLACE(extra, 'c', '')) AS n FROM bid"
                + " WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000";
        break;
      default:
        throw new IllegalArgumentException(query);
    }
    System.setProperty(CalcCompiler.VECTORIZED_PROPERTY, String.valueOf(!path.equals("row")));
    System.setProperty(VectorCompiler.MEMOIZE_PROPERTY, String.valueOf(!path.equals("plain")));
    try {
      function = compile(sql);
    } finally {
      System.clearProperty(CalcCompiler.VECTORIZED_PROPERTY);
      System.clearProperty(VectorCompiler.MEMOIZE_PROPERTY);
    }
    batch = BidBatches.generate(1, ROWS, 0)[0];
  }

  /** Plans {@code sql} over the bid stream and returns the compiled calc of its plan. */
  static BatchFunction compile(String sql) {
    Catalog catalog = new Catalog();
    CreateStreamStatement create = (CreateStreamStatement) Session.parse(BID_DDL).get(0);
    List<Column> columns = new ArrayList<>();
    for (ColumnDefinition definition : create.columns()) {
      columns.add(
          new Column(definition.name(), definition.type(), definition.notNull(), definition.proctime()));
    }
    catalog.add(
        new SourceObject(
            create.name(),
            true,
            columns,
            create.watermark().map(w -> new Watermark(w.column(), w.delay())),
            create.options()),
        false,
        false);
    QueryStatement statement = (QueryStatement) Session.parse(sql).get(0);
    PlannedQuery plan =
        new QueryPlanner(catalog, Clock.systemUTC()).plan(statement.query(), PlannerOptions.DEFAULTS);
    for (PhysicalNode node = plan.graph().root(); ; node = node.inputs().get(0)) {
      if (node instanceof OperatorNode && ((OperatorNode) node).factory() instanceof CalcFactory) {
        return ((CalcFactory) ((OperatorNode) node).factory()).function();
      }
      if (node.inputs().isEmpty()) {
        throw new IllegalStateException("no calc in the plan of " + sql + ":\n" + plan.explain(1));
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public Batch apply() {
    return function.apply(batch);
  }
}
