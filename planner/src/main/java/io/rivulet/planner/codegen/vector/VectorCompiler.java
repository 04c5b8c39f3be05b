package io.rivulet.planner.codegen.vector;

import io.rivulet.planner.codegen.vector.VectorProgram.Projection;
import io.rivulet.planner.codegen.vector.VectorProgram.Rowwise;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a Calc's {@link RexProgram} into a {@link VectorProgram} when its condition has a kernel,
 * with the semantics of the code Calcite generates for one row (see the kernels' comments); the
 * projections without one are left to the row-at-a-time code. Otherwise says no, and the Calc runs
 * row at a time.
 */
public final class VectorCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(VectorCompiler.class);
  /**
   * A system property: {@code false} compiles string computations of one column without a memo
   * per distinct value ({@link Memoized}), to compare with.
   */
  public static final String MEMOIZE_PROPERTY = "rivulet.vector.memoize";

  private final RexProgram program;
  private final RexBuilder rexBuilder;
  private final Schema inputSchema;
  private final List<RexNode> expressions;
  private final Typed[] compiledLocals;
  private final VectorExpression[] locals;
  /** Intermediates shared by several expressions, evaluated as locals after the program's own. */
  private final List<VectorExpression> sharedLocals = new ArrayList<>();
  private final Map<String, Split> splits = new HashMap<>();
  /** The memoized common sub-expressions, by index, as references to their shared locals. */
  private final Map<Integer, Typed> memoizedLocals = new HashMap<>();
  /** The ids of the strings of each memoized column, shared by its memoized expressions. */
  private final Map<Integer, Leaves.LocalRef> dictionaries = new HashMap<>();
  private final Dependence[] localDependences;
  private final boolean memoize;
  /** Above zero while the body of a memoized expression is compiled: nothing in it is memoized. */
  private int memoDepth;

  private VectorCompiler(RexProgram program, RexBuilder rexBuilder, Schema inputSchema, boolean memoize) {
    this.program = program;
    this.memoize = memoize;
    this.rexBuilder = rexBuilder;
    this.inputSchema = inputSchema;
    this.expressions = program.getExprList();
    this.compiledLocals = new Typed[expressions.size()];
    this.locals = new VectorExpression[expressions.size()];
    this.localDependences = new Dependence[expressions.size()];
  }

  /**
   * The program evaluated column at a time, or null when its condition needs the row-at-a-time
   * path, or when no projection would be computed column at a time. Projections without a kernel
   * are evaluated row at a time, on the rows the condition keeps, by the code {@code rowCompiler}
   * generates for a program of just those projections.
   */
  public static VectorProgram compile(
      RexProgram program,
      RexBuilder rexBuilder,
      Schema inputSchema,
      Schema outputSchema,
      Function<RexProgram, RowProjector> rowCompiler) {
    try {
      boolean memoize = Boolean.parseBoolean(System.getProperty(MEMOIZE_PROPERTY, "true"));
      return new VectorCompiler(program, rexBuilder, inputSchema, memoize).build(outputSchema, rowCompiler);
    } catch (Unsupported e) {
      LOG.debug("row-at-a-time evaluation for {}: {}", program, e.getMessage());
      return null;
    }
  }

  private VectorProgram build(Schema outputSchema, Function<RexProgram, RowProjector> rowCompiler) {
    VectorExpression condition = null;
    if (program.getCondition() != null) {
      Typed compiled = compile(program.getCondition());
      expect(compiled.representation() == Representation.BOOLEAN, "a condition that is not boolean");
      condition = compiled.expression();
      if (definition(condition) instanceof LongRange range) {
        // Called directly, it yields the kept rows without a boolean array.
        condition = range;
      }
    }
    List<RexLocalRef> projects = program.getProjectList();
    Projection[] projections = new Projection[projects.size()];
    RexProgramBuilder rowProjections = new RexProgramBuilder(program.getInputRowType(), rexBuilder);
    List<RexNode> rowExpressions = new ArrayList<>();
    List<String> rowReasons = new ArrayList<>();
    boolean anyComputed = false;
    for (int i = 0; i < projections.length; i++) {
      RexNode expanded = program.expandLocalRef(projects.get(i));
      DataType outputType = outputSchema.type(i);
      if (expanded instanceof RexInputRef input && inputSchema.type(input.getIndex()) == outputType) {
        projections[i] = new Projection.Column(input.getIndex());
        continue;
      }
      try {
        Typed compiled = compile(projects.get(i));
        expect(fits(compiled, outputType), "a " + compiled.type() + " in a " + outputType + " column");
        projections[i] =
            new Projection.Computed(
                compiled.expression(), outputType, compiled.isDecimal() ? compiled.scale() : -1);
        anyComputed = true;
      } catch (Unsupported e) {
        // Locals compiled on the way stay unused: they are only evaluated when referenced.
        projections[i] = new Projection.RowAtATime(rowReasons.size(), outputType);
        rowProjections.addProject(expanded, "$" + rowReasons.size());
        rowExpressions.add(expanded);
        rowReasons.add(e.getMessage());
      }
    }
    expect(condition != null || anyComputed, "no column-at-a-time work: " + rowReasons);
    Rowwise rowwise = null;
    if (!rowReasons.isEmpty()) {
      LOG.debug("projections evaluated row at a time in {}: {}", program, rowReasons);
      // Only the columns these projections read are copied into each row (a program's expression
      // list holds every input column).
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(rowExpressions, null);
      rowwise =
          new Rowwise(
              rowCompiler.apply(rowProjections.getProgram(false)), used.toArray(), inputSchema.size());
    }
    VectorExpression[] allLocals = Arrays.copyOf(locals, locals.length + sharedLocals.size());
    for (int i = 0; i < sharedLocals.size(); i++) {
      allLocals[locals.length + i] = sharedLocals.get(i);
    }
    return new VectorProgram(allLocals, condition, projections, rowwise, outputSchema);
  }

  private static boolean fits(Typed compiled, DataType outputType) {
    if (compiled.isDecimal()) {
      return outputType == DataType.DECIMAL;
    }
    switch (compiled.representation()) {
      case LONG:
        return outputType.storage() == DataType.Storage.LONG;
      case DOUBLE:
        return outputType == DataType.DOUBLE;
      case BOOLEAN:
        return outputType == DataType.BOOLEAN;
      default:
        return outputType == DataType.VARCHAR || outputType == DataType.ARRAY;
    }
  }

  /**
   * A compiled expression with what its values are: representation, and for a DECIMAL the scale
   * of its unscaled longs, which is the scale BigDecimal arithmetic gives, not always the type's.
   */
  record Typed(VectorExpression expression, RelDataType type, Representation representation, int scale) {
    boolean isDecimal() {
      return type.getSqlTypeName() == SqlTypeName.DECIMAL;
    }

    SqlTypeName typeName() {
      return type.getSqlTypeName();
    }

    Typed with(VectorExpression newExpression, RelDataType newType) {
      return new Typed(newExpression, newType, representation, scale);
    }
  }

  /** Why an expression has no kernel; caught by {@link #compile}. */
  private static final class Unsupported extends RuntimeException {
    Unsupported(String reason) {
      super(reason, null, false, false);
    }
  }

  private static void expect(boolean condition, String unsupported) {
    if (!condition) {
      throw new Unsupported(unsupported);
    }
  }

  private Typed compile(RexNode node) {
    if (memoDepth == 0 && (node instanceof RexLocalRef || node instanceof RexCall)) {
      int column = memoColumn(node);
      if (column >= 0) {
        return memoized(node, column);
      }
    }
    return compileDirect(node);
  }

  /**
   * A maximal string computation of one column, evaluated once per distinct string (see {@link
   * Memoized}); one for each common sub-expression, shared through the frame like one.
   */
  private Typed memoized(RexNode node, int column) {
    if (node instanceof RexLocalRef ref && memoizedLocals.containsKey(ref.getIndex())) {
      return memoizedLocals.get(ref.getIndex());
    }
    Typed body;
    memoDepth++;
    try {
      body = compileDirect(node);
    } finally {
      memoDepth--;
    }
    Memoized memo = new Memoized(body.expression(), dictionary(column), body.representation());
    if (node instanceof RexLocalRef ref) {
      sharedLocals.add(memo);
      Typed shared = body.with(new Leaves.LocalRef(locals.length + sharedLocals.size() - 1), body.type());
      memoizedLocals.put(ref.getIndex(), shared);
      return shared;
    }
    return body.with(memo, body.type());
  }

  /** The ids of a column's strings, a local shared by the column's memoized expressions. */
  private Leaves.LocalRef dictionary(int column) {
    return dictionaries.computeIfAbsent(
        column,
        key -> {
          sharedLocals.add(new StringDictionary.Encode(column));
          return new Leaves.LocalRef(locals.length + sharedLocals.size() - 1);
        });
  }

  /** What a sub-expression depends on, for {@link #memoColumn}. */
  private record Dependence(int column, boolean stringWork) {
    static final int NONE = -1;
    static final int OTHER = -2;
    static final Dependence CONSTANT = new Dependence(NONE, false);
    static final Dependence UNMEMOIZABLE = new Dependence(OTHER, false);

    Dependence and(Dependence other) {
      int merged;
      if (column == OTHER || other.column == OTHER) {
        merged = OTHER;
      } else if (column == NONE || column == other.column) {
        merged = other.column;
      } else if (other.column == NONE) {
        merged = column;
      } else {
        merged = OTHER;
      }
      return new Dependence(merged, stringWork || other.stringWork);
    }
  }

  /**
   * The VARCHAR input column {@code node} alone depends on when it is deterministic, does string
   * work that costs more than a hash probe, and gives a value a {@link MemoTable} holds; else -1.
   */
  private int memoColumn(RexNode node) {
    if (!memoize) {
      return -1;
    }
    Dependence dependence = dependence(node);
    if (dependence.column() < 0 || !dependence.stringWork()) {
      return -1;
    }
    SqlTypeName result = node.getType().getSqlTypeName();
    if (result == SqlTypeName.ARRAY || result == SqlTypeName.MAP || result == SqlTypeName.MULTISET) {
      // A list would be one mutable object shared by many rows.
      return -1;
    }
    return dependence.column();
  }

  private Dependence dependence(RexNode node) {
    if (node instanceof RexLocalRef ref) {
      Dependence known = localDependences[ref.getIndex()];
      if (known == null) {
        known = dependence(expressions.get(ref.getIndex()));
        localDependences[ref.getIndex()] = known;
      }
      return known;
    }
    if (node instanceof RexLiteral) {
      return Dependence.CONSTANT;
    }
    if (node instanceof RexInputRef input) {
      boolean string =
          SqlTypeUtil.isCharacter(input.getType()) && inputSchema.type(input.getIndex()) == DataType.VARCHAR;
      return string ? new Dependence(input.getIndex(), false) : Dependence.UNMEMOIZABLE;
    }
    if (node instanceof RexCall call) {
      SqlOperator operator = call.getOperator();
      if (!operator.isDeterministic() || operator.isDynamicFunction()) {
        return Dependence.UNMEMOIZABLE;
      }
      Dependence dependence = new Dependence(Dependence.NONE, isStringWork(call));
      for (RexNode operand : call.getOperands()) {
        dependence = dependence.and(dependence(operand));
        if (dependence.column() == Dependence.OTHER) {
          return Dependence.UNMEMOIZABLE;
        }
      }
      return dependence;
    }
    return Dependence.UNMEMOIZABLE;
  }

  /** Whether a call scans or builds strings: a comparison or CHAR_LENGTH of a column does not. */
  private static boolean isStringWork(RexCall call) {
    SqlOperator operator = call.getOperator();
    switch (call.getKind()) {
      case LIKE:
      case TRIM:
      case POSITION:
      case ITEM:
        return true;
      case CAST:
        return SqlTypeUtil.isCharacter(call.getOperands().get(0).getType())
            && !SqlTypeUtil.isCharacter(call.getType());
      default:
        return operator == SqlStdOperatorTable.LOWER
            || operator == SqlStdOperatorTable.UPPER
            || operator == SqlStdOperatorTable.SUBSTRING
            || operator == SqlStdOperatorTable.REPLACE
            || operator == SqlStdOperatorTable.INITCAP
            || operator == SqlStdOperatorTable.CONCAT
            || operator == SqlLibraryOperators.CONCAT_FUNCTION
            || operator == SqlLibraryOperators.SPLIT;
    }
  }

  private Typed compileDirect(RexNode node) {
    if (node instanceof RexLocalRef ref) {
      return local(ref.getIndex());
    }
    if (node instanceof RexInputRef input) {
      return input(input.getIndex(), input.getType());
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    throw new Unsupported(node.getClass().getSimpleName() + " " + node);
  }

  /** A common sub-expression, computed once per batch through the frame. */
  private Typed local(int index) {
    if (compiledLocals[index] == null) {
      RexNode expression = expressions.get(index);
      Typed compiled = compile(expression);
      if (expression instanceof RexInputRef && !compiled.isDecimal()) {
        compiledLocals[index] = compiled;
      } else {
        locals[index] = compiled.expression();
        compiledLocals[index] = compiled.with(new Leaves.LocalRef(index), compiled.type());
      }
    }
    return compiledLocals[index];
  }

  /**
   * The kernel a reference to a common sub-expression stands for (followed to the end), or {@code
   * expression} itself when it is no such reference.
   */
  private VectorExpression definition(VectorExpression expression) {
    while (expression instanceof Leaves.LocalRef ref
        && ref.index() < locals.length
        && locals[ref.index()] != null) {
      expression = locals[ref.index()];
    }
    return expression;
  }

  /** The node a local reference stands for, to read literal arguments through it. */
  private RexNode resolve(RexNode node) {
    while (node instanceof RexLocalRef ref) {
      node = expressions.get(ref.getIndex());
    }
    return node;
  }

  private Typed input(int index, RelDataType type) {
    Representation representation = representationOf(type);
    DataType stored = inputSchema.type(index);
    if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
      expect(stored == DataType.DECIMAL, "a DECIMAL column stored as " + stored);
      return new Typed(new Leaves.DecimalColumn(index, type.getScale()), type, representation, type.getScale());
    }
    boolean matches =
        switch (representation) {
          case LONG -> stored.storage() == DataType.Storage.LONG;
          case DOUBLE -> stored == DataType.DOUBLE;
          case BOOLEAN -> stored == DataType.BOOLEAN;
          case OBJECT -> stored == DataType.VARCHAR || stored == DataType.ARRAY;
        };
    expect(matches, "a " + type + " column stored as " + stored);
    return new Typed(new Leaves.InputColumn(index), type, representation, 0);
  }

  private static Representation representationOf(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case BOOLEAN:
        return Representation.BOOLEAN;
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DECIMAL:
      case DATE:
      case TIME:
      case TIMESTAMP:
        return Representation.LONG;
      case DOUBLE:
      case FLOAT:
        return Representation.DOUBLE;
      case CHAR:
      case VARCHAR:
      case ARRAY:
        return Representation.OBJECT;
      default:
        if (SqlTypeName.INTERVAL_TYPES.contains(name)) {
          return Representation.LONG;
        }
        throw new Unsupported("type " + type);
    }
  }

  private Typed literal(RexLiteral literal) {
    RelDataType type = literal.getType();
    Representation representation = representationOf(type);
    if (literal.isNull()) {
      return new Typed(new Leaves.Constant(representation, null), type, representation, type.getScale());
    }
    SqlTypeName name = type.getSqlTypeName();
    Object value;
    int scale = 0;
    switch (name) {
      case BOOLEAN:
        value = literal.getValueAs(Boolean.class);
        break;
      case DECIMAL: {
        BigDecimal decimal = literal.getValueAs(BigDecimal.class);
        expect(decimal.scale() >= 0 && decimal.precision() <= 18, "the decimal literal " + decimal);
        value = decimal.unscaledValue().longValueExact();
        scale = decimal.scale();
        break;
      }
      case DOUBLE:
      case FLOAT:
        value = literal.getValueAs(Double.class);
        break;
      case CHAR:
      case VARCHAR:
        value = literal.getValueAs(String.class);
        break;
      case DATE:
      case TIME:
        value = (long) literal.getValueAs(Integer.class);
        break;
      default:
        expect(representation == Representation.LONG, "the literal " + literal);
        value = literal.getValueAs(Long.class);
        break;
    }
    return new Typed(new Leaves.Constant(representation, value), type, representation, scale);
  }

  private Typed call(RexCall call) {
    SqlOperator operator = call.getOperator();
    List<RexNode> operands = call.getOperands();
    switch (call.getKind()) {
      case PLUS:
        return arithmetic(call, Arithmetic.Operator.ADD);
      case MINUS:
        return arithmetic(call, Arithmetic.Operator.SUBTRACT);
      case TIMES:
        return arithmetic(call, Arithmetic.Operator.MULTIPLY);
      case DIVIDE:
        return arithmetic(call, Arithmetic.Operator.DIVIDE);
      case MOD:
        return arithmetic(call, Arithmetic.Operator.MOD);
      case MINUS_PREFIX:
        return negate(call);
      case PLUS_PREFIX:
        return compile(operands.get(0)).with(compile(operands.get(0)).expression(), call.getType());
      case EQUALS:
        return comparison(call, Comparisons.Operator.EQUAL);
      case NOT_EQUALS:
        return comparison(call, Comparisons.Operator.NOT_EQUAL);
      case LESS_THAN:
        return comparison(call, Comparisons.Operator.LESS);
      case LESS_THAN_OR_EQUAL:
        return comparison(call, Comparisons.Operator.LESS_OR_EQUAL);
      case GREATER_THAN:
        return comparison(call, Comparisons.Operator.GREATER);
      case GREATER_THAN_OR_EQUAL:
        return comparison(call, Comparisons.Operator.GREATER_OR_EQUAL);
      case AND:
        {
          List<VectorExpression> conjuncts = booleans(operands);
          LongRange range = LongRange.of(conjuncts.stream().map(this::definition).toList());
          return bool(call, range != null ? range : new Logic.Junction(false, conjuncts));
        }
      case OR:
        return bool(call, new Logic.Junction(true, booleans(operands)));
      case NOT:
        return bool(call, new Logic.Not(booleans(operands).get(0)));
      case IS_NULL:
      case IS_NOT_NULL:
        return bool(
            call,
            new Logic.IsNull(
                compile(operands.get(0)).expression(),
                call.getKind() == SqlKind.IS_NOT_NULL));
      case IS_TRUE:
        return bool(call, new Logic.Is(booleans(operands).get(0), true, false));
      case IS_NOT_TRUE:
        return bool(call, new Logic.Is(booleans(operands).get(0), true, true));
      case IS_FALSE:
        return bool(call, new Logic.Is(booleans(operands).get(0), false, false));
      case IS_NOT_FALSE:
        return bool(call, new Logic.Is(booleans(operands).get(0), false, true));
      case CASE:
        return caseWhen(call);
      case SEARCH:
        return search(call);
      case CAST:
        return cast(call);
      case EXTRACT:
        return extract(call);
      case FLOOR:
      case CEIL:
        return round(call);
      case LIKE:
        expect(operator == SqlStdOperatorTable.LIKE, operator.getName());
        return like(call);
      case TRIM:
        return trim(call);
      case POSITION:
        return position(call);
      case ITEM:
        return item(call);
      default:
        break;
    }
    if (operator == SqlStdOperatorTable.ABS) {
      return abs(call);
    }
    if (operator == SqlStdOperatorTable.ROUND) {
      return roundNumber(call);
    }
    if (operator == SqlStdOperatorTable.LOWER) {
      return map(call, Strings::lower);
    }
    if (operator == SqlStdOperatorTable.UPPER) {
      return map(call, SqlFunctions::upper);
    }
    if (operator == SqlStdOperatorTable.CHAR_LENGTH || operator == SqlStdOperatorTable.CHARACTER_LENGTH) {
      return charLength(call);
    }
    if (operator == SqlStdOperatorTable.SUBSTRING) {
      return substring(call);
    }
    if (operator == SqlStdOperatorTable.REPLACE) {
      return replace(call);
    }
    if (operator == SqlStdOperatorTable.CONCAT || operator == SqlLibraryOperators.CONCAT_FUNCTION) {
      List<VectorExpression> parts = new ArrayList<>();
      for (RexNode operand : operands) {
        parts.add(string(operand));
      }
      return object(call, new Strings.Concat(parts));
    }
    if (operator == SqlLibraryOperators.SPLIT) {
      return object(call, new Strings.Split(string(operands.get(0)), string(operands.get(1))));
    }
    if (operator instanceof SqlUserDefinedFunction) {
      return rivuletFunction(call);
    }
    throw new Unsupported("the function " + operator.getName());
  }

  private Typed bool(RexCall call, VectorExpression expression) {
    return new Typed(expression, call.getType(), Representation.BOOLEAN, 0);
  }

  private Typed object(RexCall call, VectorExpression expression) {
    return new Typed(expression, call.getType(), Representation.OBJECT, 0);
  }

  private List<VectorExpression> booleans(List<RexNode> operands) {
    List<VectorExpression> compiled = new ArrayList<>(operands.size());
    for (RexNode operand : operands) {
      Typed typed = compile(operand);
      expect(typed.representation() == Representation.BOOLEAN, "a non-boolean operand of a logical operator");
      compiled.add(typed.expression());
    }
    return compiled;
  }

  private static boolean isInteger(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return true;
      default:
        return false;
    }
  }

  private static boolean isDouble(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.DOUBLE || type.getSqlTypeName() == SqlTypeName.FLOAT;
  }

  private static boolean isDayTimeInterval(RelDataType type) {
    return SqlTypeName.DAY_INTERVAL_TYPES.contains(type.getSqlTypeName());
  }

  private Typed arithmetic(RexCall call, Arithmetic.Operator operator) {
    RelDataType type = call.getType();
    expect(call.getOperands().size() == 2, call.getOperator().getName());
    Typed left = compile(call.getOperands().get(0));
    Typed right = compile(call.getOperands().get(1));
    SqlTypeName name = type.getSqlTypeName();
    if (name == SqlTypeName.BIGINT || name == SqlTypeName.INTEGER) {
      expect(isInteger(left.type()) && isInteger(right.type()), "integer arithmetic on " + left.type() + ", " + right.type());
      boolean toInt = name == SqlTypeName.INTEGER;
      if (toInt) {
        expect(left.typeName() != SqlTypeName.BIGINT && right.typeName() != SqlTypeName.BIGINT, "INTEGER arithmetic on BIGINT");
      }
      return new Typed(
          new Arithmetic.Integers(operator, left.expression(), right.expression(), toInt),
          type, Representation.LONG, 0);
    }
    if (isDouble(type)) {
      expect(operator != Arithmetic.Operator.MOD, "MOD of doubles");
      return new Typed(
          new Arithmetic.Doubles(operator, toDoubles(left), toDoubles(right)),
          type, Representation.DOUBLE, 0);
    }
    if (name == SqlTypeName.DECIMAL) {
      // A quotient's scale (MathContext.DECIMAL64) depends on the values, so not one per column.
      expect(operator != Arithmetic.Operator.DIVIDE, "DECIMAL division");
      expect(exact(left) && exact(right), "DECIMAL arithmetic on " + left.type() + ", " + right.type());
      int leftScale = left.isDecimal() ? left.scale() : 0;
      int rightScale = right.isDecimal() ? right.scale() : 0;
      // BigDecimal's remainder has the dividend's scale only when the divisor's is not larger.
      expect(
          operator != Arithmetic.Operator.MOD || rightScale <= leftScale,
          "MOD of a DECIMAL by one of a larger scale");
      int scale =
          operator == Arithmetic.Operator.MULTIPLY ? leftScale + rightScale : Math.max(leftScale, rightScale);
      expect(scale <= 18, "a DECIMAL of scale " + scale);
      return new Typed(
          new Arithmetic.Decimals(operator, left.expression(), leftScale, right.expression(), rightScale),
          type, Representation.LONG, scale);
    }
    boolean additive = operator == Arithmetic.Operator.ADD || operator == Arithmetic.Operator.SUBTRACT;
    if ((name == SqlTypeName.TIMESTAMP || name == SqlTypeName.DATE)
        && additive
        && (isYearMonthInterval(left.type()) || isYearMonthInterval(right.type()))) {
      return monthArithmetic(call, operator, left, right);
    }
    if (name == SqlTypeName.DATE && additive) {
      boolean dateFirst = left.typeName() == SqlTypeName.DATE && isDayTimeInterval(right.type());
      boolean intervalFirst =
          operator == Arithmetic.Operator.ADD
              && isDayTimeInterval(left.type())
              && right.typeName() == SqlTypeName.DATE;
      expect(dateFirst || intervalFirst, "date arithmetic on " + left.type() + ", " + right.type());
      // The row path adds whole days: the interval's milliseconds divided (truncating) by a day's.
      long sign = operator == Arithmetic.Operator.SUBTRACT ? -1 : 1;
      LongBinaryOperator days = (date, millis) -> (int) (date + sign * (int) (millis / 86_400_000L));
      return new Typed(
          dateFirst
              ? new Arithmetic.CombineLongs(left.expression(), right.expression(), days)
              : new Arithmetic.CombineLongs(right.expression(), left.expression(), days),
          type, Representation.LONG, 0);
    }
    if (name == SqlTypeName.TIMESTAMP && additive) {
      boolean timestampFirst =
          left.typeName() == SqlTypeName.TIMESTAMP && isDayTimeInterval(right.type());
      boolean intervalFirst =
          operator == Arithmetic.Operator.ADD
              && isDayTimeInterval(left.type())
              && right.typeName() == SqlTypeName.TIMESTAMP;
      expect(timestampFirst || intervalFirst, "timestamp arithmetic on " + left.type() + ", " + right.type());
      return new Typed(
          new Arithmetic.Integers(operator, left.expression(), right.expression(), false),
          type, Representation.LONG, 0);
    }
    throw new Unsupported("arithmetic giving " + type);
  }

  private static boolean isYearMonthInterval(RelDataType type) {
    return SqlTypeName.YEAR_INTERVAL_TYPES.contains(type.getSqlTypeName());
  }

  /** A DATE or TIMESTAMP plus or minus months: Avatica's addMonths, as the row path. */
  private Typed monthArithmetic(RexCall call, Arithmetic.Operator operator, Typed left, Typed right) {
    RelDataType type = call.getType();
    boolean date = type.getSqlTypeName() == SqlTypeName.DATE;
    boolean intervalFirst = isYearMonthInterval(left.type());
    Typed value = intervalFirst ? right : left;
    Typed months = intervalFirst ? left : right;
    expect(
        value.typeName() == type.getSqlTypeName()
            && isYearMonthInterval(months.type())
            && !(intervalFirst && operator == Arithmetic.Operator.SUBTRACT),
        "month arithmetic on " + left.type() + ", " + right.type());
    int sign = operator == Arithmetic.Operator.SUBTRACT ? -1 : 1;
    LongBinaryOperator add =
        date
            ? (d, m) -> DateTimeUtils.addMonths((int) d, sign * (int) m)
            : (t, m) -> DateTimeUtils.addMonths(t, sign * (int) m);
    return new Typed(
        new Arithmetic.CombineLongs(value.expression(), months.expression(), add),
        type, Representation.LONG, 0);
  }

  private static boolean exact(Typed typed) {
    return typed.isDecimal() || isInteger(typed.type());
  }

  private VectorExpression toDoubles(Typed typed) {
    if (isDouble(typed.type())) {
      return typed.expression();
    }
    expect(isInteger(typed.type()), "a " + typed.type() + " operand of double arithmetic");
    return new Arithmetic.LongsToDoubles(typed.expression());
  }

  private Typed negate(RexCall call) {
    Typed operand = compile(call.getOperands().get(0));
    RelDataType type = call.getType();
    if (isDouble(type) && isDouble(operand.type())) {
      return operand.with(new Arithmetic.NegateDoubles(operand.expression()), type);
    }
    if (operand.isDecimal() && type.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return operand.with(new Arithmetic.NegateLongs(operand.expression(), false, true), type);
    }
    SqlTypeName name = type.getSqlTypeName();
    expect(
        (name == SqlTypeName.BIGINT || name == SqlTypeName.INTEGER) && operand.typeName() == name,
        "unary minus of " + operand.type());
    return operand.with(
        new Arithmetic.NegateLongs(operand.expression(), name == SqlTypeName.INTEGER, false), type);
  }

  private Typed comparison(RexCall call, Comparisons.Operator operator) {
    Typed left = compile(call.getOperands().get(0));
    Typed right = compile(call.getOperands().get(1));
    VectorExpression expression;
    if (left.isDecimal() || right.isDecimal()) {
      expect(exact(left) && exact(right), "comparing " + left.type() + " with " + right.type());
      int leftScale = left.isDecimal() ? left.scale() : 0;
      int rightScale = right.isDecimal() ? right.scale() : 0;
      int scale = Math.max(leftScale, rightScale);
      expect(scale <= 18, "a DECIMAL of scale " + scale);
      expression =
          new Comparisons.Longs(
              operator,
              left.expression(),
              Decimal.POWERS_OF_TEN[scale - leftScale],
              right.expression(),
              Decimal.POWERS_OF_TEN[scale - rightScale]);
    } else if (isDouble(left.type()) || isDouble(right.type())) {
      expression = new Comparisons.Doubles(operator, toDoubles(left), toDoubles(right));
    } else if (isInteger(left.type()) && isInteger(right.type())
        || left.representation() == Representation.LONG && left.typeName() == right.typeName()) {
      expression = new Comparisons.Longs(operator, left.expression(), 1, right.expression(), 1);
    } else if (SqlTypeUtil.isCharacter(left.type()) && SqlTypeUtil.isCharacter(right.type())) {
      Object constant = literalValue(call.getOperands().get(1), String.class);
      boolean equality = operator == Comparisons.Operator.EQUAL || operator == Comparisons.Operator.NOT_EQUAL;
      boolean negate = operator == Comparisons.Operator.NOT_EQUAL;
      RexNode lowered = loweredString(call.getOperands().get(0));
      if (equality && constant != null && lowered != null) {
        // LOWER(x) = 'literal' without building the lower-case string.
        String literal = (String) constant;
        expression = new Strings.Test(string(lowered), x -> Strings.lowerEquals(x, literal) != negate);
      } else {
        expression =
            equality && constant != null
                ? new Comparisons.StringEqualsConstant(left.expression(), (String) constant, negate)
                : new Comparisons.Strings(operator, left.expression(), right.expression());
      }
    } else if (left.typeName() == SqlTypeName.BOOLEAN && right.typeName() == SqlTypeName.BOOLEAN) {
      expression = new Comparisons.Booleans(operator, left.expression(), right.expression());
    } else {
      throw new Unsupported("comparing " + left.type() + " with " + right.type());
    }
    LongRange range = LongRange.of(expression);
    return bool(call, range != null ? range : expression);
  }

  /**
   * {@code x IN (literals)} as one set test; other SEARCHes (ranges) as the comparisons Calcite
   * expands them to.
   */
  private Typed search(RexCall call) {
    RexNode sargLiteral = resolve(call.getOperands().get(1));
    Sarg<?> sarg = ((RexLiteral) sargLiteral).getValueAs(Sarg.class);
    Typed operand = compile(call.getOperands().get(0));
    boolean strings = SqlTypeUtil.isCharacter(operand.type());
    if (sarg != null && sarg.isPoints() && sarg.pointCount <= 16 && (strings || isInteger(operand.type()))) {
      List<Object> points = new ArrayList<>();
      for (var range : sarg.rangeSet.asRanges()) {
        Comparable<?> point = range.lowerEndpoint();
        if (point instanceof NlsString text && strings) {
          points.add(text.getValue());
        } else if (point instanceof BigDecimal number && !strings) {
          points.add(number.longValueExact());
        } else {
          return compile(RexUtil.expandSearch(rexBuilder, program, call));
        }
      }
      Boolean ifNull =
          switch (sarg.nullAs) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> null;
          };
      RexNode lowered = loweredString(call.getOperands().get(0));
      if (strings && ifNull == null && lowered != null) {
        // LOWER(x) IN ('a', 'b') without building the lower-case string.
        String[] literals = points.toArray(new String[0]);
        return bool(call, new Strings.Test(string(lowered), x -> Strings.lowerEqualsAny(x, literals)));
      }
      return bool(call, new Comparisons.In(operand.expression(), points.toArray(), ifNull));
    }
    return compile(RexUtil.expandSearch(rexBuilder, program, call));
  }

  /** The string {@code node} is the LOWER of, or null when it is not a LOWER. */
  private RexNode loweredString(RexNode node) {
    RexNode resolved = resolve(node);
    if (resolved instanceof RexCall lower && lower.getOperator() == SqlStdOperatorTable.LOWER) {
      return lower.getOperands().get(0);
    }
    return null;
  }

  private Typed caseWhen(RexCall call) {
    List<RexNode> operands = call.getOperands();
    RelDataType type = call.getType();
    Representation representation = representationOf(type);
    List<VectorExpression> conditions = new ArrayList<>();
    List<RexNode> branches = new ArrayList<>();
    int chooserColumn = caseChooserColumn(operands);
    if (chooserColumn >= 0) {
      // The conditions as one memoized choice: not each memoized on its own.
      memoDepth++;
    }
    try {
      for (int i = 0; i + 1 < operands.size(); i += 2) {
        Typed condition = compile(operands.get(i));
        expect(
            condition.representation() == Representation.BOOLEAN,
            "a CASE condition that is not boolean");
        conditions.add(condition.expression());
        branches.add(operands.get(i + 1));
      }
    } finally {
      if (chooserColumn >= 0) {
        memoDepth--;
      }
    }
    branches.add(operands.get(operands.size() - 1));
    boolean decimal = type.getSqlTypeName() == SqlTypeName.DECIMAL;
    List<VectorExpression> results = new ArrayList<>();
    int scale = -1;
    for (RexNode branch : branches) {
      Typed value = compile(branch);
      expect(
          value.representation() == representation && value.isDecimal() == decimal,
          "a CASE branch of type " + value.type());
      // The values of all branches go to one column, so their DECIMAL scales must agree; a NULL
      // has none.
      boolean nullLiteral = resolve(branch) instanceof RexLiteral literal && literal.isNull();
      if (decimal && !nullLiteral) {
        expect(scale < 0 || scale == value.scale(), "CASE branches of different decimal scales");
        scale = value.scale();
      }
      results.add(value.expression());
    }
    VectorExpression otherwise = results.remove(results.size() - 1);
    LongRange.FirstContaining byRanges = chooserColumn >= 0 ? null : branchByRanges(conditions);
    if (byRanges != null) {
      return new Typed(
          new Logic.CaseByBranch(representation, byRanges, results, otherwise),
          type, representation, Math.max(scale, 0));
    }
    if (chooserColumn >= 0) {
      VectorExpression branch =
          new Memoized(new Logic.FirstTrue(conditions), dictionary(chooserColumn), Representation.LONG);
      return new Typed(
          new Logic.CaseByBranch(representation, branch, results, otherwise),
          type, representation, Math.max(scale, 0));
    }
    return new Typed(
        new Logic.Case(representation, conditions, results, otherwise),
        type, representation, Math.max(scale, 0));
  }

  /**
   * The branch per row of a CASE whose every condition is a range, or an OR of ranges, of one
   * and the same expression; else null.
   */
  private LongRange.FirstContaining branchByRanges(List<VectorExpression> conditions) {
    VectorExpression operand = null;
    List<LongRange> ranges = new ArrayList<>();
    List<Integer> branches = new ArrayList<>();
    for (int b = 0; b < conditions.size(); b++) {
      VectorExpression condition = definition(conditions.get(b));
      List<VectorExpression> union =
          condition instanceof Logic.Junction junction && junction.or()
              ? junction.operands()
              : List.of(condition);
      for (VectorExpression member : union) {
        LongRange range = LongRange.of(definition(member));
        if (range == null || operand != null && !operand.equals(range.operand())) {
          return null;
        }
        operand = range.operand();
        ranges.add(range);
        branches.add(b);
      }
    }
    if (operand == null) {
      return null;
    }
    long[] lowers = new long[ranges.size()];
    long[] uppers = new long[ranges.size()];
    int[] branchOf = new int[ranges.size()];
    for (int k = 0; k < lowers.length; k++) {
      lowers[k] = ranges.get(k).lower();
      uppers[k] = ranges.get(k).upper();
      branchOf[k] = branches.get(k);
    }
    return new LongRange.FirstContaining(operand, lowers, uppers, branchOf, conditions.size());
  }

  /**
   * The column whose strings alone decide which branch of a CASE applies, when at least two
   * conditions and some string work decide it (q21's {@code WHEN LOWER(channel) = 'apple' ...}):
   * the branch is then memoized per string, one choice instead of a memo per condition; else -1.
   */
  private int caseChooserColumn(List<RexNode> operands) {
    if (!memoize || memoDepth > 0 || operands.size() < 5) {
      return -1;
    }
    Dependence dependence = Dependence.CONSTANT;
    for (int i = 0; i + 1 < operands.size(); i += 2) {
      dependence = dependence.and(dependence(operands.get(i)));
    }
    return dependence.column() >= 0 && dependence.stringWork() ? dependence.column() : -1;
  }

  private Typed cast(RexCall call) {
    RexNode operand = call.getOperands().get(0);
    Typed from = compile(operand);
    RelDataType to = call.getType();
    Typed cast = castValue(from, to);
    if (operand.getType().isNullable() && !to.isNullable()) {
      return cast.with(new Casts.NotNull(cast.expression()), to);
    }
    return cast;
  }

  private Typed castValue(Typed from, RelDataType to) {
    RelDataType fromType = from.type();
    SqlTypeName source = fromType.getSqlTypeName();
    SqlTypeName target = to.getSqlTypeName();
    if (SqlTypeUtil.equalSansNullability(fromType, to)) {
      return from.with(from.expression(), to);
    }
    if (isInteger(fromType) && isInteger(to)) {
      if (rank(target) >= rank(source)) {
        return from.with(from.expression(), to);
      }
      long max =
          switch (target) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            default -> Integer.MAX_VALUE;
          };
      return from.with(new Casts.CheckRange(from.expression(), -max - 1, max), to);
    }
    if (isInteger(fromType) && isDouble(to)) {
      return new Typed(new Arithmetic.LongsToDoubles(from.expression()), to, Representation.DOUBLE, 0);
    }
    if (isDouble(fromType) && isDouble(to)) {
      return from.with(from.expression(), to);
    }
    if (target == SqlTypeName.DECIMAL) {
      expect(to.getScale() <= 18 && to.getScale() >= 0, "a cast to " + to);
      if (isDouble(fromType)) {
        return new Typed(
            new Casts.DoubleToDecimal(from.expression(), to.getPrecision(), to.getScale()),
            to, Representation.LONG, to.getScale());
      }
      expect(exact(from), "a cast from " + fromType + " to " + to);
      int fromScale = from.isDecimal() ? from.scale() : 0;
      return new Typed(
          new Casts.Rescale(from.expression(), fromScale, to.getScale(), to.getPrecision()),
          to, Representation.LONG, to.getScale());
    }
    if (source == SqlTypeName.TIMESTAMP && target == SqlTypeName.DATE) {
      return new Typed(new Casts.TimestampToDate(from.expression()), to, Representation.LONG, 0);
    }
    if (target == SqlTypeName.VARCHAR && to.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED) {
      if (isInteger(fromType)) {
        return new Typed(
            new Casts.LongToString(from.expression(), Casts.LongText.INTEGER), to, Representation.OBJECT, 0);
      }
      if (source == SqlTypeName.BOOLEAN) {
        return new Typed(
            new Casts.ToObject(from.expression(), value -> SqlFunctions.toString((Boolean) value)),
            to, Representation.OBJECT, 0);
      }
      if (source == SqlTypeName.DOUBLE) {
        return new Typed(
            new Casts.ToObject(from.expression(), value -> SqlFunctions.toString((double) (Double) value)),
            to, Representation.OBJECT, 0);
      }
      if (source == SqlTypeName.VARCHAR) {
        return from.with(from.expression(), to);
      }
    }
    if ((target == SqlTypeName.VARCHAR || target == SqlTypeName.CHAR)
        && to.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED) {
      // The text of the value, cut to the length (and for CHAR padded with spaces to it).
      Typed text =
          SqlTypeUtil.isCharacter(fromType)
              ? from
              : castValue(
                  from,
                  rexBuilder.getTypeFactory().createTypeWithNullability(
                      rexBuilder.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), to.isNullable()));
      int length = to.getPrecision();
      UnaryOperator<String> cut =
          target == SqlTypeName.CHAR
              ? s -> SqlFunctions.truncateOrPad(s, length)
              : s -> SqlFunctions.truncate(s, length);
      return new Typed(new Strings.Map(text.expression(), cut), to, Representation.OBJECT, 0);
    }
    if (SqlTypeUtil.isCharacter(fromType) && (target == SqlTypeName.BIGINT || target == SqlTypeName.INTEGER)) {
      return new Typed(
          new Casts.StringToLong(from.expression(), target == SqlTypeName.INTEGER), to, Representation.LONG, 0);
    }
    throw new Unsupported("a cast from " + fromType + " to " + to);
  }

  private static int rank(SqlTypeName integer) {
    return switch (integer) {
      case TINYINT -> 1;
      case SMALLINT -> 2;
      case INTEGER -> 3;
      default -> 4;
    };
  }

  /** The CASTs {@code CastRewriter} replaced by Rivulet's functions. */
  private Typed rivuletFunction(RexCall call) {
    String name = call.getOperator().getName();
    Typed operand = compile(call.getOperands().get(0));
    RelDataType type = call.getType();
    switch (name) {
      case "DECIMAL_TO_LONG":
        expect(operand.isDecimal(), name);
        return new Typed(new Casts.DecimalToLong(operand.expression(), operand.scale()), type, Representation.LONG, 0);
      case "DOUBLE_TO_LONG":
        expect(isDouble(operand.type()), name);
        return new Typed(new Casts.DoubleToLong(operand.expression()), type, Representation.LONG, 0);
      case "TIMESTAMP_TO_STRING":
        expect(operand.typeName() == SqlTypeName.TIMESTAMP, name);
        return new Typed(
            new Casts.LongToString(operand.expression(), Casts.LongText.TIMESTAMP), type, Representation.OBJECT, 0);
      case "DECIMAL_TO_STRING":
        expect(operand.isDecimal(), name);
        return new Typed(new Casts.DecimalToString(operand.expression(), operand.scale()), type, Representation.OBJECT, 0);
      default:
        throw new Unsupported("the function " + name);
    }
  }

  private Typed extract(RexCall call) {
    TimeUnitRange unit = symbol(call.getOperands().get(0), TimeUnitRange.class);
    Typed operand = compile(call.getOperands().get(1));
    RelDataType type = call.getType();
    expect(type.getSqlTypeName() == SqlTypeName.BIGINT, "EXTRACT giving " + type);
    boolean timestamp = operand.typeName() == SqlTypeName.TIMESTAMP;
    expect(timestamp || operand.typeName() == SqlTypeName.DATE, "EXTRACT from " + operand.type());
    switch (unit) {
      case HOUR:
      case MINUTE:
      case SECOND:
        expect(timestamp, "EXTRACT(" + unit + ") from a DATE");
        long modulus = unit == TimeUnitRange.HOUR ? 86_400_000L : unit == TimeUnitRange.MINUTE ? 3_600_000L : 60_000L;
        long divisor = unit == TimeUnitRange.HOUR ? 3_600_000L : unit == TimeUnitRange.MINUTE ? 60_000L : 1_000L;
        return new Typed(new Temporal.TimeField(operand.expression(), modulus, divisor), type, Representation.LONG, 0);
      case YEAR:
      case QUARTER:
      case MONTH:
      case WEEK:
      case DAY:
      case DOW:
      case DOY:
        return new Typed(new Temporal.DateField(operand.expression(), unit, timestamp), type, Representation.LONG, 0);
      default:
        throw new Unsupported("EXTRACT(" + unit + ")");
    }
  }

  /**
   * FLOOR or CEIL of a timestamp to a unit up to a day (a multiple of milliseconds), or of a
   * timestamp or date to a month, quarter or year (Avatica's calendar functions, as the row path).
   */
  private Typed round(RexCall call) {
    expect(call.getOperands().size() == 2, "FLOOR or CEIL of a number");
    Typed operand = compile(call.getOperands().get(0));
    boolean timestamp = operand.typeName() == SqlTypeName.TIMESTAMP;
    expect(timestamp || operand.typeName() == SqlTypeName.DATE, "FLOOR or CEIL of " + operand.type());
    TimeUnitRange unit = symbol(call.getOperands().get(1), TimeUnitRange.class);
    boolean ceil = call.getKind() == SqlKind.CEIL;
    if (unit == TimeUnitRange.MONTH || unit == TimeUnitRange.QUARTER || unit == TimeUnitRange.YEAR) {
      LongUnaryOperator function;
      if (timestamp) {
        // Calcite first rounds a timestamp to its day (Avatica's functions divide toward zero).
        function =
            ceil
                ? x -> DateTimeUtils.unixTimestampCeil(unit, SqlFunctions.ceil(x, 86_400_000L))
                : x -> DateTimeUtils.unixTimestampFloor(unit, SqlFunctions.floor(x, 86_400_000L));
      } else {
        function =
            ceil ? x -> DateTimeUtils.unixDateCeil(unit, x) : x -> DateTimeUtils.unixDateFloor(unit, x);
      }
      return operand.with(new Arithmetic.MapLongs(operand.expression(), function), call.getType());
    }
    expect(timestamp, "FLOOR or CEIL of a DATE to " + unit);
    long millis =
        switch (unit) {
          case SECOND -> 1_000L;
          case MINUTE -> 60_000L;
          case HOUR -> 3_600_000L;
          case DAY -> 86_400_000L;
          default -> throw new Unsupported("FLOOR or CEIL to " + unit);
        };
    return operand.with(new Temporal.Round(operand.expression(), millis, ceil), call.getType());
  }

  /** ABS of an INTEGER, BIGINT, DOUBLE or DECIMAL: Calcite's abs (wrapping at the minimum). */
  private Typed abs(RexCall call) {
    Typed operand = compile(call.getOperands().get(0));
    RelDataType type = call.getType();
    expect(operand.typeName() == type.getSqlTypeName(), "ABS of " + operand.type() + " giving " + type);
    switch (type.getSqlTypeName()) {
      case BIGINT:
        return operand.with(new Arithmetic.MapLongs(operand.expression(), SqlFunctions::abs), type);
      case INTEGER:
        return operand.with(
            new Arithmetic.MapLongs(operand.expression(), x -> SqlFunctions.abs((int) x)), type);
      case DOUBLE:
        return operand.with(new Arithmetic.MapDoubles(operand.expression(), SqlFunctions::abs), type);
      case DECIMAL:
        // BigDecimal.abs keeps the scale; no unscaled long of at most 18 digits overflows.
        return operand.with(new Arithmetic.MapLongs(operand.expression(), Math::abs), type);
      default:
        throw new Unsupported("ABS of " + operand.type());
    }
  }

  /**
   * ROUND of a DOUBLE (Calcite's sround), or of a DECIMAL to a literal number of places from 0 to
   * 18: sround moves the point, rounds HALF_UP and moves it back, so the result has that scale.
   */
  private Typed roundNumber(RexCall call) {
    List<RexNode> operands = call.getOperands();
    Typed operand = compile(operands.get(0));
    RelDataType type = call.getType();
    int places = 0;
    if (operands.size() == 2) {
      Object literal = literalValue(operands.get(1), Integer.class);
      expect(literal != null, "ROUND to places that are not a literal");
      places = (Integer) literal;
    }
    if (isDouble(operand.type()) && isDouble(type)) {
      int digits = places;
      return operand.with(
          new Arithmetic.MapDoubles(operand.expression(), x -> SqlFunctions.sround(x, digits)), type);
    }
    expect(operand.isDecimal() && type.getSqlTypeName() == SqlTypeName.DECIMAL, "ROUND of " + operand.type());
    expect(places >= 0 && places <= 18, "ROUND to " + places + " places");
    int from = operand.scale();
    int to = places;
    LongUnaryOperator function =
        to >= from
            ? x -> Math.multiplyExact(x, Decimal.POWERS_OF_TEN[to - from])
            : x -> Decimal.roundHalfUp(x, from - to);
    return new Typed(
        new Arithmetic.MapLongs(operand.expression(), function), type, Representation.LONG, to);
  }

  private <E extends Enum<E>> E symbol(RexNode node, Class<E> type) {
    RexNode resolved = resolve(node);
    expect(resolved instanceof RexLiteral, "a flag that is not a literal");
    E value = ((RexLiteral) resolved).getValueAs(type);
    expect(value != null, "the flag " + resolved);
    return value;
  }

  /** The value of a literal operand (through local references), or null when it is not one. */
  private Object literalValue(RexNode node, Class<?> type) {
    RexNode resolved = resolve(node);
    if (resolved instanceof RexLiteral literal && !literal.isNull()) {
      return literal.getValueAs(type);
    }
    return null;
  }

  private VectorExpression string(RexNode operand) {
    Typed typed = compile(operand);
    expect(SqlTypeUtil.isCharacter(typed.type()), "a string function of " + typed.type());
    return typed.expression();
  }

  /** An INTEGER (or narrower) argument of a string function. */
  private VectorExpression integer(RexNode operand) {
    Typed typed = compile(operand);
    expect(isInteger(typed.type()) && typed.typeName() != SqlTypeName.BIGINT, "a " + typed.type() + " position");
    return typed.expression();
  }

  private Typed map(RexCall call, UnaryOperator<String> function) {
    return map(call.getType(), call.getOperands().get(0), function);
  }

  private Typed map(RelDataType type, RexNode operand, UnaryOperator<String> function) {
    return new Typed(new Strings.Map(string(operand), function), type, Representation.OBJECT, 0);
  }

  private Typed measure(RexCall call, VectorExpression operand, ToIntFunction<String> function) {
    expect(call.getType().getSqlTypeName() == SqlTypeName.INTEGER, call.getOperator().getName() + " giving " + call.getType());
    return new Typed(new Strings.Measure(operand, function), call.getType(), Representation.LONG, 0);
  }

  /** CHAR_LENGTH, counting what a REPLACE of literals would change rather than building it. */
  private Typed charLength(RexCall call) {
    RexNode operand = resolve(call.getOperands().get(0));
    if (operand instanceof RexCall replace && replace.getOperator() == SqlStdOperatorTable.REPLACE) {
      String search = (String) literalValue(replace.getOperands().get(1), String.class);
      String replacement = (String) literalValue(replace.getOperands().get(2), String.class);
      if (search != null && replacement != null) {
        return measure(
            call,
            string(replace.getOperands().get(0)),
            s -> Strings.replacedLength(s, search, replacement));
      }
    }
    return measure(call, string(call.getOperands().get(0)), SqlFunctions::charLength);
  }

  private Typed like(RexCall call) {
    List<RexNode> operands = call.getOperands();
    VectorExpression value = string(operands.get(0));
    String pattern = (String) literalValue(operands.get(1), String.class);
    expect(pattern != null, "LIKE with a pattern that is not a literal");
    Predicate<String> test;
    if (operands.size() == 2) {
      Predicate<String> simple = Strings.simpleLike(pattern);
      if (simple != null) {
        test = simple;
      } else {
        SqlFunctions.LikeFunction like = new SqlFunctions.LikeFunction();
        test = s -> like.like(s, pattern);
      }
    } else {
      String escape = (String) literalValue(operands.get(2), String.class);
      expect(escape != null, "LIKE with an escape that is not a literal");
      SqlFunctions.LikeFunction like = new SqlFunctions.LikeFunction();
      test = s -> like.like(s, pattern, escape);
    }
    return bool(call, new Strings.Test(value, test));
  }

  private Typed trim(RexCall call) {
    List<RexNode> operands = call.getOperands();
    SqlTrimFunction.Flag flag = symbol(operands.get(0), SqlTrimFunction.Flag.class);
    String seek = (String) literalValue(operands.get(1), String.class);
    expect(seek != null, "TRIM of characters that are not a literal");
    boolean left = flag != SqlTrimFunction.Flag.TRAILING;
    boolean right = flag != SqlTrimFunction.Flag.LEADING;
    return object(call, new Strings.Map(string(operands.get(2)), s -> SqlFunctions.trim(left, right, seek, s, true)));
  }

  private Typed position(RexCall call) {
    List<RexNode> operands = call.getOperands();
    String needle = (String) literalValue(operands.get(0), String.class);
    if (needle != null && operands.size() == 2) {
      return measure(call, string(operands.get(1)), s -> SqlFunctions.position(needle, s));
    }
    expect(call.getType().getSqlTypeName() == SqlTypeName.INTEGER, "POSITION giving " + call.getType());
    return new Typed(
        new Strings.Position(
            string(operands.get(0)),
            string(operands.get(1)),
            operands.size() > 2 ? integer(operands.get(2)) : null),
        call.getType(), Representation.LONG, 0);
  }

  private Typed substring(RexCall call) {
    List<RexNode> operands = call.getOperands();
    VectorExpression value = string(operands.get(0));
    return object(
        call,
        new Strings.Substring(
            value, integer(operands.get(1)), operands.size() > 2 ? integer(operands.get(2)) : null));
  }

  private Typed replace(RexCall call) {
    List<RexNode> operands = call.getOperands();
    String search = (String) literalValue(operands.get(1), String.class);
    String replacement = (String) literalValue(operands.get(2), String.class);
    if (search != null && replacement != null) {
      return map(call, s -> SqlFunctions.replace(s, search, replacement, true));
    }
    return object(
        call,
        new Strings.Replace(string(operands.get(0)), string(operands.get(1)), string(operands.get(2))));
  }

  /** The pieces of one SPLIT, shared by its items through a local of the frame. */
  private record Split(Strings.SplitPieces pieces, Leaves.LocalRef ref) {}

  /**
   * {@code SPLIT(s, delimiter)[index]} with a literal delimiter and index: one piece, no list; the
   * items of one string and delimiter share one search for the delimiters.
   */
  private Typed item(RexCall call) {
    RexNode array = resolve(call.getOperands().get(0));
    expect(
        array instanceof RexCall split && split.getOperator() == SqlLibraryOperators.SPLIT,
        "ITEM of anything but SPLIT");
    RexCall split = (RexCall) array;
    String delimiter = (String) literalValue(split.getOperands().get(1), String.class);
    Object index = literalValue(call.getOperands().get(1), Integer.class);
    expect(delimiter != null && index != null, "SPLIT(...)[i] with a delimiter or index that is not a literal");
    expect(SqlTypeUtil.isCharacter(call.getType()), "ITEM giving " + call.getType());
    int position = (Integer) index;
    if (delimiter.isEmpty() || position < 1) {
      return map(call.getType(), split.getOperands().get(0), s -> Strings.splitPart(s, delimiter, position));
    }
    VectorExpression string = string(split.getOperands().get(0));
    Split shared =
        splits.computeIfAbsent(
            split.getOperands().get(0) + "\0" + delimiter,
            key -> {
              Strings.SplitPieces pieces = new Strings.SplitPieces(string, delimiter);
              sharedLocals.add(pieces);
              return new Split(pieces, new Leaves.LocalRef(locals.length + sharedLocals.size() - 1));
            });
    shared.pieces().need(position);
    return object(call, new Strings.SplitItem(shared.ref(), position));
  }
}
