package io.rivulet.planner.codegen.vector;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * + - * / MOD and unary minus on integers (Java's wrapping arithmetic, as Calcite's generated code
 * does), on doubles, and on DECIMALs as unscaled longs (exact, as BigDecimal is: an overflow needs
 * the row path).
 */
final class Arithmetic {
  private Arithmetic() {}

  enum Operator {
    ADD,
    SUBTRACT,
    MULTIPLY,
    DIVIDE,
    MOD
  }

  /**
   * Integer arithmetic in longs. An INTEGER result wraps at 32 bits as Java's int arithmetic does:
   * the low 32 bits of the long result are the same.
   */
  record Integers(Operator operator, VectorExpression left, VectorExpression right, boolean toInt)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs a = (Values.Longs) left.evaluate(frame, rows);
      Values.Longs b = (Values.Longs) right.evaluate(frame, rows);
      long[] x = a.values();
      long[] y = b.values();
      boolean[] nulls = Nulls.union(a.nulls(), b.nulls(), rows, frame.size());
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      int count = rows.count();
      switch (operator) {
        case ADD:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] + y[row];
          }
          break;
        case SUBTRACT:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] - y[row];
          }
          break;
        case MULTIPLY:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] * y[row];
          }
          break;
        case DIVIDE:
        case MOD:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            if (nulls != null && nulls[row]) {
              continue;
            }
            if (y[row] == 0) {
              throw NeedsRowPath.INSTANCE;
            }
            out[row] = operator == Operator.DIVIDE ? x[row] / y[row] : x[row] % y[row];
          }
          break;
        default:
          throw new IllegalStateException(operator.name());
      }
      if (toInt) {
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          out[row] = (int) out[row];
        }
      }
      return new Values.Longs(out, nulls);
    }
  }

  /** Double arithmetic, IEEE as in Java: division by zero gives an infinity, not an error. */
  record Doubles(Operator operator, VectorExpression left, VectorExpression right)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Doubles a = (Values.Doubles) left.evaluate(frame, rows);
      Values.Doubles b = (Values.Doubles) right.evaluate(frame, rows);
      double[] x = a.values();
      double[] y = b.values();
      double[] out = new double[frame.size()];
      int[] positions = rows.positions();
      int count = rows.count();
      switch (operator) {
        case ADD:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] + y[row];
          }
          break;
        case SUBTRACT:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] - y[row];
          }
          break;
        case MULTIPLY:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] * y[row];
          }
          break;
        case DIVIDE:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] / y[row];
          }
          break;
        default:
          throw new IllegalStateException(operator.name());
      }
      return new Values.Doubles(out, Nulls.union(a.nulls(), b.nulls(), rows, frame.size()));
    }
  }

  /**
   * DECIMAL + - * and MOD as BigDecimal computes them: a sum has the larger scale of its operands, a
   * product the sum of their scales, a remainder the dividend's. Operands are unscaled longs of scales {@code leftScale} and
   * {@code rightScale}.
   */
  record Decimals(
      Operator operator, VectorExpression left, int leftScale, VectorExpression right, int rightScale)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs a = (Values.Longs) left.evaluate(frame, rows);
      Values.Longs b = (Values.Longs) right.evaluate(frame, rows);
      long[] x = a.values();
      long[] y = b.values();
      boolean[] nulls = Nulls.union(a.nulls(), b.nulls(), rows, frame.size());
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      int count = rows.count();
      long leftFactor = Decimal.POWERS_OF_TEN[Math.max(0, rightScale - leftScale)];
      long rightFactor = Decimal.POWERS_OF_TEN[Math.max(0, leftScale - rightScale)];
      try {
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          if (nulls != null && nulls[row]) {
            continue;
          }
          switch (operator) {
            case ADD:
              out[row] =
                  Math.addExact(
                      Math.multiplyExact(x[row], leftFactor), Math.multiplyExact(y[row], rightFactor));
              break;
            case SUBTRACT:
              out[row] =
                  Math.subtractExact(
                      Math.multiplyExact(x[row], leftFactor), Math.multiplyExact(y[row], rightFactor));
              break;
            case MULTIPLY:
              out[row] = Math.multiplyExact(x[row], y[row]);
              break;
            case MOD: {
              // Only with rightScale <= leftScale (see VectorCompiler): the remainder then has the
              // dividend's scale and sign, as BigDecimal's does; a zero divisor is the row path's error.
              long divisor = Math.multiplyExact(y[row], rightFactor);
              if (divisor == 0) {
                throw NeedsRowPath.INSTANCE;
              }
              out[row] = x[row] % divisor;
              break;
            }
            default:
              throw new IllegalStateException(operator.name());
          }
        }
      } catch (ArithmeticException overflow) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Longs(out, nulls);
    }
  }

  /** Unary minus of integers (wrapping, narrowed to int for INTEGER) or of unscaled decimals. */
  record NegateLongs(VectorExpression operand, boolean toInt, boolean exact)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs a = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = a.values();
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        long value = -x[row];
        if (exact && x[row] == Long.MIN_VALUE && !a.isNull(row)) {
          throw NeedsRowPath.INSTANCE;
        }
        out[row] = toInt ? (int) value : value;
      }
      return new Values.Longs(out, a.nulls());
    }
  }

  record NegateDoubles(VectorExpression operand) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Doubles a = (Values.Doubles) operand.evaluate(frame, rows);
      double[] x = a.values();
      double[] out = new double[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        out[row] = -x[row];
      }
      return new Values.Doubles(out, a.nulls());
    }
  }

  /** An integer as a double, as Java widens it. */
  record LongsToDoubles(VectorExpression operand) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs a = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = a.values();
      double[] out = new double[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        out[row] = x[row];
      }
      return new Values.Doubles(out, a.nulls());
    }
  }

  /**
   * A function of one long, for the rows that are not NULL (ABS, FLOOR and CEIL of dates and
   * timestamps to months and years): the Calcite function the row path calls. One that throws
   * needs the row path.
   */
  record MapLongs(VectorExpression operand, LongUnaryOperator function) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs a = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = a.values();
      boolean[] nulls = a.nulls();
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          if (nulls == null || !nulls[row]) {
            out[row] = function.applyAsLong(x[row]);
          }
        }
      } catch (RuntimeException e) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Longs(out, nulls);
    }
  }

  /** A function of two longs, for the rows where neither is NULL (DATE +/- INTERVAL). */
  record CombineLongs(VectorExpression left, VectorExpression right, LongBinaryOperator function)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs a = (Values.Longs) left.evaluate(frame, rows);
      Values.Longs b = (Values.Longs) right.evaluate(frame, rows);
      long[] x = a.values();
      long[] y = b.values();
      boolean[] nulls = Nulls.union(a.nulls(), b.nulls(), rows, frame.size());
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          if (nulls == null || !nulls[row]) {
            out[row] = function.applyAsLong(x[row], y[row]);
          }
        }
      } catch (RuntimeException e) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Longs(out, nulls);
    }
  }

  /** A function of one double (ABS, ROUND): the Calcite function the row path calls. */
  record MapDoubles(VectorExpression operand, DoubleUnaryOperator function) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Doubles a = (Values.Doubles) operand.evaluate(frame, rows);
      double[] x = a.values();
      boolean[] nulls = a.nulls();
      double[] out = new double[frame.size()];
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          if (nulls == null || !nulls[row]) {
            out[row] = function.applyAsDouble(x[row]);
          }
        }
      } catch (RuntimeException e) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Doubles(out, nulls);
    }
  }
}
