package io.rivulet.planner.codegen.vector;

import io.rivulet.runtime.format.ValueFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;
import org.apache.calcite.linq4j.tree.Primitive;

/**
 * CASTs between the representations, each with the rule of the row path: Calcite's range-checked
 * integer narrowing and HALF_UP decimal rescaling with a precision check, and Rivulet's own
 * truncating DECIMAL/DOUBLE to integer and text forms ({@code RivuletFunctions}).
 */
final class Casts {
  private Casts() {}

  /** An integer narrowed to [min, max]; a value outside needs the row path (its error). */
  record CheckRange(VectorExpression operand, long min, long max) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = values.values();
      boolean[] nulls = values.nulls();
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        if ((x[row] < min || x[row] > max) && (nulls == null || !nulls[row])) {
          throw NeedsRowPath.INSTANCE;
        }
      }
      return values;
    }
  }

  /** A cast that only drops nullability: a NULL there needs the row path (it makes a zero). */
  record NotNull(VectorExpression operand) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values values = operand.evaluate(frame, rows);
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        if (values.isNull(positions[i])) {
          throw NeedsRowPath.INSTANCE;
        }
      }
      return values;
    }
  }

  /**
   * An unscaled decimal (or integer, scale 0) of scale {@code from} as DECIMAL(precision, to):
   * rescaled half up, and too many digits need the row path (its "cannot be represented" error).
   */
  record Rescale(VectorExpression operand, int from, int to, int precision)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = values.values();
      boolean[] nulls = values.nulls();
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          if (nulls != null && nulls[row]) {
            continue;
          }
          long value =
              to >= from
                  ? Math.multiplyExact(x[row], power(to - from))
                  : Decimal.roundHalfUp(x[row], from - to);
          if (!Decimal.fits(value, precision)) {
            throw NeedsRowPath.INSTANCE;
          }
          out[row] = value;
        }
      } catch (ArithmeticException overflow) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Longs(out, nulls);
    }

    private static long power(int digits) {
      if (digits >= Decimal.POWERS_OF_TEN.length) {
        throw NeedsRowPath.INSTANCE;
      }
      return Decimal.POWERS_OF_TEN[digits];
    }
  }

  /** DECIMAL to BIGINT truncating toward zero, as {@code BigDecimal.longValue()}. */
  record DecimalToLong(VectorExpression operand, int scale) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = values.values();
      long[] out = new long[frame.size()];
      long divisor = Decimal.POWERS_OF_TEN[scale];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        out[row] = x[row] / divisor;
      }
      return new Values.Longs(out, values.nulls());
    }
  }

  /** DOUBLE to BIGINT truncating toward zero, as Java's {@code (long)}. */
  record DoubleToLong(VectorExpression operand) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Doubles values = (Values.Doubles) operand.evaluate(frame, rows);
      double[] x = values.values();
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        out[row] = (long) x[row];
      }
      return new Values.Longs(out, values.nulls());
    }
  }

  /** DOUBLE to DECIMAL(precision, scale) through Calcite's own cast, one row at a time. */
  record DoubleToDecimal(VectorExpression operand, int precision, int scale)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Doubles values = (Values.Doubles) operand.evaluate(frame, rows);
      double[] x = values.values();
      boolean[] nulls = values.nulls();
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          if (nulls == null || !nulls[row]) {
            BigDecimal value =
                (BigDecimal) Primitive.fpDecimalCast(x[row], precision, scale, RoundingMode.HALF_UP);
            if (value.scale() != scale) {
              throw NeedsRowPath.INSTANCE;
            }
            out[row] = value.unscaledValue().longValueExact();
          }
        }
      } catch (ArithmeticException overflow) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Longs(out, nulls);
    }
  }

  /** TIMESTAMP (epoch milliseconds) to DATE (epoch days), flooring before 1970. */
  record TimestampToDate(VectorExpression operand) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = values.values();
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        out[row] = Math.floorDiv(x[row], 86_400_000L);
      }
      return new Values.Longs(out, values.nulls());
    }
  }

  /** How a long-held value becomes text. */
  enum LongText {
    INTEGER,
    TIMESTAMP
  }

  /** An integer or a timestamp as text. */
  record LongToString(VectorExpression operand, LongText form) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = values.values();
      boolean[] nulls = values.nulls();
      Object[] out = new Object[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        if (nulls == null || !nulls[row]) {
          out[row] =
              form == LongText.INTEGER ? Long.toString(x[row]) : ValueFormat.formatTimestamp(x[row]);
        }
      }
      return new Values.Objects(out);
    }
  }

  /** A decimal as text with its scale: {@code 0.50}. */
  record DecimalToString(VectorExpression operand, int scale) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = values.values();
      boolean[] nulls = values.nulls();
      Object[] out = new Object[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        if (nulls == null || !nulls[row]) {
          out[row] = BigDecimal.valueOf(x[row], scale).toPlainString();
        }
      }
      return new Values.Objects(out);
    }
  }

  /** Any value to an object through a function of the boxed value (text of doubles, booleans). */
  record ToObject(VectorExpression operand, Function<Object, Object> function)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values values = operand.evaluate(frame, rows);
      Object[] out = new Object[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        if (!values.isNull(row)) {
          out[row] = function.apply(boxed(values, row));
        }
      }
      return new Values.Objects(out);
    }

    private static Object boxed(Values values, int row) {
      if (values instanceof Values.Doubles d) {
        return d.values()[row];
      }
      if (values instanceof Values.Booleans b) {
        return b.values()[row];
      }
      if (values instanceof Values.Longs l) {
        return l.values()[row];
      }
      return ((Values.Objects) values).values()[row];
    }
  }

  /** Text to an integer through Calcite's parser; a malformed value needs the row path. */
  record StringToLong(VectorExpression operand, boolean toInt) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] x = ((Values.Objects) operand.evaluate(frame, rows)).values();
      long[] out = new long[frame.size()];
      boolean[] nulls = Nulls.of(x, rows, frame.size());
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          String text = (String) x[row];
          if (text != null) {
            out[row] =
                toInt
                    ? org.apache.calcite.runtime.SqlFunctions.toInt(text)
                    : org.apache.calcite.runtime.SqlFunctions.toLong(text);
          }
        }
      } catch (RuntimeException malformed) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Longs(out, nulls);
    }
  }
}
