package io.rivulet.planner.codegen.vector;

/** Null masks of kernel results: null when no row is null, shared when one operand decides. */
final class Nulls {
  private Nulls() {}

  /** The rows null in {@code first} or in {@code second}. */
  static boolean[] union(boolean[] first, boolean[] second, Rows rows, int size) {
    if (first == null) {
      return second;
    }
    if (second == null || second == first) {
      return first;
    }
    boolean[] union = new boolean[size];
    int[] positions = rows.positions();
    for (int i = 0; i < rows.count(); i++) {
      int row = positions[i];
      union[row] = first[row] | second[row];
    }
    return union;
  }

  /** The rows whose object value is null, or null when there are none. */
  static boolean[] of(Object[] values, Rows rows, int size) {
    boolean[] nulls = null;
    int[] positions = rows.positions();
    for (int i = 0; i < rows.count(); i++) {
      int row = positions[i];
      if (values[row] == null) {
        if (nulls == null) {
          nulls = new boolean[size];
        }
        nulls[row] = true;
      }
    }
    return nulls;
  }

  static boolean any(boolean[] nulls, Rows rows) {
    if (nulls == null) {
      return false;
    }
    int[] positions = rows.positions();
    for (int i = 0; i < rows.count(); i++) {
      if (nulls[positions[i]]) {
        return true;
      }
    }
    return false;
  }
}
