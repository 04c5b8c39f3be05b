package io.rivulet.planner.codegen.vector;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.runtime.SqlFunctions;

/** EXTRACT and FLOOR/CEIL of timestamps (epoch milliseconds) and dates (epoch days). */
final class Temporal {
  private Temporal() {}

  /** A field below a day: {@code floorMod(millis, modulus) / divisor}, e.g. HOUR. */
  record TimeField(VectorExpression operand, long modulus, long divisor)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = values.values();
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        out[row] = Math.floorMod(x[row], modulus) / divisor;
      }
      return new Values.Longs(out, values.nulls());
    }
  }

  /** A field of the date (YEAR, MONTH, DAY, ...), of a timestamp or of a date. */
  record DateField(VectorExpression operand, TimeUnitRange unit, boolean fromTimestamp)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = values.values();
      boolean[] nulls = values.nulls();
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        if (nulls == null || !nulls[row]) {
          long day = fromTimestamp ? Math.floorDiv(x[row], 86_400_000L) : x[row];
          out[row] = SqlFunctions.unixDateExtract(unit, day);
        }
      }
      return new Values.Longs(out, nulls);
    }
  }

  /** FLOOR (or CEIL) of a timestamp to a unit of {@code millis} milliseconds. */
  record Round(VectorExpression operand, long millis, boolean ceil) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = values.values();
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        out[row] = ceil ? SqlFunctions.ceil(x[row], millis) : SqlFunctions.floor(x[row], millis);
      }
      return new Values.Longs(out, values.nulls());
    }
  }
}
