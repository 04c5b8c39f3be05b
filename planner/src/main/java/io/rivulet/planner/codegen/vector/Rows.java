package io.rivulet.planner.codegen.vector;

/**
 * The row positions an expression is evaluated for, ascending: all rows of a batch, those a filter
 * kept, or those a CASE branch applies to. {@code parent} is the set these were narrowed from, so
 * that a value computed for a superset can be reused.
 */
final class Rows {
  private static volatile int[] identity = new int[0];

  private final int[] positions;
  private final int count;
  private final Rows parent;

  private Rows(int[] positions, int count, Rows parent) {
    this.positions = positions;
    this.count = count;
    this.parent = parent;
  }

  /** The rows {@code 0..count-1}. */
  static Rows all(int count) {
    int[] shared = identity;
    if (shared.length < count) {
      shared = new int[Math.max(count, 1024)];
      for (int i = 0; i < shared.length; i++) {
        shared[i] = i;
      }
      identity = shared;
    }
    return new Rows(shared, count, null);
  }

  /** The first {@code count} of {@code positions}, ascending, as rows of their own. */
  static Rows of(int[] positions, int count) {
    return new Rows(positions, count, null);
  }

  /** The first {@code count} of {@code positions}, a subset of these rows, ascending. */
  Rows narrowed(int[] subset, int count) {
    return new Rows(subset, count, this);
  }

  /** The positions; only the first {@link #count()} entries are meaningful. */
  int[] positions() {
    return positions;
  }

  int count() {
    return count;
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** Whether values computed for {@code other} are defined for all of these rows. */
  boolean within(Rows other) {
    for (Rows rows = this; rows != null; rows = rows.parent) {
      if (rows == other) {
        return true;
      }
    }
    return false;
  }

  /** These rows where {@code condition} is TRUE (or, with {@code negate}, FALSE or NULL). */
  Rows where(Values.Booleans condition, boolean negate) {
    return split(condition)[negate ? 1 : 0];
  }

  /**
   * These rows split into those where {@code condition} is TRUE and the others (FALSE or NULL), in
   * one pass without branches: which rows pass is data, and a mispredicted branch per row would
   * cost more than the kernels themselves.
   */
  Rows[] split(Values.Booleans condition) {
    boolean[] values = condition.values();
    boolean[] nulls = condition.nulls();
    int[] taken = new int[count];
    int[] rest = new int[count];
    int t = 0;
    int r = 0;
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      int isTrue = values[row] && (nulls == null || !nulls[row]) ? 1 : 0;
      taken[t] = row;
      rest[r] = row;
      t += isTrue;
      r += 1 - isTrue;
    }
    return new Rows[] {
      t == count ? this : new Rows(taken, t, this), r == count ? this : new Rows(rest, r, this)
    };
  }
}
