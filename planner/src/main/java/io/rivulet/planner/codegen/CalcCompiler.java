package io.rivulet.planner.codegen;

import io.rivulet.planner.codegen.vector.RowProjector;
import io.rivulet.planner.codegen.vector.VectorCompiler;
import io.rivulet.planner.codegen.vector.VectorProgram;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.operator.calc.BatchFunction;
import io.rivulet.runtime.type.Schema;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.util.ImmutableBitSet;
import org.codehaus.janino.ClassBodyEvaluator;

/**
 * Compiles a Calc's {@link RexProgram} into a {@link BatchFunction}. Pure column selections compile
 * to a zero-copy projection. Programs whose condition has a column-at-a-time kernel run on those
 * ({@link VectorCompiler}), with only the projections that have none evaluated row at a time on the
 * rows the condition keeps; the others, and any batch with a row the kernels leave to it (an error
 * to report, a value they do not represent), run wholly row at a time: Calcite's own expression
 * translator writes Java for one row (so every Calcite function works), Janino compiles it, and a
 * loop applies it to the rows of a batch.
 */
public final class CalcCompiler {
  private static final Map<String, Class<?>> COMPILED = new ConcurrentHashMap<>();

  /**
   * The system property that, set to {@code false}, makes the Calcs planned from then on evaluate
   * row at a time: to compare the two paths, or to step around a kernel bug.
   */
  public static final String VECTORIZED_PROPERTY = "rivulet.calc.vectorized";

  private CalcCompiler() {}

  public static BatchFunction compile(
      RexProgram program, JavaTypeFactory typeFactory, Schema inputSchema, Schema outputSchema) {
    int[] selected = selectedColumns(program);
    if (selected != null) {
      return input -> input.project(selected).withSchema(outputSchema);
    }
    RowFunction function = generate(program, typeFactory);
    // The columns the projections and the condition read (the program's expression list starts
    // with a reference to every input column, used or not): sources may leave the others null.
    ImmutableBitSet.Builder used = ImmutableBitSet.builder();
    for (RexLocalRef project : program.getProjectList()) {
      used.addAll(RelOptUtil.InputFinder.bits(program.expandLocalRef(project)));
    }
    if (program.getCondition() != null) {
      used.addAll(RelOptUtil.InputFinder.bits(program.expandLocalRef(program.getCondition())));
    }
    RowAtATime rows = new RowAtATime(function, used.build().toArray(), inputSchema, outputSchema);
    VectorProgram vector =
        Boolean.parseBoolean(System.getProperty(VECTORIZED_PROPERTY, "true"))
            ? VectorCompiler.compile(
                program,
                new RexBuilder(typeFactory),
                inputSchema,
                outputSchema,
                projections -> projector(generate(projections, typeFactory)))
            : null;
    return vector == null ? rows : new ColumnAtATime(vector, rows);
  }

  /**
   * Evaluates a batch column at a time, or row at a time when a row needs that path; the row path
   * reports errors with the row's values.
   */
  record ColumnAtATime(VectorProgram vector, BatchFunction rows) implements BatchFunction {
    @Override
    public Batch apply(Batch batch) {
      Batch result = vector.evaluate(batch);
      return result != null ? result : rows.apply(batch);
    }
  }

  private static RowProjector projector(RowFunction function) {
    return input -> function.apply(EvaluationContext.INSTANCE, input);
  }

  /** The input columns a program only selects (no filter, no computation), or null. */
  private static int[] selectedColumns(RexProgram program) {
    if (program.getCondition() != null) {
      return null;
    }
    List<RexLocalRef> projects = program.getProjectList();
    int[] columns = new int[projects.size()];
    for (int i = 0; i < columns.length; i++) {
      RexNode expression = program.expandLocalRef(projects.get(i));
      if (!(expression instanceof RexInputRef input)) {
        return null;
      }
      columns[i] = input.getIndex();
    }
    return columns;
  }

  private static RowFunction generate(RexProgram program, JavaTypeFactory typeFactory) {
    ParameterExpression input = Expressions.parameter(Object[].class, "input");
    RexToLixTranslator.InputGetter getter =
        new RexToLixTranslator.InputGetterImpl(
            input,
            PhysTypeImpl.of(typeFactory, program.getInputRowType(), JavaRowFormat.ARRAY, false));
    BlockBuilder body = new BlockBuilder();
    if (program.getCondition() != null) {
      Expression condition =
          RexToLixTranslator.translateCondition(
              program, typeFactory, body, getter, null, SqlConformanceEnum.DEFAULT);
      body.add(
          Expressions.ifThen(
              Expressions.not(condition),
              Expressions.return_(null, Expressions.constant(null))));
    }
    List<Expression> projects =
        RexToLixTranslator.translateProjects(
            program,
            typeFactory,
            SqlConformanceEnum.DEFAULT,
            body,
            null,
            DataContext.ROOT,
            getter,
            null);
    List<Expression> boxed = new ArrayList<>(projects.size());
    for (Expression project : projects) {
      boxed.add(Expressions.box(project));
    }
    body.add(Expressions.return_(null, Expressions.newArrayInit(Object.class, boxed)));
    String source =
        Expressions.toString(
            Expressions.methodDecl(
                Modifier.PUBLIC,
                Object[].class,
                "apply",
                List.of(DataContext.ROOT, input),
                body.toBlock()));
    try {
      Class<?> compiled = COMPILED.computeIfAbsent(source, CalcCompiler::cook);
      return (RowFunction) compiled.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate generated code:\n" + source, e);
    }
  }

  private static Class<?> cook(String source) {
    ClassBodyEvaluator evaluator = new ClassBodyEvaluator();
    evaluator.setParentClassLoader(CalcCompiler.class.getClassLoader());
    evaluator.setImplementedInterfaces(new Class<?>[] {RowFunction.class});
    try {
      evaluator.cook(source);
    } catch (Exception e) {
      throw new RivuletException(
          Category.UNSUPPORTED,
          "cannot compile an expression (" + e.getMessage() + "); generated code:\n" + source,
          e);
    }
    return evaluator.getClazz();
  }

  /** Applies a row function to each row of a batch, reading only the columns it uses. */
  record RowAtATime(
      RowFunction function, int[] usedColumns, Schema inputSchema, Schema outputSchema)
      implements BatchFunction {

    @Override
    public Batch apply(Batch batch) {
      int rows = batch.rowCount();
      BatchBuilder output = new BatchBuilder(outputSchema, rows);
      Object[] row = new Object[inputSchema.size()];
      for (int r = 0; r < rows; r++) {
        for (int column : usedColumns) {
          row[column] = batch.get(r, column);
        }
        Object[] result;
        try {
          result = function.apply(EvaluationContext.INSTANCE, row);
        } catch (RuntimeException e) {
          throw evaluationError(row, e);
        }
        if (result != null) {
          output.appendRow(result, batch.kind(r));
        }
      }
      return output.build();
    }

    private RivuletException evaluationError(Object[] row, RuntimeException cause) {
      StringBuilder values = new StringBuilder();
      for (int column : usedColumns) {
        values.append(values.length() == 0 ? "" : ", ")
            .append(inputSchema.field(column).name()).append('=').append(row[column]);
      }
      String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return new RivuletException(
          Category.EXECUTION,
          "cannot evaluate an expression for the row (" + values + "): " + reason
              + "; filter such rows out or guard the expression (CASE, NULLIF, SAFE_CAST)",
          cause);
    }
  }
}
