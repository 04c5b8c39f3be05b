package io.rivulet.planner.codegen.vector;

import java.util.List;

/**
 * {@code lower <= x <= upper} for one long-valued expression {@code x}, NULL when {@code x} is: the
 * AND of comparisons of one expression with literals ({@code 0.908 * price > 1000000 AND 0.908 *
 * price < 50000000}), or one such comparison, in one pass. As a filter it yields the rows it keeps
 * directly ({@link #select}), without boolean arrays in between. {@code lower > upper} is a range
 * no value is in.
 */
record LongRange(VectorExpression operand, long lower, long upper) implements VectorExpression {
  @Override
  public Values evaluate(Frame frame, Rows rows) {
    Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
    long[] x = values.values();
    boolean[] out = new boolean[frame.size()];
    int[] positions = rows.positions();
    int count = rows.count();
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      long value = x[row];
      out[row] = value >= lower & value <= upper;
    }
    return new Values.Booleans(out, values.nulls());
  }

  /** The rows (of {@code rows}) where the range holds: not those where it is FALSE or NULL. */
  Rows select(Frame frame, Rows rows) {
    Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
    long[] x = values.values();
    boolean[] nulls = values.nulls();
    int[] positions = rows.positions();
    int count = rows.count();
    int[] kept = new int[count];
    int k = 0;
    // Without branches: which rows pass is data, and mispredictions would dominate.
    if (nulls == null) {
      for (int i = 0; i < count; i++) {
        int row = positions[i];
        long value = x[row];
        kept[k] = row;
        k += value >= lower & value <= upper ? 1 : 0;
      }
    } else {
      for (int i = 0; i < count; i++) {
        int row = positions[i];
        long value = x[row];
        kept[k] = row;
        k += value >= lower & value <= upper & !nulls[row] ? 1 : 0;
      }
    }
    return k == count ? rows : rows.narrowed(kept, k);
  }

  /**
   * The range that is the AND of {@code conjuncts}, or null unless each is an (in)equality other
   * than {@code <>} between one and the same expression and a non-NULL literal. The literal is
   * brought to the expression's scale exactly, rounding the bound inwards, so the test is exact
   * where the comparison would scale every value (and could overflow doing so).
   */
  static LongRange of(List<VectorExpression> conjuncts) {
    VectorExpression operand = null;
    long lower = Long.MIN_VALUE;
    long upper = Long.MAX_VALUE;
    for (VectorExpression conjunct : conjuncts) {
      LongRange range = of(conjunct);
      if (range == null || operand != null && !operand.equals(range.operand())) {
        return null;
      }
      operand = range.operand();
      lower = Math.max(lower, range.lower());
      upper = Math.min(upper, range.upper());
    }
    return operand == null ? null : new LongRange(operand, lower, upper);
  }

  /** The range of one comparison with a literal, or null. */
  static LongRange of(VectorExpression expression) {
    if (expression instanceof LongRange range) {
      return range;
    }
    if (!(expression instanceof Comparisons.Longs comparison)) {
      return null;
    }
    Comparisons.Operator operator = comparison.operator();
    VectorExpression operand;
    long factor;
    Object literal;
    long literalFactor;
    if (comparison.right() instanceof Leaves.Constant constant) {
      operand = comparison.left();
      factor = comparison.leftFactor();
      literal = constant.value();
      literalFactor = comparison.rightFactor();
    } else if (comparison.left() instanceof Leaves.Constant constant) {
      operand = comparison.right();
      factor = comparison.rightFactor();
      literal = constant.value();
      literalFactor = comparison.leftFactor();
      operator = flipped(operator);
    } else {
      return null;
    }
    if (!(literal instanceof Long value) || operator == Comparisons.Operator.NOT_EQUAL) {
      return null;
    }
    long bound;
    try {
      bound = Math.multiplyExact(value, literalFactor);
    } catch (ArithmeticException overflow) {
      return null;
    }
    // operand * factor OP bound, with factor >= 1.
    long floor = Math.floorDiv(bound, factor);
    boolean exact = Math.floorMod(bound, factor) == 0;
    long ceiling = exact ? floor : floor + 1;
    switch (operator) {
      case EQUAL:
        return exact
            ? new LongRange(operand, floor, floor)
            : new LongRange(operand, 1, 0);
      case LESS:
        return ceiling == Long.MIN_VALUE
            ? new LongRange(operand, 1, 0)
            : new LongRange(operand, Long.MIN_VALUE, ceiling - 1);
      case LESS_OR_EQUAL:
        return new LongRange(operand, Long.MIN_VALUE, floor);
      case GREATER:
        return floor == Long.MAX_VALUE
            ? new LongRange(operand, 1, 0)
            : new LongRange(operand, floor + 1, Long.MAX_VALUE);
      default:
        return new LongRange(operand, ceiling, Long.MAX_VALUE);
    }
  }

  /**
   * Which branch of a searched CASE applies to each row when every condition is a union of ranges
   * of one expression ({@code WHEN EXTRACT(HOUR FROM t) >= 8 AND ... <= 18 THEN ... WHEN ... <= 6
   * OR ... >= 20 THEN ...}): the branch of the first range that holds the value, else (no range,
   * or a NULL value, for which every condition is NULL) {@code otherwise}. One pass over the
   * values instead of a boolean array and a split of the rows per condition.
   *
   * <p>{@code lowers[k] <= x <= uppers[k]} is range {@code k}; the ranges are in the order of the
   * conditions, and {@code branches[k]} is the condition range {@code k} belongs to.
   */
  record FirstContaining(
      VectorExpression operand, long[] lowers, long[] uppers, int[] branches, int otherwise)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Longs values = (Values.Longs) operand.evaluate(frame, rows);
      long[] x = values.values();
      boolean[] nulls = values.nulls();
      long[] out = new long[frame.size()];
      int[] positions = rows.positions();
      int count = rows.count();
      int ranges = lowers.length;
      for (int i = 0; i < count; i++) {
        int row = positions[i];
        long value = x[row];
        int branch = otherwise;
        // Last to first, so that the first range holding the value decides, without branches.
        for (int k = ranges - 1; k >= 0; k--) {
          branch = value >= lowers[k] & value <= uppers[k] ? branches[k] : branch;
        }
        out[row] = nulls != null && nulls[row] ? otherwise : branch;
      }
      return new Values.Longs(out, null);
    }
  }

  /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
  private static Comparisons.Operator flipped(Comparisons.Operator operator) {
    switch (operator) {
      case LESS:
        return Comparisons.Operator.GREATER;
      case LESS_OR_EQUAL:
        return Comparisons.Operator.GREATER_OR_EQUAL;
      case GREATER:
        return Comparisons.Operator.LESS;
      case GREATER_OR_EQUAL:
        return Comparisons.Operator.LESS_OR_EQUAL;
      default:
        return operator;
    }
  }
}
