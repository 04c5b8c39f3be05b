package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.batch.Batch;
import java.util.HashMap;
import java.util.Map;

/**
 * One loaded version of a lookup join's table: its rows and a hash index from key to the positions
 * of the rows holding it. Never changed once built, so every partition can read it at once.
 */
final class TableIndex {
  private static final int[] NO_ROWS = new int[0];

  private final Batch rows;
  private final Map<Object, int[]> positions;

  private TableIndex(Batch rows, Map<Object, int[]> positions) {
    this.rows = rows;
    this.positions = positions;
  }

  /** Indexes {@code rows} by {@code keys}; rows with a null in their key are left out. */
  static TableIndex build(Batch rows, JoinKeys keys) {
    Object[] rowKeys = keys.keysOf(rows);
    Map<Object, int[]> positions = new HashMap<>();
    Map<Object, Integer> counts = new HashMap<>();
    for (Object key : rowKeys) {
      if (key != null) {
        counts.merge(key, 1, Integer::sum);
      }
    }
    Map<Object, Integer> filled = new HashMap<>();
    for (int row = 0; row < rowKeys.length; row++) {
      Object key = rowKeys[row];
      if (key == null) {
        continue;
      }
      int[] list = positions.computeIfAbsent(key, k -> new int[counts.get(k)]);
      int next = filled.merge(key, 1, Integer::sum) - 1;
      list[next] = row;
    }
    return new TableIndex(rows, positions);
  }

  Batch rows() {
    return rows;
  }

  /** The positions of the rows whose key is {@code key}, in table order; empty when none. */
  int[] matches(Object key) {
    if (key == null) {
      return NO_ROWS;
    }
    int[] found = positions.get(key);
    return found == null ? NO_ROWS : found;
  }

  int rowCount() {
    return rows.rowCount();
  }

  @Override
  public String toString() {
    return "TableIndex(" + rows.rowCount() + " rows, " + positions.size() + " keys)";
  }
}
