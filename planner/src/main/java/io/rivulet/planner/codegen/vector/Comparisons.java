package io.rivulet.planner.codegen.vector;

/** = <> < <= > >= of two operands of one kind, NULL when either is NULL. */
final class Comparisons {
  private Comparisons() {}

  enum Operator {
    EQUAL,
    NOT_EQUAL,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL;

    /** Whether a comparison result ({@code compare(a, b)}-style sign) satisfies the operator. */
    boolean test(int sign) {
      switch (this) {
        case EQUAL:
          return sign == 0;
        case NOT_EQUAL:
          return sign != 0;
        case LESS:
          return sign < 0;
        case LESS_OR_EQUAL:
          return sign <= 0;
        case GREATER:
          return sign > 0;
        default:
          return sign >= 0;
      }
    }
  }

  /** Integers, timestamps, dates, and DECIMALs brought to one scale. */
  record Longs(
      Operator operator, VectorExpression left, long leftFactor, VectorExpression right, long rightFactor)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs a = (Values.Longs) left.evaluate(frame, rows);
      Values.Longs b = (Values.Longs) right.evaluate(frame, rows);
      long[] x = a.values();
      long[] y = b.values();
      boolean[] nulls = Nulls.union(a.nulls(), b.nulls(), rows, frame.size());
      if (leftFactor != 1 || rightFactor != 1) {
        x = scale(x, leftFactor, nulls, rows, frame.size());
        y = scale(y, rightFactor, nulls, rows, frame.size());
      }
      boolean[] out = new boolean[frame.size()];
      int[] positions = rows.positions();
      int count = rows.count();
      switch (operator) {
        case EQUAL:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] == y[row];
          }
          break;
        case NOT_EQUAL:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] != y[row];
          }
          break;
        case LESS:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] < y[row];
          }
          break;
        case LESS_OR_EQUAL:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] <= y[row];
          }
          break;
        case GREATER:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] > y[row];
          }
          break;
        default:
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[row] = x[row] >= y[row];
          }
          break;
      }
      return new Values.Booleans(out, nulls);
    }

    private static long[] scale(long[] values, long factor, boolean[] nulls, Rows rows, int size) {
      if (factor == 1) {
        return values;
      }
      long[] scaled = new long[size];
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          if (nulls == null || !nulls[row]) {
            scaled[row] = Math.multiplyExact(values[row], factor);
          }
        }
      } catch (ArithmeticException overflow) {
        throw NeedsRowPath.INSTANCE;
      }
      return scaled;
    }
  }

  /** Doubles, with Java's primitive comparisons (NaN is unequal to everything). */
  record Doubles(Operator operator, VectorExpression left, VectorExpression right)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Doubles a = (Values.Doubles) left.evaluate(frame, rows);
      Values.Doubles b = (Values.Doubles) right.evaluate(frame, rows);
      double[] x = a.values();
      double[] y = b.values();
      boolean[] out = new boolean[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        double p = x[row];
        double q = y[row];
        boolean result;
        switch (operator) {
          case EQUAL:
            result = p == q;
            break;
          case NOT_EQUAL:
            result = p != q;
            break;
          case LESS:
            result = p < q;
            break;
          case LESS_OR_EQUAL:
            result = p <= q;
            break;
          case GREATER:
            result = p > q;
            break;
          default:
            result = p >= q;
            break;
        }
        out[row] = result;
      }
      return new Values.Booleans(out, Nulls.union(a.nulls(), b.nulls(), rows, frame.size()));
    }
  }

  /** Booleans, FALSE before TRUE. */
  record Booleans(Operator operator, VectorExpression left, VectorExpression right)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Booleans a = (Values.Booleans) left.evaluate(frame, rows);
      Values.Booleans b = (Values.Booleans) right.evaluate(frame, rows);
      boolean[] x = a.values();
      boolean[] y = b.values();
      boolean[] out = new boolean[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        out[row] = operator.test(Boolean.compare(x[row], y[row]));
      }
      return new Values.Booleans(out, Nulls.union(a.nulls(), b.nulls(), rows, frame.size()));
    }
  }

  /** Strings: equality by {@code equals}, order by {@code compareTo}, as Calcite's functions. */
  record Strings(Operator operator, VectorExpression left, VectorExpression right)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] x = ((Values.Objects) left.evaluate(frame, rows)).values();
      Object[] y = ((Values.Objects) right.evaluate(frame, rows)).values();
      boolean[] out = new boolean[frame.size()];
      boolean[] nulls = null;
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        Object p = x[row];
        Object q = y[row];
        if (p == null || q == null) {
          if (nulls == null) {
            nulls = new boolean[frame.size()];
          }
          nulls[row] = true;
        } else if (operator == Operator.EQUAL) {
          out[row] = p.equals(q);
        } else if (operator == Operator.NOT_EQUAL) {
          out[row] = !p.equals(q);
        } else {
          out[row] = operator.test(((String) p).compareTo((String) q));
        }
      }
      return new Values.Booleans(out, nulls);
    }
  }

  /** A string equal (or, with {@code negate}, unequal) to a literal. */
  record StringEqualsConstant(VectorExpression operand, String constant, boolean negate)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] x = ((Values.Objects) operand.evaluate(frame, rows)).values();
      boolean[] out = new boolean[frame.size()];
      boolean[] nulls = null;
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        Object value = x[row];
        if (value == null) {
          if (nulls == null) {
            nulls = new boolean[frame.size()];
          }
          nulls[row] = true;
        } else {
          out[row] = constant.equals(value) != negate;
        }
      }
      return new Values.Booleans(out, nulls);
    }
  }

  /**
   * Whether a value is one of a few literals: {@code x IN (...)}, a SEARCH of points, which Calcite
   * would expand to ORed equalities. A NULL value gives {@code ifNull} (null: NULL).
   */
  record In(VectorExpression operand, Object[] points, Boolean ifNull) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values values = operand.evaluate(frame, rows);
      boolean[] out = new boolean[frame.size()];
      boolean[] nulls = null;
      int[] positions = rows.positions();
      long[] longs = values instanceof Values.Longs l ? l.values() : null;
      Object[] objects = values instanceof Values.Objects o ? o.values() : null;
      long[] longPoints = null;
      if (longs != null) {
        longPoints = new long[points.length];
        for (int p = 0; p < points.length; p++) {
          longPoints[p] = (Long) points[p];
        }
      }
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        if (values.isNull(row)) {
          if (ifNull == null) {
            if (nulls == null) {
              nulls = new boolean[frame.size()];
            }
            nulls[row] = true;
          } else {
            out[row] = ifNull;
          }
          continue;
        }
        boolean found = false;
        if (longs != null) {
          long value = longs[row];
          for (long point : longPoints) {
            found |= point == value;
          }
        } else {
          Object value = objects[row];
          for (int p = 0; p < points.length && !found; p++) {
            found = points[p].equals(value);
          }
        }
        out[row] = found;
      }
      return new Values.Booleans(out, nulls);
    }
  }
}
