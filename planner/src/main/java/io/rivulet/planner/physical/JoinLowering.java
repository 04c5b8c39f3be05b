package io.rivulet.planner.physical;

import io.rivulet.planner.PlannerOptions;
import io.rivulet.planner.calcite.SourceTable;
import io.rivulet.planner.calcite.TypeMapping;
import io.rivulet.planner.codegen.CalcCompiler;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Durations;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.exec.MicroBatchQuery;
import io.rivulet.runtime.exec.QueryConfig;
import io.rivulet.runtime.exec.QueryStatus;
import io.rivulet.runtime.operator.calc.CalcFactory;
import io.rivulet.runtime.operator.join.HashJoinFactory;
import io.rivulet.runtime.operator.join.IntervalJoinFactory;
import io.rivulet.runtime.operator.join.JoinType;
import io.rivulet.runtime.operator.join.LookupJoinFactory;
import io.rivulet.runtime.operator.join.TableSnapshotLoader;
import io.rivulet.runtime.operator.join.WindowJoinFactory;
import io.rivulet.runtime.plan.BinaryNode;
import io.rivulet.runtime.plan.ExchangeNode;
import io.rivulet.runtime.plan.OperatorNode;
import io.rivulet.runtime.plan.PhysicalNode;
import io.rivulet.runtime.plan.StageGraph;
import io.rivulet.runtime.type.Schema;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Lowers joins by what their inputs are: a stream with a bounded table becomes a lookup join
 * (the table read whole and shared by all partitions); two streams windowed alike and joined on
 * window_start and window_end a window join; two streams with a time bound between their time
 * attributes an interval join; anything else a regular hash join, whose state is unbounded unless
 * {@code 'state.ttl'} bounds it.
 */
final class JoinLowering {
  /** Where the rows of a lookup table are printed if its plan has a console sink (never). */
  private static final PrintStream NOWHERE = new PrintStream(PrintStream.nullOutputStream());

  private final PhysicalPlanner planner;
  private final JavaTypeFactory typeFactory;
  private final PlannerOptions options;
  private final Clock clock;

  JoinLowering(PhysicalPlanner planner, JavaTypeFactory typeFactory, PlannerOptions options, Clock clock) {
    this.planner = planner;
    this.typeFactory = typeFactory;
    this.options = options;
    this.clock = clock;
  }

  private static RivuletException unsupported(String message) {
    return new RivuletException(Category.UNSUPPORTED, message);
  }

  PhysicalNode lower(Join join) {
    JoinInfo info = join.analyzeCondition();
    JoinType type = joinType(join.getJoinType());
    boolean leftStream = Boundedness.isUnbounded(join.getLeft());
    boolean rightStream = Boundedness.isUnbounded(join.getRight());
    List<RexNode> others = new ArrayList<>();
    for (RexNode condition : info.nonEquiConditions) {
      others.addAll(RelOptUtil.conjunctions(condition));
    }
    if (leftStream && !rightStream) {
      return lookup(join, info.leftKeys.toIntArray(), info.rightKeys.toIntArray(), type, others, false);
    }
    if (!leftStream && rightStream) {
      return lookup(join, info.rightKeys.toIntArray(), info.leftKeys.toIntArray(), type, others, true);
    }
    if (leftStream) {
      Optional<PhysicalNode> windowJoin = windowJoin(join, info, type, others);
      if (windowJoin.isPresent()) {
        return windowJoin.get();
      }
      Optional<PhysicalNode> intervalJoin = intervalJoin(join, info, type, others);
      if (intervalJoin.isPresent()) {
        return intervalJoin.get();
      }
    }
    return regular(join, info, type, others, leftStream);
  }

  private static JoinType joinType(JoinRelType type) {
    return switch (type) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      case SEMI -> JoinType.SEMI;
      case ANTI -> JoinType.ANTI;
      default -> throw unsupported("the join type " + type + " is not supported");
    };
  }

  /** Inner joins may keep extra conditions as a filter on the joined rows; others may not. */
  private PhysicalNode withResidualFilter(PhysicalNode joined, Join join, JoinType type, List<RexNode> others) {
    if (others.isEmpty()) {
      return joined;
    }
    if (type != JoinType.INNER) {
      throw unsupported(
          "a " + type + " join may only compare columns with = (besides time bounds); move the other"
              + " conditions into a WHERE clause or a subquery");
    }
    RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    RexNode condition = RexUtil.composeConjunction(rexBuilder, others);
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < join.getRowType().getFieldCount(); i++) {
      projects.add(rexBuilder.makeInputRef(join, i));
    }
    RexProgram program =
        RexProgram.create(join.getRowType(), projects, condition, join.getRowType().getFieldNames(), rexBuilder);
    return new OperatorNode(
        joined,
        new CalcFactory(CalcCompiler.compile(program, typeFactory, joined.schema(), joined.schema()),
            Explain.calc(program)),
        joined.schema(),
        joined.changelog());
  }

  private PhysicalNode lookup(
      Join join, int[] streamKeys, int[] tableKeys, JoinType type, List<RexNode> others, boolean tableOnLeft) {
    if (streamKeys.length == 0) {
      throw unsupported("a join of a stream with a table needs an equality between their columns, e.g."
          + " ON s.user_id = t.id (for NOT IN, write NOT EXISTS (SELECT 1 FROM t WHERE t.id = s.user_id))");
    }
    RelNode streamRel = tableOnLeft ? join.getRight() : join.getLeft();
    RelNode tableRel = tableOnLeft ? join.getLeft() : join.getRight();
    if (tableOnLeft) {
      if (type == JoinType.RIGHT) {
        type = JoinType.LEFT;
      } else if (type != JoinType.INNER) {
        throw unsupported("a " + type + " join that keeps every row of a table joined with a stream is"
            + " not supported: the stream never ends; put the stream on the left");
      }
    } else if (type == JoinType.RIGHT || type == JoinType.FULL) {
      throw unsupported("a " + type + " join that keeps every row of a table joined with a stream is"
          + " not supported: the stream never ends; use INNER or LEFT JOIN");
    }
    PhysicalNode stream = planner.lower(streamRel);
    PhysicalNode table = planner.lower(tableRel);
    Schema tableSchema = table.schema();
    String tableName = tableName(tableRel);
    Schema schema = TypeMapping.toSchema(join.getRowType());
    Schema streamFirst =
        type == JoinType.SEMI || type == JoinType.ANTI || !tableOnLeft
            ? schema
            : stream.schema().concat(tableSchema);
    LookupJoinFactory factory = new LookupJoinFactory(
        stream.schema(), streamKeys, tableName, tableSchema, tableKeys, type, streamFirst,
        snapshotLoader(table), refreshInterval(tableRel), clock);
    PhysicalNode joined = new OperatorNode(stream, factory, streamFirst, stream.changelog());
    if (tableOnLeft && type != JoinType.SEMI && type != JoinType.ANTI) {
      // The operator emits stream columns first; the query wrote the table first.
      int tableWidth = tableSchema.size();
      int streamWidth = stream.schema().size();
      int[] order = new int[tableWidth + streamWidth];
      for (int i = 0; i < tableWidth; i++) {
        order[i] = streamWidth + i;
      }
      for (int i = 0; i < streamWidth; i++) {
        order[tableWidth + i] = i;
      }
      joined = new OperatorNode(joined,
          new CalcFactory(batch -> batch.project(order).withSchema(schema), "Calc(project=["
              + String.join(", ", schema.names()) + "])"),
          schema, joined.changelog());
    }
    return withResidualFilter(joined, join, type, others);
  }

  private static String tableName(RelNode rel) {
    if (rel instanceof TableScan scan) {
      return String.join(".", scan.getTable().getQualifiedName());
    }
    for (RelNode input : rel.getInputs()) {
      String name = tableName(input);
      if (!name.isEmpty()) {
        return name;
      }
    }
    return "";
  }

  private static Duration refreshInterval(RelNode rel) {
    if (rel instanceof TableScan scan) {
      SourceTable table = scan.getTable().unwrap(SourceTable.class);
      String interval = table == null ? null : table.source().options().get(PhysicalPlanner.REFRESH_OPTION);
      if (interval == null) {
        return Duration.ZERO;
      }
      try {
        return Durations.parse(interval);
      } catch (IllegalArgumentException e) {
        throw new RivuletException(Category.CONNECTOR,
            table.source().describe() + " option '" + PhysicalPlanner.REFRESH_OPTION + "': " + e.getMessage());
      }
    }
    for (RelNode input : rel.getInputs()) {
      Duration interval = refreshInterval(input);
      if (!interval.isZero()) {
        return interval;
      }
    }
    return Duration.ZERO;
  }

  /** Reads a bounded plan to its end by running it as a query of its own. */
  private static TableSnapshotLoader snapshotLoader(PhysicalNode table) {
    StageGraph graph = StageGraph.of(table);
    Schema schema = table.schema();
    return () -> {
      List<Batch> rows = new ArrayList<>();
      Sink collect = new Sink() {
        @Override
        public synchronized void write(long batchId, int partition, Batch batch) {
          rows.add(batch);
        }

        @Override
        public void commit(long batchId) {}
      };
      MicroBatchQuery query = new MicroBatchQuery("table", graph, collect,
          new QueryConfig(1, Duration.ZERO, Integer.MAX_VALUE, NOWHERE));
      query.start();
      query.awaitTermination();
      if (query.status() == QueryStatus.FAILED) {
        Throwable failure = query.failure().orElseThrow();
        if (failure instanceof Exception exception) {
          throw exception;
        }
        throw new IllegalStateException(failure);
      }
      synchronized (collect) {
        return rows.isEmpty() ? Batch.empty(schema) : Batch.concat(schema, rows).withKinds(null);
      }
    };
  }

  private PhysicalNode regular(Join join, JoinInfo info, JoinType type, List<RexNode> others, boolean streams) {
    if (info.leftKeys.isEmpty()) {
      throw unsupported("a join of two streams needs an equality between their columns (a cross join of"
          + " streams would keep every row for ever), or a time bound: a window join or an interval join");
    }
    PhysicalNode left = planner.lower(join.getLeft());
    PhysicalNode right = planner.lower(join.getRight());
    int[] leftKeys = info.leftKeys.toIntArray();
    int[] rightKeys = info.rightKeys.toIntArray();
    Schema schema = TypeMapping.toSchema(join.getRowType());
    Duration ttl = options.stateTtl();
    HashJoinFactory factory = new HashJoinFactory(
        left.schema(), leftKeys, right.schema(), rightKeys, type, schema, ttl, clock);
    boolean changelog = left.changelog() || right.changelog() || type != JoinType.INNER
        && type != JoinType.SEMI;
    PhysicalNode joined = new BinaryNode(
        ExchangeNode.hash(left, leftKeys), ExchangeNode.hash(right, rightKeys), factory, schema, changelog,
        streams && ttl.isZero());
    return withResidualFilter(joined, join, type, others);
  }

  private static Optional<Integer> windowColumn(RelNode rel, int column) {
    return WindowLowering.windowColumn(rel, column);
  }

  private Optional<PhysicalNode> windowJoin(Join join, JoinInfo info, JoinType type, List<RexNode> others) {
    int leftStart = -1;
    int leftEnd = -1;
    int rightStart = -1;
    int rightEnd = -1;
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    for (int i = 0; i < info.leftKeys.size(); i++) {
      int l = info.leftKeys.get(i);
      int r = info.rightKeys.get(i);
      Optional<Integer> lw = windowColumn(join.getLeft(), l);
      Optional<Integer> rw = windowColumn(join.getRight(), r);
      if (lw.isPresent() && lw.equals(rw)) {
        if (lw.get() == 0) {
          leftStart = l;
          rightStart = r;
        } else {
          leftEnd = l;
          rightEnd = r;
        }
      } else {
        leftKeys.add(l);
        rightKeys.add(r);
      }
    }
    if (leftStart < 0 || leftEnd < 0) {
      return Optional.empty();
    }
    PhysicalNode left = planner.lower(join.getLeft());
    PhysicalNode right = planner.lower(join.getRight());
    Schema schema = TypeMapping.toSchema(join.getRowType());
    int[] lk = leftKeys.stream().mapToInt(Integer::intValue).toArray();
    int[] rk = rightKeys.stream().mapToInt(Integer::intValue).toArray();
    WindowJoinFactory factory = new WindowJoinFactory(
        left.schema(), lk, leftStart, leftEnd, right.schema(), rk, rightStart, rightEnd, type, schema);
    int[] leftPartition = append(lk, leftStart);
    int[] rightPartition = append(rk, rightStart);
    PhysicalNode joined = new BinaryNode(
        ExchangeNode.hash(left, leftPartition), ExchangeNode.hash(right, rightPartition), factory, schema,
        false, false);
    return Optional.of(withResidualFilter(joined, join, type, others));
  }

  private static int[] append(int[] values, int value) {
    int[] appended = java.util.Arrays.copyOf(values, values.length + 1);
    appended[values.length] = value;
    return appended;
  }

  /** One side of a time bound: a column plus a constant offset in millis. */
  private record TimeOperand(int column, long offsetMillis) {}

  private static Optional<TimeOperand> timeOperand(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return Optional.of(new TimeOperand(ref.getIndex(), 0));
    }
    if (node instanceof RexCall call && call.getOperands().size() == 2
        && (call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS)
        && call.getOperands().get(0) instanceof RexInputRef ref
        && call.getOperands().get(1) instanceof RexLiteral literal) {
      Long millis = literal.getValueAs(Long.class);
      if (millis == null) {
        return Optional.empty();
      }
      return Optional.of(new TimeOperand(ref.getIndex(), call.getKind() == SqlKind.PLUS ? millis : -millis));
    }
    return Optional.empty();
  }

  private Optional<PhysicalNode> intervalJoin(Join join, JoinInfo info, JoinType type, List<RexNode> others) {
    int leftWidth = join.getLeft().getRowType().getFieldCount();
    Long lowest = null;
    Long highest = null;
    int leftTime = -1;
    int rightTime = -1;
    List<RexNode> rest = new ArrayList<>();
    for (RexNode condition : others) {
      SqlKind kind = condition.getKind();
      if (!(condition instanceof RexCall call) || !(kind == SqlKind.GREATER_THAN_OR_EQUAL
          || kind == SqlKind.GREATER_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL || kind == SqlKind.LESS_THAN)) {
        rest.add(condition);
        continue;
      }
      Optional<TimeOperand> a = timeOperand(call.getOperands().get(0));
      Optional<TimeOperand> b = timeOperand(call.getOperands().get(1));
      if (a.isEmpty() || b.isEmpty() || (a.get().column() < leftWidth) == (b.get().column() < leftWidth)) {
        rest.add(condition);
        continue;
      }
      // Normalise to: left.time - right.time (op) constant.
      boolean leftFirst = a.get().column() < leftWidth;
      TimeOperand l = leftFirst ? a.get() : b.get();
      TimeOperand r = leftFirst ? b.get() : a.get();
      if (leftTime >= 0 && (leftTime != l.column() || rightTime != r.column())) {
        rest.add(condition);
        continue;
      }
      leftTime = l.column();
      rightTime = r.column();
      long constant = r.offsetMillis() - l.offsetMillis();
      SqlKind normalised = leftFirst ? kind : kind.reverse();
      switch (normalised) {
        case GREATER_THAN_OR_EQUAL -> lowest = max(lowest, constant);
        case GREATER_THAN -> lowest = max(lowest, constant + 1);
        case LESS_THAN_OR_EQUAL -> highest = min(highest, constant);
        default -> highest = min(highest, constant - 1);
      }
    }
    if (lowest == null || highest == null) {
      return Optional.empty();
    }
    int rightColumn = rightTime - leftWidth;
    String leftName = join.getLeft().getRowType().getFieldNames().get(leftTime);
    String rightName = join.getRight().getRowType().getFieldNames().get(rightColumn);
    if (TimeAttributes.of(join.getLeft(), leftTime).isEmpty()
        || TimeAttributes.of(join.getRight(), rightColumn).isEmpty()) {
      throw new RivuletException(Category.VALIDATION, "an interval join compares time attributes, but '"
          + leftName + "' or '" + rightName + "' is not one; declare them with WATERMARK FOR in CREATE STREAM");
    }
    if (lowest > highest) {
      throw new RivuletException(Category.VALIDATION, "the time bounds of the join between '" + leftName
          + "' and '" + rightName + "' can never hold");
    }
    PhysicalNode left = planner.lower(join.getLeft());
    PhysicalNode right = planner.lower(join.getRight());
    if (left.changelog() || right.changelog()) {
      throw unsupported("an interval join over an updating input is not supported");
    }
    Schema schema = TypeMapping.toSchema(join.getRowType());
    int[] leftKeys = info.leftKeys.toIntArray();
    int[] rightKeys = info.rightKeys.toIntArray();
    IntervalJoinFactory factory = new IntervalJoinFactory(
        left.schema(), leftKeys, leftTime, right.schema(), rightKeys, rightColumn,
        -lowest, highest, type, schema);
    PhysicalNode joined = new BinaryNode(
        ExchangeNode.hash(left, leftKeys), ExchangeNode.hash(right, rightKeys), factory, schema, false, false);
    return Optional.of(withResidualFilter(joined, join, type, rest));
  }

  private static long max(Long current, long value) {
    return current == null ? value : Math.max(current, value);
  }

  private static long min(Long current, long value) {
    return current == null ? value : Math.min(current, value);
  }
}
