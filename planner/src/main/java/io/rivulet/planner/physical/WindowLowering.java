package io.rivulet.planner.physical;

import io.rivulet.planner.PlannerOptions;
import io.rivulet.planner.calcite.TypeMapping;
import io.rivulet.planner.codegen.CalcCompiler;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.operator.calc.CalcFactory;
import io.rivulet.runtime.operator.window.EmitMode;
import io.rivulet.runtime.operator.window.WindowAggregateFactory;
import io.rivulet.runtime.operator.window.WindowAssignFactory;
import io.rivulet.runtime.operator.window.WindowedGroupAggregateFactory;
import io.rivulet.runtime.operator.window.WindowSpec;
import io.rivulet.runtime.plan.ExchangeNode;
import io.rivulet.runtime.plan.OperatorNode;
import io.rivulet.runtime.plan.PhysicalNode;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWindowTableFunction;

/**
 * Recognises windowed aggregates in both syntaxes and lowers them to one window operator: the
 * group-window form ({@code GROUP BY TUMBLE(ts, size), k}: a {@code $TUMBLE} call in the Calc under
 * the Aggregate) and the table-function form ({@code FROM TABLE(TUMBLE(TABLE s, DESCRIPTOR(ts),
 * size)) GROUP BY window_start, window_end, k}: a window TableFunctionScan under the Aggregate).
 * In both, the window column is replaced by the time column itself, the window operator assigns
 * windows, and a projection restores the Aggregate's column order.
 */
final class WindowLowering {
  private final PhysicalPlanner planner;
  private final JavaTypeFactory typeFactory;
  private final PlannerOptions options;

  WindowLowering(PhysicalPlanner planner, JavaTypeFactory typeFactory, PlannerOptions options) {
    this.planner = planner;
    this.typeFactory = typeFactory;
    this.options = options;
  }

  /** The lowered windowed aggregate, or empty when {@code aggregate} has no window. */
  Optional<PhysicalNode> lower(Aggregate aggregate) {
    Optional<PhysicalNode> groupWindow = groupWindow(aggregate);
    return groupWindow.isPresent() ? groupWindow : tableFunctionWindow(aggregate);
  }

  private static RivuletException unsupported(String message) {
    return new RivuletException(Category.UNSUPPORTED, message);
  }

  private static boolean isWindowCall(RexNode node) {
    SqlKind kind = node.getKind();
    return kind == SqlKind.TUMBLE || kind == SqlKind.HOP || kind == SqlKind.SESSION;
  }

  private Optional<PhysicalNode> groupWindow(Aggregate aggregate) {
    if (!(aggregate.getInput() instanceof Calc calc)) {
      return Optional.empty();
    }
    RexProgram program = calc.getProgram();
    List<RexNode> projects = expandedProjects(program);
    int windowKey = -1;
    for (int i = 0; i < projects.size(); i++) {
      if (isWindowCall(projects.get(i))) {
        if (!aggregate.getGroupSet().get(i)) {
          throw unsupported("a group window (TUMBLE, HOP, SESSION) may only appear in GROUP BY");
        }
        if (windowKey >= 0) {
          throw unsupported("a GROUP BY may have only one group window");
        }
        windowKey = i;
      }
    }
    if (windowKey < 0) {
      return Optional.empty();
    }
    RexCall window = (RexCall) projects.get(windowKey);
    RexNode time = window.getOperands().get(0);
    if (!(time instanceof RexInputRef timeColumn)) {
      throw unsupported("a group window must be on a column, not on an expression: " + window);
    }
    String timeName = calc.getInput().getRowType().getFieldNames().get(timeColumn.getIndex());
    requireTimeAttribute(calc.getInput(), timeColumn.getIndex(), timeName);
    WindowSpec spec =
        switch (window.getKind()) {
          case TUMBLE -> new WindowSpec.Tumble(millis(window, 1), optionalMillis(window, 2));
          case HOP -> new WindowSpec.Hop(millis(window, 1), millis(window, 2), optionalMillis(window, 3));
          default -> new WindowSpec.Session(millis(window, 1));
        };
    List<RexNode> rewritten = new ArrayList<>(projects);
    rewritten.set(windowKey, time);
    RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
    List<String> names = new ArrayList<>(program.getOutputRowType().getFieldNames());
    names.set(windowKey, uniqueName(names, timeName));
    RexProgram timed =
        RexProgram.create(
            calc.getInput().getRowType(), rewritten, condition, names, calc.getCluster().getRexBuilder());
    PhysicalNode input = planner.lower(calc.getInput());
    PhysicalNode calcNode = compile(input, timed);
    return Optional.of(
        windowAggregate(aggregate, calcNode, windowKey, -1, windowKey, spec, spec instanceof WindowSpec.Session));
  }

  private Optional<PhysicalNode> tableFunctionWindow(Aggregate aggregate) {
    RelNode below = aggregate.getInput();
    Calc between = null;
    if (below instanceof Calc calc && calc.getInput() instanceof TableFunctionScan) {
      between = calc;
      below = calc.getInput();
    }
    if (!(below instanceof TableFunctionScan scan)
        || !(scan.getCall() instanceof RexCall invocation)
        || !(invocation.getOperator() instanceof SqlWindowTableFunction)) {
      return Optional.empty();
    }
    RelNode source = scan.getInputs().get(0);
    int width = source.getRowType().getFieldCount();
    WindowFunction function = windowFunction(invocation, source);
    int timeIndex = function.timeColumn();
    String timeName = source.getRowType().getFieldNames().get(timeIndex);
    List<Integer> sessionKeys = function.sessionKeys();
    WindowSpec spec = function.spec();
    RexBuilder rexBuilder = scan.getCluster().getRexBuilder();
    RexNode time = rexBuilder.makeInputRef(source, timeIndex);
    // The scan's columns, computed from its input: the window columns stand for the time column.
    List<RexNode> scanColumns = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      scanColumns.add(rexBuilder.makeInputRef(source, i));
    }
    scanColumns.add(time);
    scanColumns.add(time);
    List<RexNode> projects;
    RexNode condition = null;
    List<String> names;
    if (between == null) {
      projects = scanColumns;
      names = scan.getRowType().getFieldNames();
    } else {
      RexProgram program = between.getProgram();
      RexShuttle overSource = new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return scanColumns.get(ref.getIndex());
        }
      };
      projects = new ArrayList<>();
      for (RexNode project : expandedProjects(program)) {
        if (!(project instanceof RexInputRef) && usesAny(project, width, width + 1)) {
          throw unsupported("window_start and window_end may only be selected or grouped by, not computed on,"
              + " below the aggregate");
        }
        projects.add(project.accept(overSource));
      }
      if (program.getCondition() != null) {
        RexNode expanded = program.expandLocalRef(program.getCondition());
        if (usesAny(expanded, width, width + 1)) {
          throw unsupported("filter on window_start or window_end after the aggregate (HAVING), not before it");
        }
        condition = expanded.accept(overSource);
      }
      names = program.getOutputRowType().getFieldNames();
    }
    int startPosition = positionOf(between, width, width);
    int endPosition = positionOf(between, width + 1, width);
    if (startPosition < 0 || endPosition < 0
        || !aggregate.getGroupSet().get(startPosition) || !aggregate.getGroupSet().get(endPosition)) {
      throw unsupported("an aggregate over a window table function must GROUP BY window_start and window_end");
    }
    if (spec instanceof WindowSpec.Session) {
      Set<Integer> groupedColumns = new HashSet<>();
      for (int key : aggregate.getGroupSet()) {
        if (key != startPosition && key != endPosition) {
          groupedColumns.add(sourceColumn(between, key));
        }
      }
      if (!groupedColumns.equals(new HashSet<>(sessionKeys))) {
        throw unsupported("a SESSION window table function must GROUP BY window_start, window_end and exactly"
            + " its DESCRIPTOR key columns");
      }
    }
    // Rows are placed in windows by the time column itself where the query keeps it.
    int timeColumn = startPosition;
    for (int i = 0; i < projects.size(); i++) {
      if (i != startPosition && i != endPosition
          && projects.get(i) instanceof RexInputRef ref && ref.getIndex() == timeIndex) {
        timeColumn = i;
      }
    }
    if (timeColumn == startPosition) {
      names = new ArrayList<>(names);
      names.set(startPosition, uniqueName(names, timeName));
    }
    RexProgram timed = RexProgram.create(source.getRowType(), projects, condition, names, rexBuilder);
    PhysicalNode calcNode = compile(planner.lower(source), timed);
    return Optional.of(
        windowAggregate(aggregate, calcNode, startPosition, endPosition, timeColumn, spec, false));
  }

  /** {@code name}, or a variant of it that is not among {@code names}. */
  private static String uniqueName(List<String> names, String name) {
    String unique = name;
    for (int i = 1; names.contains(unique); i++) {
      unique = name + "$" + i;
    }
    return unique;
  }

  /** A window table function's window, the time column it is on, and a session's key columns. */
  private record WindowFunction(WindowSpec spec, int timeColumn, List<Integer> sessionKeys) {}

  private static WindowFunction windowFunction(RexCall invocation, RelNode source) {
    List<RexNode> operands = invocation.getOperands();
    int timeIndex = descriptorColumns(operands.get(0)).get(0);
    String timeName = source.getRowType().getFieldNames().get(timeIndex);
    requireTimeAttribute(source, timeIndex, timeName);
    String function = invocation.getOperator().getName().toUpperCase(Locale.ROOT);
    switch (function) {
      case "TUMBLE":
        return new WindowFunction(
            new WindowSpec.Tumble(millis(invocation, 1), optionalMillis(invocation, 2)), timeIndex, List.of());
      case "HOP":
        return new WindowFunction(
            new WindowSpec.Hop(millis(invocation, 1), millis(invocation, 2), optionalMillis(invocation, 3)),
            timeIndex, List.of());
      case "SESSION":
        if (operands.size() == 3) {
          return new WindowFunction(
              new WindowSpec.Session(millis(invocation, 2)), timeIndex, descriptorColumns(operands.get(1)));
        }
        return new WindowFunction(new WindowSpec.Session(millis(invocation, 1)), timeIndex, List.of());
      default:
        throw unsupported("the window function " + function + " is not supported");
    }
  }

  /**
   * The window column of a window table function that {@code column} of {@code rel} passes on
   * unchanged, through projections and the keys of windowed aggregates: 0 for window_start, 1 for
   * window_end; empty for any other column.
   */
  static Optional<Integer> windowColumn(RelNode rel, int column) {
    if (rel instanceof Calc calc) {
      RexNode expression = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(column));
      return expression instanceof RexInputRef ref ? windowColumn(calc.getInput(), ref.getIndex()) : Optional.empty();
    }
    if (rel instanceof Aggregate aggregate && column < aggregate.getGroupCount()) {
      return windowColumn(aggregate.getInput(), aggregate.getGroupSet().nth(column));
    }
    if (rel instanceof TableFunctionScan scan && isWindowFunction(scan)) {
      int width = scan.getInputs().get(0).getRowType().getFieldCount();
      return column >= width ? Optional.of(column - width) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * An aggregate grouped by window_start and window_end of rows that already carry their window
   * (the output of a windowed aggregate): one row per group once the watermark reaches its end.
   *
   * @param input the aggregate's input, already lowered
   */
  Optional<PhysicalNode> windowKeyed(Aggregate aggregate, PhysicalNode input) {
    int start = -1;
    int end = -1;
    for (int key : aggregate.getGroupSet()) {
      Optional<Integer> window = windowColumn(aggregate.getInput(), key);
      if (window.isPresent()) {
        if (window.get() == 0) {
          start = key;
        } else {
          end = key;
        }
      }
    }
    if (start < 0 || end < 0 || input.changelog()) {
      return Optional.empty();
    }
    Schema outputSchema = TypeMapping.toSchema(aggregate.getRowType());
    int[] keys = aggregate.getGroupSet().toArray();
    List<AggregateCall> calls = planner.aggregateCalls(aggregate, outputSchema);
    WindowedGroupAggregateFactory factory =
        new WindowedGroupAggregateFactory(input.schema(), keys, end, calls, outputSchema);
    return Optional.of(new OperatorNode(ExchangeNode.hash(input, keys), factory, outputSchema, false));
  }

  /** Whether {@code rel} is a window table function (TUMBLE, HOP, SESSION) over one input. */
  static boolean isWindowFunction(RelNode rel) {
    return rel instanceof TableFunctionScan scan
        && scan.getCall() instanceof RexCall invocation
        && invocation.getOperator() instanceof SqlWindowTableFunction;
  }

  /**
   * A window table function read as rows, not aggregated: each row with its window_start and
   * window_end (one row per window for HOP).
   */
  PhysicalNode assign(TableFunctionScan scan) {
    RelNode source = scan.getInputs().get(0);
    WindowFunction function = windowFunction((RexCall) scan.getCall(), source);
    if (function.spec() instanceof WindowSpec.Session) {
      throw unsupported("SESSION windows can only be aggregated: GROUP BY window_start, window_end and the"
          + " session key");
    }
    PhysicalNode input = planner.lower(source);
    Schema schema = TypeMapping.toSchema(scan.getRowType());
    return new OperatorNode(
        input, new WindowAssignFactory(schema, function.timeColumn(), function.spec()), schema, input.changelog());
  }

  /** Where column {@code scanColumn} of the window scan ends up in the Calc above it, or -1. */
  private static int positionOf(Calc between, int scanColumn, int width) {
    if (between == null) {
      return scanColumn;
    }
    List<RexNode> projects = expandedProjects(between.getProgram());
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == scanColumn) {
        return i;
      }
    }
    return -1;
  }

  /** The scan input column a grouped column is, or -1 when it is computed. */
  private static int sourceColumn(Calc between, int position) {
    if (between == null) {
      return position;
    }
    RexNode project = expandedProjects(between.getProgram()).get(position);
    return project instanceof RexInputRef ref ? ref.getIndex() : -1;
  }

  private static boolean usesAny(RexNode node, int... columns) {
    boolean[] found = {false};
    node.accept(new RexVisitorImpl<Void>(true) {
      @Override
      public Void visitInputRef(RexInputRef ref) {
        for (int column : columns) {
          found[0] |= ref.getIndex() == column;
        }
        return null;
      }
    });
    return found[0];
  }

  private static List<Integer> descriptorColumns(RexNode descriptor) {
    List<Integer> columns = new ArrayList<>();
    for (RexNode operand : ((RexCall) descriptor).getOperands()) {
      columns.add(((RexInputRef) operand).getIndex());
    }
    return columns;
  }

  private static List<RexNode> expandedProjects(RexProgram program) {
    List<RexNode> projects = new ArrayList<>();
    for (RexLocalRef ref : program.getProjectList()) {
      projects.add(program.expandLocalRef(ref));
    }
    return projects;
  }

  private static long millis(RexCall call, int operand) {
    RexNode node = call.getOperands().get(operand);
    if (!(node instanceof RexLiteral literal)) {
      throw unsupported("window sizes must be constant INTERVALs, not " + node);
    }
    Long value = literal.getValueAs(Long.class);
    if (value == null || value <= 0) {
      throw unsupported("window sizes must be positive INTERVALs, not " + node);
    }
    return value;
  }

  private static long optionalMillis(RexCall call, int operand) {
    if (call.getOperands().size() <= operand) {
      return 0;
    }
    Long value = ((RexLiteral) call.getOperands().get(operand)).getValueAs(Long.class);
    return value == null ? 0 : value;
  }

  private static TimeAttributes.Kind requireTimeAttribute(RelNode input, int column, String name) {
    return TimeAttributes.of(input, column)
        .orElseThrow(() -> new RivuletException(Category.VALIDATION,
            "column '" + name + "' is not a time attribute, so it cannot define a window; declare it"
                + " with WATERMARK FOR " + name + " AS " + name + " - INTERVAL '...' SECOND in CREATE STREAM,"
                + " or window on a PROCTIME() column"));
  }

  private PhysicalNode compile(PhysicalNode input, RexProgram program) {
    Schema schema = TypeMapping.toSchema(program.getOutputRowType());
    return new OperatorNode(
        input,
        new CalcFactory(CalcCompiler.compile(program, typeFactory, input.schema(), schema), Explain.calc(program)),
        schema,
        input.changelog());
  }

  /**
   * The window operator over {@code input} (hash-partitioned on the other group keys), followed by
   * a projection into the Aggregate's column order.
   *
   * @param startPosition the input column grouped as the window (start)
   * @param endPosition the input column grouped as the window end, or -1 (group-window form)
   * @param timeColumn the input column holding each row's time
   * @param appendEnd whether to append window_end as an extra last column (for SESSION_END)
   */
  private PhysicalNode windowAggregate(Aggregate aggregate, PhysicalNode input, int startPosition,
      int endPosition, int timeColumn, WindowSpec spec, boolean appendEnd) {
    if (input.changelog()) {
      throw unsupported("a windowed aggregate over an updating input is not supported");
    }
    int[] groupSet = aggregate.getGroupSet().toArray();
    int[] otherKeys = Arrays.stream(groupSet).filter(k -> k != startPosition && k != endPosition).toArray();
    Schema aggregateSchema = TypeMapping.toSchema(aggregate.getRowType());
    List<AggregateCall> calls = planner.aggregateCalls(aggregate, aggregateSchema);
    // Only the columns the window operator reads cross the exchange.
    PhysicalPlanner.Pruned pruned = PhysicalPlanner.Pruned.of(input, otherKeys, timeColumn, calls);
    Schema keptSchema = pruned.input().schema();
    int[] prunedKeys = pruned.keys();
    List<AggregateCall> prunedCalls = pruned.calls();
    Schema windowSchema = WindowAggregateFactory.outputSchemaOf(keptSchema, prunedKeys, prunedCalls);
    EmitMode emit = options.windowEmit();
    WindowAggregateFactory factory = new WindowAggregateFactory(keptSchema, pruned.timeColumn(), spec,
        prunedKeys, prunedCalls, windowSchema, emit, options.latePolicy());
    boolean changelog = emit == EmitMode.EVERY_BATCH;
    PhysicalNode window =
        new OperatorNode(ExchangeNode.hash(pruned.input(), prunedKeys), factory, windowSchema, changelog);
    int windowStart = otherKeys.length;
    int[] order = new int[groupSet.length + calls.size() + (appendEnd ? 1 : 0)];
    for (int i = 0; i < groupSet.length; i++) {
      int key = groupSet[i];
      if (key == startPosition) {
        order[i] = windowStart;
      } else if (key == endPosition) {
        order[i] = windowStart + 1;
      } else {
        order[i] = indexOf(otherKeys, key);
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      order[groupSet.length + i] = windowStart + 2 + i;
    }
    List<Field> fields = new ArrayList<>(aggregateSchema.fields());
    if (appendEnd) {
      order[order.length - 1] = windowStart + 1;
      fields.add(new Field("window_end", DataType.TIMESTAMP, false, "TIMESTAMP(3)"));
    }
    Schema outputSchema = new Schema(fields);
    String description = "Calc(project=[" + Arrays.stream(order)
        .mapToObj(i -> windowSchema.field(i).name()).collect(Collectors.joining(", ")) + "])";
    PhysicalNode reordered = new OperatorNode(
        window,
        new CalcFactory(batch -> batch.project(order).withSchema(outputSchema), description),
        outputSchema,
        changelog);
    return reordered;
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    throw new IllegalStateException(value + " not among " + Arrays.toString(values));
  }
}
