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
    boolean[] values = condition.values();
    boolean[] nulls = condition.nulls();
    int[] kept = new int[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      boolean isTrue = values[row] && (nulls == null || !nulls[row]);
      if (isTrue != negate) {
        kept[n++] = row;
      }
    }
    if (n == count) {
      return this;
    }
    return new Rows(kept, n, this);
  }
}
