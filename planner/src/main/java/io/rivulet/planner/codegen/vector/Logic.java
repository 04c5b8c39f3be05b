package io.rivulet.planner.codegen.vector;

import java.util.List;

/** SQL's three-valued AND, OR, NOT, the IS tests, and CASE. */
final class Logic {
  private Logic() {}

  /**
   * AND (or, with {@code or}, OR) of all operands, every one evaluated as the row path does: FALSE
   * (TRUE) when any operand is, else NULL when any is NULL.
   */
  record Junction(boolean or, List<VectorExpression> operands) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      int size = frame.size();
      int[] positions = rows.positions();
      int count = rows.count();
      // decided: some operand is FALSE (AND) or TRUE (OR); unknown: some operand is NULL.
      boolean[] decided = new boolean[size];
      boolean[] unknown = null;
      for (VectorExpression operand : operands) {
        Values.Booleans values = (Values.Booleans) operand.evaluate(frame, rows);
        boolean[] x = values.values();
        boolean[] nulls = values.nulls();
        if (nulls == null) {
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            decided[row] |= x[row] == or;
          }
        } else {
          if (unknown == null) {
            unknown = new boolean[size];
          }
          for (int i = 0; i < count; i++) {
            int row = positions[i];
            boolean isNull = nulls[row];
            unknown[row] |= isNull;
            decided[row] |= !isNull & (x[row] == or);
          }
        }
      }
      // Without branches: which rows are decided is data, and mispredictions would dominate.
      boolean[] out = new boolean[size];
      if (unknown == null) {
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          out[row] = decided[row] == or;
        }
        return new Values.Booleans(out, null);
      }
      boolean[] outNulls = new boolean[size];
      for (int i = 0; i < count; i++) {
        int row = positions[i];
        boolean isDecided = decided[row];
        boolean isUnknown = unknown[row] & !isDecided;
        outNulls[row] = isUnknown;
        out[row] = or ? isDecided : !isDecided & !isUnknown;
      }
      return new Values.Booleans(out, outNulls);
    }
  }

  record Not(VectorExpression operand) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Booleans values = (Values.Booleans) operand.evaluate(frame, rows);
      boolean[] x = values.values();
      boolean[] out = new boolean[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        out[row] = !x[row];
      }
      return new Values.Booleans(out, values.nulls());
    }
  }

  /** IS NULL, or with {@code negate} IS NOT NULL: never NULL itself. */
  record IsNull(VectorExpression operand, boolean negate) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values values = operand.evaluate(frame, rows);
      boolean[] out = new boolean[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        out[row] = values.isNull(row) != negate;
      }
      return new Values.Booleans(out, null);
    }
  }

  /**
   * IS TRUE ({@code value} true), IS FALSE ({@code value} false), and with {@code negate} IS NOT
   * TRUE and IS NOT FALSE: never NULL itself.
   */
  record Is(VectorExpression operand, boolean value, boolean negate) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Booleans values = (Values.Booleans) operand.evaluate(frame, rows);
      boolean[] x = values.values();
      boolean[] nulls = values.nulls();
      boolean[] out = new boolean[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        boolean is = x[row] == value && (nulls == null || !nulls[row]);
        out[row] = is != negate;
      }
      return new Values.Booleans(out, null);
    }
  }

  /**
   * A searched CASE: each branch is evaluated only for the rows that reach it and whose condition
   * is TRUE, as the row path's nested ifs do, so a guarded division never sees its zero.
   */
  record Case(
      Representation representation,
      List<VectorExpression> conditions,
      List<VectorExpression> results,
      VectorExpression otherwise)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Result result = new Result(representation, frame.size());
      Rows remaining = rows;
      for (int b = 0; b < conditions.size() && !remaining.isEmpty(); b++) {
        Values.Booleans condition = (Values.Booleans) conditions.get(b).evaluate(frame, remaining);
        Rows[] split = remaining.split(condition);
        Rows taken = split[0];
        if (!taken.isEmpty()) {
          result.copy(results.get(b).evaluate(frame, taken), taken);
          remaining = split[1];
        }
      }
      if (!remaining.isEmpty()) {
        result.copy(otherwise.evaluate(frame, remaining), remaining);
      }
      return result.values();
    }
  }

  /**
   * Which branch of a searched CASE applies to each row: the index of its first TRUE condition,
   * or the number of conditions for the ELSE; each condition is evaluated only for the rows that
   * reach it, as in {@link Case}. Memoized per string when the conditions read one column alone.
   */
  record FirstTrue(List<VectorExpression> conditions) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      long[] out = new long[frame.size()];
      Rows remaining = rows;
      for (int b = 0; b < conditions.size() && !remaining.isEmpty(); b++) {
        Values.Booleans condition = (Values.Booleans) conditions.get(b).evaluate(frame, remaining);
        Rows[] split = remaining.split(condition);
        int[] taken = split[0].positions();
        for (int i = 0; i < split[0].count(); i++) {
          out[taken[i]] = b;
        }
        remaining = split[1];
      }
      int[] rest = remaining.positions();
      for (int i = 0; i < remaining.count(); i++) {
        out[rest[i]] = conditions.size();
      }
      return new Values.Longs(out, null);
    }
  }

  /**
   * A searched CASE whose branch per row is known ({@link FirstTrue}): the rows are grouped by
   * branch in one pass, and each result is evaluated for its own rows only.
   */
  record CaseByBranch(
      Representation representation,
      VectorExpression branch,
      List<VectorExpression> results,
      VectorExpression otherwise)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      long[] branches = ((Values.Longs) branch.evaluate(frame, rows)).values();
      int count = rows.count();
      int[] positions = rows.positions();
      int groups = results.size() + 1;
      int[] sizes = new int[groups];
      for (int i = 0; i < count; i++) {
        sizes[(int) branches[positions[i]]]++;
      }
      int[][] members = new int[groups][];
      for (int g = 0; g < groups; g++) {
        members[g] = sizes[g] == count || sizes[g] == 0 ? null : new int[sizes[g]];
      }
      int[] filled = new int[groups];
      for (int i = 0; i < count; i++) {
        int row = positions[i];
        int g = (int) branches[row];
        if (members[g] != null) {
          members[g][filled[g]++] = row;
        }
      }
      Result result = new Result(representation, frame.size());
      for (int g = 0; g < groups; g++) {
        if (sizes[g] == 0) {
          continue;
        }
        Rows group = sizes[g] == count ? rows : rows.narrowed(members[g], sizes[g]);
        VectorExpression value = g < results.size() ? results.get(g) : otherwise;
        result.copy(value.evaluate(frame, group), group);
      }
      return result.values();
    }
  }

  /** The values of a CASE, filled branch by branch. */
  private static final class Result {
    private final Representation representation;
    private final int size;
    private long[] longs;
    private double[] doubles;
    private boolean[] booleans;
    private Object[] objects;
    private boolean[] nulls;

    Result(Representation representation, int size) {
      this.representation = representation;
      this.size = size;
      switch (representation) {
        case LONG:
          longs = new long[size];
          break;
        case DOUBLE:
          doubles = new double[size];
          break;
        case BOOLEAN:
          booleans = new boolean[size];
          break;
        default:
          objects = new Object[size];
          break;
      }
    }

    void copy(Values values, Rows rows) {
      int[] positions = rows.positions();
      int count = rows.count();
      if (values instanceof Values.Objects o) {
        Object[] x = o.values();
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          objects[row] = x[row];
        }
        return;
      }
      boolean[] sourceNulls;
      if (values instanceof Values.Longs l) {
        long[] x = l.values();
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          longs[row] = x[row];
        }
        sourceNulls = l.nulls();
      } else if (values instanceof Values.Doubles d) {
        double[] x = d.values();
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          doubles[row] = x[row];
        }
        sourceNulls = d.nulls();
      } else {
        Values.Booleans b = (Values.Booleans) values;
        boolean[] x = b.values();
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          booleans[row] = x[row];
        }
        sourceNulls = b.nulls();
      }
      if (sourceNulls != null) {
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          if (sourceNulls[row]) {
            if (nulls == null) {
              nulls = new boolean[size];
            }
            nulls[row] = true;
          }
        }
      }
    }

    Values values() {
      switch (representation) {
        case LONG:
          return new Values.Longs(longs, nulls);
        case DOUBLE:
          return new Values.Doubles(doubles, nulls);
        case BOOLEAN:
          return new Values.Booleans(booleans, nulls);
        default:
          return new Values.Objects(objects);
      }
    }
  }
}
