package io.rivulet.planner.physical;

import io.rivulet.planner.PlannerOptions;
import io.rivulet.planner.calcite.SessionEndFunction;
import io.rivulet.planner.calcite.SourceTable;
import io.rivulet.planner.calcite.TypeMapping;
import io.rivulet.planner.catalog.Column;
import io.rivulet.planner.catalog.SourceObject;
import io.rivulet.planner.codegen.CalcCompiler;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Connector;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Connectors;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.exec.ValuesSource;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.operator.aggregate.AggregateKind;
import io.rivulet.runtime.operator.aggregate.GroupAggregateFactory;
import io.rivulet.runtime.operator.aggregate.LocalCountFactory;
import io.rivulet.runtime.operator.calc.CalcFactory;
import io.rivulet.runtime.operator.time.ProcessingTimeFactory;
import io.rivulet.runtime.operator.unnest.SplitCountFactory;
import io.rivulet.runtime.operator.unnest.UnnestFactory;
import io.rivulet.runtime.plan.ExchangeNode;
import io.rivulet.runtime.plan.OperatorNode;
import io.rivulet.runtime.plan.PhysicalNode;
import io.rivulet.runtime.plan.ScanNode;
import io.rivulet.runtime.plan.UnionNode;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Lowers a normalised logical plan (Calcs, aggregates, unions, scans, unnests) into a physical
 * micro-batch plan: stateless operators stay fused, stateful ones get a hash exchange on their
 * keys in front. Whatever cannot run on an unbounded stream is rejected here, with the reason.
 */
public final class PhysicalPlanner {
  private final JavaTypeFactory typeFactory;
  private final Clock clock;
  private final WindowLowering windows;
  private final JoinLowering joins;
  /** The fields each scan of the plan reads; found when lowering starts, at the plan's root. */
  private ScanColumns scanColumns;

  /** The table option that says how often a lookup join reads its table again. */
  public static final String REFRESH_OPTION = "lookup.refresh-interval";

  public PhysicalPlanner(JavaTypeFactory typeFactory, Clock clock, PlannerOptions options) {
    this.typeFactory = typeFactory;
    this.clock = clock;
    this.windows = new WindowLowering(this, typeFactory, options);
    this.joins = new JoinLowering(this, typeFactory, options, clock);
  }

  /** The physical plan of {@code rel}, with exactly its columns. */
  public PhysicalNode lower(RelNode rel) {
    if (scanColumns == null) {
      scanColumns = ScanColumns.of(rel);
    }
    PhysicalNode node = lowerKeepingExtras(rel);
    int width = rel.getRowType().getFieldCount();
    if (node.schema().size() == width) {
      return node;
    }
    int[] keep = new int[width];
    for (int i = 0; i < width; i++) {
      keep[i] = i;
    }
    Schema schema = node.schema().project(keep);
    return new OperatorNode(
        node,
        new CalcFactory(batch -> batch.project(keep), "Calc(project=[" + String.join(", ", schema.names()) + "])"),
        schema,
        node.changelog());
  }

  /**
   * The physical plan of {@code rel}, which may carry extra trailing columns a parent can use
   * (the window end of a group-window SESSION, for SESSION_END).
   */
  private PhysicalNode lowerKeepingExtras(RelNode rel) {
    if (rel instanceof TableScan scan) {
      return scan(scan);
    } else if (rel instanceof Calc calc) {
      return calc(calc);
    } else if (rel instanceof Aggregate aggregate) {
      return aggregate(aggregate);
    } else if (rel instanceof Union union) {
      return union(union);
    } else if (rel instanceof Values values) {
      return values(values);
    } else if (rel instanceof Correlate correlate) {
      return unnest(correlate);
    } else if (rel instanceof Sort sort) {
      throw sortError(sort);
    } else if (rel instanceof Join join) {
      return joins.lower(join);
    } else if (rel instanceof TableFunctionScan scan && WindowLowering.isWindowFunction(scan)) {
      return windows.assign(scan);
    }
    throw unsupported("the operator " + rel.getRelTypeName() + " is not supported");
  }

  private static RivuletException unsupported(String message) {
    return new RivuletException(Category.UNSUPPORTED, message);
  }

  private RivuletException sortError(Sort sort) {
    boolean unbounded = Boundedness.isUnbounded(sort.getInput());
    if (!unbounded) {
      return unsupported("ORDER BY and LIMIT are not supported yet");
    }
    if (sort.getCollation().getFieldCollations().isEmpty()) {
      return unsupported(
          "LIMIT on an unbounded stream is not supported: the stream never ends; aggregate it"
              + " instead, or read a bounded table");
    }
    return unsupported(
        "ORDER BY on an unbounded stream needs a window: a stream never ends, so it cannot be"
            + " sorted as a whole; remove ORDER BY or sort within a windowed aggregate");
  }

  private PhysicalNode scan(TableScan scan) {
    SourceTable table = scan.getTable().unwrap(SourceTable.class);
    if (table == null) {
      throw unsupported("cannot read " + scan.getTable().getQualifiedName());
    }
    SourceObject source = table.source();
    RelDataType rowType = scan.getRowType();
    Schema fullSchema = TypeMapping.toSchema(rowType);
    List<Integer> physicalIndexes = new ArrayList<>();
    List<Integer> processingTime = new ArrayList<>();
    for (int i = 0; i < source.columns().size(); i++) {
      (source.columns().get(i).proctime() ? processingTime : physicalIndexes).add(i);
    }
    Schema physicalSchema =
        fullSchema.project(physicalIndexes.stream().mapToInt(Integer::intValue).toArray());
    java.util.Map<String, String> connectorOptions = new java.util.LinkedHashMap<>(source.options());
    connectorOptions.remove(REFRESH_OPTION);
    Options options = new Options(source.describe(), connectorOptions);
    Connector connector = Connectors.of(options);
    if (!source.stream() && connector.sourceOptions().contains("mode") && !source.options().containsKey("mode")) {
      // A table is bounded and static: read what is there and end.
      java.util.Map<String, String> bounded = new java.util.LinkedHashMap<>(connectorOptions);
      bounded.put("mode", "bounded");
      options = new Options(source.describe(), bounded);
    }
    Options sourceOptions = options;
    connector.validateSource(connectorContext(source, physicalSchema, sourceOptions, 1, Integer.MAX_VALUE, System.out));
    Optional<ScanNode.EventTime> eventTime =
        source
            .watermark()
            .map(
                watermark ->
                    new ScanNode.EventTime(
                        physicalSchema.indexOf(watermark.column()).orElseThrow(),
                        watermark.delay().toMillis()));
    if (eventTime.isEmpty() && !processingTime.isEmpty()) {
      eventTime = Optional.of(ScanNode.EventTime.PROCESSING_TIME);
    }
    boolean[] neededColumns = neededColumns(scan, physicalIndexes, eventTime);
    ScanNode.SourceProvider provider =
        config ->
            connector.createSource(
                new ConnectorContext(
                    source.name(),
                    physicalSchema,
                    sourceOptions,
                    false,
                    config.parallelism(),
                    config.maxRowsPerBatch(),
                    config.console(),
                    neededColumns));
    PhysicalNode node =
        new ScanNode(
            source.name(),
            describe(source.options()) + describeRead(physicalSchema, neededColumns),
            physicalSchema,
            provider,
            eventTime);
    node = rescaleDecimals(node, rowType, physicalIndexes);
    if (!processingTime.isEmpty()) {
      node =
          new OperatorNode(
              node,
              new ProcessingTimeFactory(
                  fullSchema, processingTime.stream().mapToInt(Integer::intValue).toArray(), clock),
              fullSchema,
              false);
    }
    return node;
  }

  /**
   * Gives DECIMAL values read from a source their declared scale ({@code 7} read into a {@code
   * DECIMAL(10, 2)} column is {@code 7.00}), as a database would store them.
   */
  private static PhysicalNode rescaleDecimals(PhysicalNode scan, RelDataType rowType, List<Integer> physicalIndexes) {
    List<int[]> rescaled = new ArrayList<>();
    for (int i = 0; i < physicalIndexes.size(); i++) {
      RelDataType type = rowType.getFieldList().get(physicalIndexes.get(i)).getType();
      if (type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.DECIMAL
          && type.getScale() != RelDataType.SCALE_NOT_SPECIFIED) {
        rescaled.add(new int[] {i, type.getScale()});
      }
    }
    if (rescaled.isEmpty()) {
      return scan;
    }
    Schema schema = scan.schema();
    io.rivulet.runtime.operator.calc.BatchFunction rescale = batch -> {
      io.rivulet.runtime.batch.ColumnVector[] columns = new io.rivulet.runtime.batch.ColumnVector[batch.columnCount()];
      for (int c = 0; c < columns.length; c++) {
        columns[c] = batch.column(c);
      }
      for (int[] column : rescaled) {
        Object[] values = new Object[batch.rowCount()];
        for (int r = 0; r < values.length; r++) {
          java.math.BigDecimal value = (java.math.BigDecimal) batch.get(r, column[0]);
          values[r] = value == null ? null : value.setScale(column[1], java.math.RoundingMode.HALF_UP);
        }
        columns[column[0]] = new io.rivulet.runtime.batch.ObjectVector(
            io.rivulet.runtime.type.DataType.DECIMAL, values, values.length);
      }
      return new Batch(schema, columns, batch.rowCount(), batch.kindCodes());
    };
    return new OperatorNode(scan, new CalcFactory(rescale, "RescaleDecimals()"), schema, false);
  }

  /**
   * Which physical columns of {@code scan} the query reads (the event-time column always), or null
   * when it reads them all.
   */
  private boolean[] neededColumns(
      TableScan scan, List<Integer> physicalIndexes, Optional<ScanNode.EventTime> eventTime) {
    org.apache.calcite.util.ImmutableBitSet used =
        scanColumns == null ? null : scanColumns.used(scan);
    boolean[] needed = new boolean[physicalIndexes.size()];
    boolean all = true;
    for (int i = 0; i < needed.length; i++) {
      needed[i] =
          used == null
              || used.get(physicalIndexes.get(i))
              || eventTime.map(time -> time.column()).orElse(-1) == i;
      all &= needed[i];
    }
    return all ? null : needed;
  }

  private static ConnectorContext connectorContext(SourceObject source, Schema schema, Options options,
      int parallelism, int maxRows, java.io.PrintStream console) {
    return new ConnectorContext(source.name(), schema, options, false, parallelism, maxRows, console);
  }

  /** The columns a scan reads, for EXPLAIN, when it does not read them all. */
  private static String describeRead(Schema schema, boolean[] neededColumns) {
    if (neededColumns == null) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < neededColumns.length; i++) {
      if (neededColumns[i]) {
        names.add(schema.field(i).name());
      }
    }
    return "; reads " + (names.isEmpty() ? "no columns" : String.join(", ", names));
  }

  private static String describe(Map<String, String> options) {
    return options.entrySet().stream()
        .map(e -> e.getKey().equals("connector") ? e.getValue() : e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private PhysicalNode calc(Calc calc) {
    RexProgram program = calc.getProgram();
    for (RexNode expression : program.getExprList()) {
      if (expression instanceof RexCall call) {
        SqlKind kind = call.getKind();
        if (kind == SqlKind.TUMBLE || kind == SqlKind.HOP || kind == SqlKind.SESSION) {
          throw unsupported("a group window (TUMBLE, HOP, SESSION) may only appear in GROUP BY");
        }
      }
    }
    PhysicalNode input = lowerKeepingExtras(calc.getInput());
    int width = calc.getInput().getRowType().getFieldCount();
    if (usesSessionEnd(program)) {
      if (input.schema().size() != width + 1) {
        throw unsupported("SESSION_END needs GROUP BY SESSION(time, gap)");
      }
      program = withSessionEnd(calc, program);
    } else if (input.schema().size() != width) {
      input = lower(calc.getInput());
    }
    Schema outputSchema = TypeMapping.toSchema(calc.getRowType());
    CalcFactory factory =
        new CalcFactory(
            CalcCompiler.compile(program, typeFactory, input.schema(), outputSchema),
            Explain.calc(program));
    return new OperatorNode(input, factory, outputSchema, input.changelog());
  }

  private static boolean usesSessionEnd(RexProgram program) {
    for (RexNode expression : program.getExprList()) {
      if (expression instanceof RexCall call && call.getOperator() == SessionEndFunction.INSTANCE) {
        return true;
      }
    }
    return false;
  }

  /** The program over its input plus the window end column, with SESSION_END reading that column. */
  private RexProgram withSessionEnd(Calc calc, RexProgram program) {
    RelDataType inputType = calc.getInput().getRowType();
    int endColumn = inputType.getFieldCount();
    RelDataType endType = null;
    for (RexNode expression : program.getExprList()) {
      if (expression instanceof RexCall call && call.getOperator() == SessionEndFunction.INSTANCE) {
        endType = call.getType();
      }
    }
    RelDataType extended = typeFactory.builder().addAll(inputType.getFieldList()).add("window_end", endType).build();
    RexShuttle rewrite =
        new RexShuttle() {
          @Override
          public RexNode visitCall(RexCall call) {
            if (call.getOperator() == SessionEndFunction.INSTANCE) {
              return new RexInputRef(endColumn, call.getType());
            }
            return super.visitCall(call);
          }
        };
    List<RexNode> projects = new ArrayList<>();
    for (org.apache.calcite.rex.RexLocalRef ref : program.getProjectList()) {
      projects.add(program.expandLocalRef(ref).accept(rewrite));
    }
    RexNode condition =
        program.getCondition() == null ? null : program.expandLocalRef(program.getCondition()).accept(rewrite);
    return RexProgram.create(
        extended, projects, condition, program.getOutputRowType().getFieldNames(),
        calc.getCluster().getRexBuilder());
  }

  private PhysicalNode aggregate(Aggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      throw unsupported("GROUPING SETS, ROLLUP and CUBE are not supported yet");
    }
    java.util.Optional<PhysicalNode> windowed = windows.lower(aggregate);
    if (windowed.isPresent()) {
      return windowed.get();
    }
    PhysicalNode lowered = lower(aggregate.getInput());
    windowed = windows.windowKeyed(aggregate, lowered);
    if (windowed.isPresent()) {
      return windowed.get();
    }
    Schema outputSchema = TypeMapping.toSchema(aggregate.getRowType());
    Pruned pruned =
        Pruned.of(lowered, aggregate.getGroupSet().toArray(), -1, aggregateCalls(aggregate, outputSchema));
    PhysicalNode input = pruned.input();
    boolean unbounded = Boundedness.isUnbounded(aggregate.getInput());
    Optional<PhysicalNode> counted = countedBeforeExchange(lowered, aggregate.getGroupSet().toArray(),
        aggregateCalls(aggregate, outputSchema), pruned, outputSchema, unbounded);
    if (counted.isPresent()) {
      return counted.get();
    }
    GroupAggregateFactory factory =
        new GroupAggregateFactory(input.schema(), pruned.keys(), pruned.calls(), outputSchema, input.changelog());
    return new OperatorNode(ExchangeNode.hash(input, pruned.keys()), factory, outputSchema, true, unbounded);
  }

  /**
   * A grouped aggregate of only {@code COUNT(*)} and {@code COUNT(column)} over append-only input,
   * counted per key and micro-batch before the exchange and summed after it, so that one row per
   * distinct key crosses the exchange rather than every row (a word count sends a few thousand
   * words per micro-batch instead of hundreds of thousands); empty for any other aggregate.
   */
  private static Optional<PhysicalNode> countedBeforeExchange(
      PhysicalNode unpruned, int[] unprunedKeys, List<AggregateCall> unprunedCalls, Pruned pruned,
      Schema outputSchema, boolean unbounded) {
    PhysicalNode input = pruned.input();
    int[] keys = pruned.keys();
    List<AggregateCall> calls = pruned.calls();
    if (input.changelog() || keys.length == 0 || calls.isEmpty()) {
      return Optional.empty();
    }
    int[] countedColumns = new int[calls.size()];
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      boolean count = call.kind() == AggregateKind.COUNT_STAR || call.kind() == AggregateKind.COUNT;
      if (!count || call.distinct() || call.resultType() != DataType.BIGINT) {
        return Optional.empty();
      }
      countedColumns[i] = call.argument();
    }
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      fields.add(input.schema().field(keys[i]));
    }
    for (AggregateCall call : calls) {
      fields.add(new Field(call.name(), DataType.BIGINT, false, DataType.BIGINT.name()));
    }
    Schema countSchema = new Schema(fields);
    Optional<PhysicalNode> fused = splitCounted(unpruned, unprunedKeys, unprunedCalls, countSchema);
    PhysicalNode local =
        fused.isPresent()
            ? fused.get()
            : new OperatorNode(
                input, new LocalCountFactory(input.schema(), keys, countedColumns, countSchema), countSchema, false);
    int[] countKeys = new int[keys.length];
    List<AggregateCall> sums = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      countKeys[i] = i;
    }
    for (int i = 0; i < calls.size(); i++) {
      sums.add(AggregateCall.of(AggregateKind.SUM, keys.length + i, DataType.BIGINT, calls.get(i).name()));
    }
    GroupAggregateFactory factory =
        new GroupAggregateFactory(countSchema, countKeys, sums, outputSchema, false);
    return Optional.of(
        new OperatorNode(ExchangeNode.hash(local, countKeys), factory, outputSchema, true, unbounded));
  }

  /**
   * The split and the count of a word count fused into one step, which counts the pieces straight
   * from the text: when the counts are keyed by the element of an UNNEST of {@code SPLIT(column,
   * 'constant')} alone (the pruning only passes the element through), without ordinality or
   * LEFT JOIN; empty otherwise. A piece is never null, so {@code COUNT(piece)} is {@code COUNT(*)}.
   */
  private static Optional<PhysicalNode> splitCounted(
      PhysicalNode unpruned, int[] keys, List<AggregateCall> calls, Schema countSchema) {
    if (!(unpruned instanceof OperatorNode unnest)
        || !(unnest.factory() instanceof UnnestFactory factory)
        || !(factory.elements() instanceof UnnestFactory.SplitColumn split)
        || split.delimiter().isEmpty()
        || factory.outer()
        || factory.withOrdinality()
        || unnest.input().changelog()) {
      return Optional.empty();
    }
    int element = factory.outputSchema().size() - 1;
    if (keys.length != 1 || keys[0] != element) {
      return Optional.empty();
    }
    for (AggregateCall call : calls) {
      if (call.argument() >= 0 && call.argument() != element) {
        return Optional.empty();
      }
    }
    PhysicalNode source = unnest.input();
    return Optional.of(
        new OperatorNode(
            source,
            new SplitCountFactory(source.schema(), split.column(), split.delimiter(), countSchema),
            countSchema,
            false));
  }

  /**
   * An aggregate's input narrowed to the columns it reads, so that only they cross the exchange,
   * with its keys, time column and calls renumbered.
   *
   * @param timeColumn the time column of a windowed aggregate, or -1
   */
  record Pruned(PhysicalNode input, int[] keys, int timeColumn, List<AggregateCall> calls) {
    static Pruned of(PhysicalNode input, int[] keys, int timeColumn, List<AggregateCall> calls) {
      java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
      java.util.Arrays.stream(keys).forEach(used::add);
      if (timeColumn >= 0) {
        used.add(timeColumn);
      }
      calls.stream().filter(c -> c.argument() >= 0).forEach(c -> used.add(c.argument()));
      int[] kept = used.stream().mapToInt(Integer::intValue).toArray();
      if (kept.length == input.schema().size()) {
        return new Pruned(input, keys, timeColumn, calls);
      }
      Schema keptSchema = input.schema().project(kept);
      PhysicalNode narrowed = new OperatorNode(
          input,
          new CalcFactory(batch -> batch.project(kept).withSchema(keptSchema),
              "Calc(project=[" + String.join(", ", keptSchema.names()) + "])"),
          keptSchema,
          input.changelog());
      List<AggregateCall> renumbered = new ArrayList<>();
      for (AggregateCall call : calls) {
        renumbered.add(new AggregateCall(call.kind(), call.argument() < 0 ? -1 : indexOf(kept, call.argument()),
            call.distinct(), call.resultType(), call.name()));
      }
      return new Pruned(
          narrowed,
          java.util.Arrays.stream(keys).map(k -> indexOf(kept, k)).toArray(),
          timeColumn < 0 ? -1 : indexOf(kept, timeColumn),
          renumbered);
    }

    private static int indexOf(int[] values, int value) {
      return java.util.Arrays.binarySearch(values, value);
    }
  }

  /** The runtime form of an Aggregate's calls, typed and named by its output columns. */
  List<AggregateCall> aggregateCalls(Aggregate aggregate, Schema outputSchema) {
    int keyCount = aggregate.getGroupCount();
    List<AggregateCall> calls = new ArrayList<>();
    List<org.apache.calcite.rel.core.AggregateCall> relCalls = aggregate.getAggCallList();
    for (int i = 0; i < relCalls.size(); i++) {
      org.apache.calcite.rel.core.AggregateCall call = relCalls.get(i);
      if (call.filterArg >= 0) {
        throw unsupported("aggregate FILTER (WHERE ...) is not supported yet");
      }
      AggregateKind kind =
          switch (call.getAggregation().getKind()) {
            case COUNT -> call.getArgList().isEmpty() ? AggregateKind.COUNT_STAR : AggregateKind.COUNT;
            case SUM, SUM0 -> AggregateKind.SUM;
            case MIN -> AggregateKind.MIN;
            case MAX -> AggregateKind.MAX;
            case AVG -> AggregateKind.AVG;
            default ->
                throw unsupported(
                    "the aggregate function " + call.getAggregation().getName()
                        + " is not supported; use COUNT, SUM, MIN, MAX or AVG");
          };
      if (call.getArgList().size() > 1) {
        throw unsupported(call.getAggregation().getName() + " over several columns is not supported");
      }
      int argument = call.getArgList().isEmpty() ? -1 : call.getArgList().get(0);
      calls.add(
          new AggregateCall(
              kind,
              argument,
              call.isDistinct(),
              outputSchema.type(keyCount + i),
              outputSchema.field(keyCount + i).name()));
    }
    return calls;
  }

  private PhysicalNode union(Union union) {
    if (!union.all) {
      throw unsupported(
          "UNION without ALL must remember every row to remove duplicates; use UNION ALL, or"
              + " SELECT DISTINCT over it");
    }
    Schema schema = TypeMapping.toSchema(union.getRowType());
    List<PhysicalNode> inputs = new ArrayList<>();
    for (RelNode input : union.getInputs()) {
      inputs.add(lower(input));
    }
    boolean anyExchange = inputs.stream().anyMatch(PhysicalPlanner::readsExchange);
    if (anyExchange) {
      // A stage reads either sources or exchanges: move source-reading inputs behind an exchange.
      List<PhysicalNode> aligned = new ArrayList<>();
      for (PhysicalNode input : inputs) {
        aligned.add(
            readsExchange(input)
                ? input
                : new ExchangeNode(input, ExchangeNode.Distribution.ROUND_ROBIN, new int[0]));
      }
      inputs = aligned;
    }
    return new UnionNode(inputs, schema);
  }

  /** Whether the stage fragment ending at {@code node} reads an exchange (not a source). */
  private static boolean readsExchange(PhysicalNode node) {
    if (node instanceof ExchangeNode) {
      return true;
    }
    if (node instanceof ScanNode) {
      return false;
    }
    return node.inputs().stream().anyMatch(PhysicalPlanner::readsExchange);
  }

  private PhysicalNode values(Values values) {
    Schema schema = TypeMapping.toSchema(values.getRowType());
    List<Object[]> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      Object[] row = new Object[tuple.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = literalValue(tuple.get(i), values.getRowType().getFieldList().get(i).getType());
      }
      rows.add(row);
    }
    Batch batch = Batch.ofRows(schema, rows);
    return new ScanNode(
        "values", rows.size() + " rows", schema, config -> new ValuesSource(batch), Optional.empty());
  }

  private Object literalValue(RexLiteral literal, RelDataType type) {
    if (literal.isNull()) {
      return null;
    }
    Class<?> javaClass = (Class<?>) typeFactory.getJavaClass(type);
    if (javaClass.isPrimitive()) {
      javaClass = org.apache.calcite.linq4j.tree.Primitive.box(javaClass);
    }
    return literal.getValueAs(javaClass);
  }

  private PhysicalNode unnest(Correlate correlate) {
    RelNode right = correlate.getRight();
    if (!(right instanceof Uncollect uncollect)) {
      throw unsupported("correlated subqueries are not supported yet");
    }
    RexNode arrayExpression = null;
    if (uncollect.getInput() instanceof Calc calc
        && calc.getProgram().getProjectList().size() == 1
        && calc.getProgram().getCondition() == null
        && calc.getInput() instanceof Values) {
      arrayExpression = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(0));
    }
    if (arrayExpression == null) {
      throw unsupported(
          "UNNEST is supported over an expression of the row, e.g. CROSS JOIN UNNEST(SPLIT(line, ' '))");
    }
    if (correlate.getJoinType() != JoinRelType.INNER && correlate.getJoinType() != JoinRelType.LEFT) {
      throw unsupported("only CROSS JOIN UNNEST and LEFT JOIN UNNEST are supported");
    }
    // The array is an expression over the correlated row: read its fields as input columns.
    RexNode overInput =
        arrayExpression.accept(
            new RexShuttle() {
              @Override
              public RexNode visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexCorrelVariable) {
                  return new RexInputRef(access.getField().getIndex(), access.getType());
                }
                return super.visitFieldAccess(access);
              }
            });
    PhysicalNode input = lower(correlate.getLeft());
    RelDataType leftType = correlate.getLeft().getRowType();
    int leftWidth = leftType.getFieldCount();
    int elementColumns = uncollect.withOrdinality ? 2 : 1;
    Schema outputSchema = TypeMapping.toSchema(correlate.getRowType());
    if (outputSchema.size() != leftWidth + elementColumns) {
      throw unsupported("UNNEST of arrays of rows is not supported yet");
    }
    boolean outer = correlate.getJoinType() == JoinRelType.LEFT;
    // SPLIT by a constant is cut straight into the element column, with no array per row.
    Optional<String> delimiter =
        outputSchema.type(leftWidth) == DataType.VARCHAR
            ? constantSplitDelimiter(overInput)
            : Optional.empty();
    RexNode flattened = delimiter.isPresent() ? ((RexCall) overInput).getOperands().get(0) : overInput;
    PhysicalNode withSource = input;
    int column;
    if (flattened instanceof RexInputRef ref) {
      column = ref.getIndex();
    } else {
      // An expression over the correlated row: evaluate it as an extra column, which the
      // unnest drops again.
      RexBuilder rexBuilder = correlate.getCluster().getRexBuilder();
      List<RexNode> projects = new ArrayList<>();
      List<String> names = new ArrayList<>(leftType.getFieldNames());
      for (int i = 0; i < leftWidth; i++) {
        projects.add(rexBuilder.makeInputRef(correlate.getLeft(), i));
      }
      projects.add(flattened);
      names.add("$unnest");
      RexProgram program = RexProgram.create(leftType, projects, null, names, rexBuilder);
      Schema withColumn = TypeMapping.toSchema(program.getOutputRowType());
      withSource =
          new OperatorNode(
              input,
              new CalcFactory(
                  CalcCompiler.compile(program, typeFactory, input.schema(), withColumn),
                  Explain.calc(program)),
              withColumn,
              input.changelog());
      column = leftWidth;
    }
    UnnestFactory.Elements elements =
        delimiter.isPresent()
            ? new UnnestFactory.SplitColumn(column, delimiter.get())
            : new UnnestFactory.ArrayColumn(column);
    // The carried columns nothing above reads (the lines of a word count) are not copied per element.
    ImmutableBitSet used = scanColumns == null ? null : scanColumns.used(correlate);
    boolean[] unread = new boolean[leftWidth];
    boolean anyUnread = false;
    for (int c = 0; c < leftWidth; c++) {
      unread[c] = used != null && !used.get(c);
      anyUnread |= unread[c];
    }
    return new OperatorNode(
        withSource,
        new UnnestFactory(
            withSource.schema(),
            outputSchema,
            elements,
            outer,
            uncollect.withOrdinality,
            anyUnread ? unread : null),
        outputSchema,
        input.changelog());
  }

  /**
   * The delimiter of {@code SPLIT(text)} or {@code SPLIT(text, 'literal')} over character
   * strings, whose pieces the unnest can cut itself; empty for any other array expression.
   */
  private static Optional<String> constantSplitDelimiter(RexNode expression) {
    if (!(expression instanceof RexCall call)
        || call.getOperator() != SqlLibraryOperators.SPLIT
        || !SqlTypeUtil.inCharFamily(call.getOperands().get(0).getType())) {
      return Optional.empty();
    }
    if (call.getOperands().size() == 1) {
      return Optional.of(","); // SPLIT's default, as in BigQuery
    }
    if (call.getOperands().size() == 2
        && call.getOperands().get(1) instanceof RexLiteral literal
        && !literal.isNull()
        && SqlTypeUtil.inCharFamily(literal.getType())) {
      return Optional.ofNullable(literal.getValueAs(String.class));
    }
    return Optional.empty();
  }
}
