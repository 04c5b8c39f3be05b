package io.rivulet.planner.codegen.vector;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BooleanVector;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DecimalVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Calc program compiled to kernels: the condition is evaluated for every row, the projections
 * for the rows it keeps, each common sub-expression once. Projections without a kernel are
 * evaluated row at a time on the kept rows, after the kernels (a row they leave to the row path
 * makes that work moot). Immutable and shared by all partitions;
 * each evaluation has its own {@link Frame}.
 */
public final class VectorProgram {
  private final VectorExpression[] locals;
  private final VectorExpression condition;
  private final Projection[] projections;
  private final Rowwise rowwise;
  private final Schema outputSchema;

  VectorProgram(
      VectorExpression[] locals,
      VectorExpression condition,
      Projection[] projections,
      Rowwise rowwise,
      Schema outputSchema) {
    this.locals = locals;
    this.condition = condition;
    this.projections = projections;
    this.rowwise = rowwise;
    this.outputSchema = outputSchema;
  }

  /** Whether some string computations are memoized per distinct value ({@link Memoized}). */
  public boolean isMemoized() {
    for (VectorExpression local : locals) {
      if (local instanceof Memoized) {
        return true;
      }
    }
    for (Projection projection : projections) {
      if (projection instanceof Projection.Computed computed && computed.expression() instanceof Memoized) {
        return true;
      }
    }
    return condition instanceof Memoized;
  }

  /** Whether some projections are evaluated row at a time. */
  public boolean isMixed() {
    return rowwise != null;
  }

  /**
   * The projections without a kernel: the generated code that evaluates them for one row, and the
   * input columns it reads.
   */
  record Rowwise(RowProjector projector, int[] usedColumns, int inputWidth) {
    /**
     * The projections' columns for {@code rows}, in the order of their slots. An exception, which
     * the whole program's row path must report with its own message (and for the row it reaches
     * first), sends the batch there.
     */
    ColumnVector[] evaluate(Batch batch, Rows rows, Projection[] projections) {
      int count = rows.count();
      int[] positions = rows.positions();
      List<VectorBuilder> builders = new ArrayList<>();
      for (Projection projection : projections) {
        if (projection instanceof Projection.RowAtATime row) {
          builders.add(VectorBuilder.create(row.type(), count));
        }
      }
      Object[] input = new Object[inputWidth];
      ColumnVector[] inputs = new ColumnVector[usedColumns.length];
      for (int c = 0; c < usedColumns.length; c++) {
        inputs[c] = batch.column(usedColumns[c]);
      }
      for (int i = 0; i < count; i++) {
        int row = positions[i];
        for (int c = 0; c < usedColumns.length; c++) {
          input[usedColumns[c]] = inputs[c].get(row);
        }
        Object[] result;
        try {
          result = projector.project(input);
        } catch (RuntimeException e) {
          throw NeedsRowPath.INSTANCE;
        }
        for (int slot = 0; slot < result.length; slot++) {
          builders.get(slot).append(result[slot]);
        }
      }
      ColumnVector[] columns = new ColumnVector[builders.size()];
      for (int slot = 0; slot < columns.length; slot++) {
        columns[slot] = builders.get(slot).build();
      }
      return columns;
    }
  }

  /** One output column: an input column passed through, or computed values. */
  sealed interface Projection {
    /** An input column, shared when every row is kept and gathered otherwise. */
    record Column(int index) implements Projection {}

    /**
     * Computed values of the column's type; {@code scale} is that of unscaled DECIMAL values, else
     * -1.
     */
    record Computed(VectorExpression expression, DataType type, int scale) implements Projection {}

    /** Computed row at a time: column {@code slot} of the {@link Rowwise} projections. */
    record RowAtATime(int slot, DataType type) implements Projection {}
  }

  /**
   * The rows of {@code batch} the condition keeps, projected; or null when some row needs the
   * row-at-a-time path (an error to report, a value the kernels do not represent).
   */
  public Batch evaluate(Batch batch) {
    Frame frame = new Frame(batch, locals);
    Rows all = Rows.all(batch.rowCount());
    Rows kept = all;
    try {
      if (condition instanceof LongRange range) {
        kept = range.select(frame, all);
      } else if (condition != null) {
        kept = all.where((Values.Booleans) condition.evaluate(frame, all), false);
      }
      ColumnVector[] columns = new ColumnVector[projections.length];
      for (int i = 0; i < projections.length; i++) {
        Projection projection = projections[i];
        if (projection instanceof Projection.Column column) {
          ColumnVector input = batch.column(column.index());
          columns[i] = kept == all ? input : input.gather(kept.positions(), kept.count());
        } else if (projection instanceof Projection.Computed computed) {
          Values values = computed.expression().evaluate(frame, kept);
          columns[i] = vector(values, kept, kept == all, batch.rowCount(), computed);
        }
      }
      if (rowwise != null) {
        ColumnVector[] rowColumns = rowwise.evaluate(batch, kept, projections);
        for (int i = 0; i < projections.length; i++) {
          if (projections[i] instanceof Projection.RowAtATime row) {
            columns[i] = rowColumns[row.slot()];
          }
        }
      }
      byte[] kinds = batch.kindCodes();
      if (kinds != null && kept != all) {
        byte[] keptKinds = new byte[kept.count()];
        int[] positions = kept.positions();
        for (int i = 0; i < keptKinds.length; i++) {
          keptKinds[i] = kinds[positions[i]];
        }
        kinds = keptKinds;
      }
      return new Batch(outputSchema, columns, kept.count(), kinds);
    } catch (NeedsRowPath e) {
      return null;
    }
  }

  /**
   * The values at {@code rows} as a vector of exactly their count. Values under a NULL are zero,
   * as a {@link io.rivulet.runtime.batch.VectorBuilder} leaves them.
   */
  private static ColumnVector vector(
      Values values, Rows rows, boolean dense, int size, Projection.Computed computed) {
    int count = rows.count();
    int[] positions = rows.positions();
    DataType type = computed.type();
    if (values instanceof Values.Objects objects) {
      Object[] x = objects.values();
      Object[] out = dense && x.length == count ? x : gather(x, positions, count);
      return new ObjectVector(type, out, count);
    }
    if (values instanceof Values.Longs longs) {
      long[] x = longs.values();
      boolean[] nulls = longs.nulls();
      long[] out;
      if (dense && x.length == count && nulls == null) {
        out = x;
      } else {
        out = new long[count];
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          out[i] = nulls != null && nulls[row] ? 0 : x[row];
        }
      }
      boolean[] outNulls = nulls(nulls, positions, count, dense);
      if (computed.scale() >= 0) {
        // Unscaled longs of the scale BigDecimal arithmetic gives, so get() makes the BigDecimal
        // the row path would have.
        return new DecimalVector(out, outNulls, computed.scale(), count);
      }
      return new LongVector(type, out, outNulls, count);
    }
    if (values instanceof Values.Doubles doubles) {
      double[] x = doubles.values();
      boolean[] nulls = doubles.nulls();
      double[] out;
      if (dense && x.length == count && nulls == null) {
        out = x;
      } else {
        out = new double[count];
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          out[i] = nulls != null && nulls[row] ? 0 : x[row];
        }
      }
      return new DoubleVector(type, out, nulls(nulls, positions, count, dense), count);
    }
    Values.Booleans booleans = (Values.Booleans) values;
    boolean[] x = booleans.values();
    boolean[] nulls = booleans.nulls();
    boolean[] out;
    if (dense && x.length == count && nulls == null) {
      out = x;
    } else {
      out = new boolean[count];
      for (int i = 0; i < count; i++) {
        int row = positions[i];
        out[i] = (nulls == null || !nulls[row]) && x[row];
      }
    }
    return new BooleanVector(out, nulls(nulls, positions, count, dense), count);
  }

  private static boolean[] nulls(boolean[] nulls, int[] positions, int count, boolean dense) {
    if (nulls == null) {
      return null;
    }
    if (dense && nulls.length == count) {
      return nulls;
    }
    boolean[] out = new boolean[count];
    boolean any = false;
    for (int i = 0; i < count; i++) {
      out[i] = nulls[positions[i]];
      any |= out[i];
    }
    return any ? out : null;
  }

  private static Object[] gather(Object[] values, int[] positions, int count) {
    Object[] out = new Object[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[positions[i]];
    }
    return out;
  }

  @Override
  public String toString() {
    return "VectorProgram" + Arrays.toString(projections);
  }
}
