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
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.plan.ExchangeNode;
import io.rivulet.runtime.plan.OperatorNode;
import io.rivulet.runtime.plan.PhysicalNode;
import io.rivulet.runtime.plan.ScanNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The word count's first stage, everything between reading a line and hashing its words to the
 * aggregate (since the counts are taken before the exchange, counting them per micro-batch too):
 * the operators the planner puts between the scan and the exchange for {@code SELECT word,
 * COUNT(*) FROM lines CROSS JOIN UNNEST(SPLIT(line, ' ')) AS t(word) GROUP BY word}, run over a
 * batch of 65,536 lines (a source partition's default batch) as one micro-batch. The lines are the
 * benchmark's word-count corpus (about ten words of a 10,000-word Zipf vocabulary; {@code zipf})
 * or as many words that never recur ({@code unique}), the worst case for reusing recently cut words
 * and for counting before the exchange. A corpus line is about 68 bytes, so 1 M lines per second
 * is 68 MB/s. {@code lower} is the sample's form, {@code SPLIT(LOWER(line), ' ')} with empty words
 * filtered out. Scores are lines per second.
 *
 * <p>Written against the planner, not the operator's classes, so that it runs unchanged on older
 * engines for before/after figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UnnestBenchmark {
  static final int LINES = 65_536;
  private static final int VOCABULARY = 10_000;

  @Param({"zipf", "unique", "lower"})
  public String input;

  private List<Operator> operators;
  private Batch batch;

  @Setup
  public void setUp() throws IOException {
    String query =
        input.equals("lower")
            ? "SELECT word, COUNT(*) AS c FROM lines CROSS JOIN UNNEST(SPLIT(LOWER(line), ' '))"
                + " AS t(word) WHERE word <> '' GROUP BY word"
            : "SELECT word, COUNT(*) AS c FROM lines CROSS JOIN UNNEST(SPLIT(line, ' ')) AS t(word)"
                + " GROUP BY word";
    List<OperatorNode> chain = firstStage(query);
    operators = new ArrayList<>();
    for (OperatorNode node : chain) {
      operators.add(node.factory().create(new OperatorContext("bench", 0, 1)));
    }
    String[] lines = input.equals("unique") ? uniqueLines() : zipfLines();
    List<Object[]> rows = new ArrayList<>();
    for (String line : lines) {
      rows.add(new Object[] {line});
    }
    batch = Batch.ofRows(chain.get(0).input().schema(), rows);
  }

  /** The operators from the scan up to the exchange, bottom-up. */
  private static List<OperatorNode> firstStage(String query) throws IOException {
    Path directory = Files.createTempDirectory("rivulet-unnest-bench");
    directory.toFile().deleteOnExit();
    String ddl =
        "CREATE STREAM lines (line VARCHAR) WITH ('connector' = 'file', 'path' = '"
            + directory + "', 'format' = 'text', 'mode' = 'bounded')";
    CreateStreamStatement create = (CreateStreamStatement) Session.parse(ddl).get(0);
    List<Column> columns = new ArrayList<>();
    for (ColumnDefinition definition : create.columns()) {
      columns.add(
          new Column(definition.name(), definition.type(), definition.notNull(), definition.proctime()));
    }
    Catalog catalog = new Catalog();
    catalog.add(
        new SourceObject(create.name(), true, columns, Optional.empty(), create.options()),
        false,
        false);
    QueryStatement statement = (QueryStatement) Session.parse(query).get(0);
    PlannedQuery plan =
        new QueryPlanner(catalog, Clock.systemUTC()).plan(statement.query(), PlannerOptions.DEFAULTS);
    PhysicalNode node = plan.graph().root();
    while (!(node instanceof ExchangeNode)) {
      node = node.inputs().get(0);
    }
    List<OperatorNode> chain = new ArrayList<>();
    for (node = node.inputs().get(0); !(node instanceof ScanNode); node = node.inputs().get(0)) {
      chain.add(0, (OperatorNode) node);
    }
    return chain;
  }

  /** Lines as the bench's word-count corpus makes them (bench/TextCorpus). */
  private static String[] zipfLines() {
    SplittableRandom random = new SplittableRandom(42);
    String[] words = new String[VOCABULARY];
    for (int w = 0; w < VOCABULARY; w++) {
      char[] chars = new char[2 + random.nextInt(9)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] = (char) ('a' + random.nextInt(26));
      }
      words[w] = new String(chars);
    }
    double[] cumulative = new double[VOCABULARY];
    double sum = 0;
    for (int w = 0; w < VOCABULARY; w++) {
      sum += 1.0 / (w + 1);
      cumulative[w] = sum;
    }
    String[] lines = new String[LINES];
    for (int l = 0; l < LINES; l++) {
      StringBuilder line = new StringBuilder();
      int count = 8 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        if (i > 0) {
          line.append(' ');
        }
        int index = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
        line.append(words[Math.min(VOCABULARY - 1, index < 0 ? -index - 1 : index)]);
      }
      lines[l] = line.toString();
    }
    return lines;
  }

  /** Lines of ten words that never recur, of the corpus's word lengths. */
  private static String[] uniqueLines() {
    SplittableRandom random = new SplittableRandom(42);
    String[] lines = new String[LINES];
    int serial = 0;
    for (int l = 0; l < LINES; l++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        if (i > 0) {
          line.append(' ');
        }
        line.append((char) ('a' + random.nextInt(26))).append(Integer.toString(serial++, 36));
      }
      lines[l] = line.toString();
    }
    return lines;
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void firstStage(Blackhole blackhole) {
    // outs[i] is where operator i's output goes; outs[size] is the exchange (the blackhole).
    Collector[] outs = new Collector[operators.size() + 1];
    outs[operators.size()] = blackhole::consume;
    for (int i = operators.size() - 1; i >= 0; i--) {
      Operator operator = operators.get(i);
      Collector downstream = outs[i + 1];
      outs[i] = batch -> operator.process(batch, downstream);
    }
    outs[0].collect(batch);
    // The batch is a micro-batch: operators that emit at its end (the counts taken before the
    // exchange) do so, bottom-up, as the engine calls them.
    for (int i = 0; i < operators.size(); i++) {
      operators.get(i).endBatch(Long.MIN_VALUE, outs[i + 1]);
    }
  }
}
