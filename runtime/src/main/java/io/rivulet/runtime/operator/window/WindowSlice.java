package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.operator.aggregate.GroupedAggregates;
import io.rivulet.runtime.operator.hash.GroupTable;
import java.util.Arrays;
import java.util.List;

/**
 * The state of one interval of event time, a whole TUMBLE or HOP window or a pane of HOP windows:
 * its groups and their aggregates, and the rows of the batch being processed that belong to it,
 * which are folded in together once the batch has been split over the slices.
 */
final class WindowSlice {
  long start;
  long end;
  final GroupTable table;
  final GroupedAggregates aggregates;

  /** Rows of the current batch that belong to this slice, in order. */
  private int[] pendingRows = new int[16];

  private int pendingCount;

  /** With every-batch emission, per group: whether a row was emitted for it. */
  boolean[] emitted = new boolean[0];

  /** With every-batch emission, per group: whether it is in {@link #changedGroups}. */
  private boolean[] changed = new boolean[0];

  /** With every-batch emission, the groups changed in this micro-batch. */
  int[] changedGroups = new int[0];

  int changedCount;

  WindowSlice(long start, long end, GroupTable table, GroupedAggregates aggregates) {
    this.start = start;
    this.end = end;
    this.table = table;
    this.aggregates = aggregates;
  }

  /** Makes this slice, emptied, the state of another interval, reusing its arrays. */
  void reuse(long newStart, long newEnd) {
    start = newStart;
    end = newEnd;
    table.clear();
    aggregates.clear();
    pendingCount = 0;
    Arrays.fill(emitted, false);
    clearChanges();
  }

  /** Adds a row of the current batch; returns whether it is the slice's first in this batch. */
  boolean addPending(int row) {
    if (pendingCount == pendingRows.length) {
      pendingRows = Arrays.copyOf(pendingRows, pendingCount * 2);
    }
    pendingRows[pendingCount++] = row;
    return pendingCount == 1;
  }

  /**
   * Folds the pending rows into their groups, column by column, and forgets them.
   *
   * @param groups scratch space for at least as many group ids as there are pending rows
   * @param trackChanges whether to note the groups changed, for every-batch emission
   */
  void foldPending(Batch batch, ColumnVector[] keyColumns, int[] groups, boolean trackChanges) {
    int count = pendingCount;
    table.findOrInsert(keyColumns, pendingRows, count, groups);
    int groupLimit = table.idLimit();
    aggregates.ensureCapacity(groupLimit);
    aggregates.accumulate(batch, pendingRows, groups, count);
    pendingCount = 0;
    if (trackChanges) {
      if (changed.length < groupLimit) {
        int capacity = Math.max(groupLimit, changed.length * 2);
        changed = Arrays.copyOf(changed, capacity);
        emitted = Arrays.copyOf(emitted, capacity);
        changedGroups = Arrays.copyOf(changedGroups, capacity);
      }
      for (int i = 0; i < count; i++) {
        int group = groups[i];
        if (!changed[group]) {
          changed[group] = true;
          changedGroups[changedCount++] = group;
        }
      }
    }
  }

  int pendingCount() {
    return pendingCount;
  }

  /** Forgets the groups changed in this micro-batch. */
  void clearChanges() {
    for (int i = 0; i < changedCount; i++) {
      changed[changedGroups[i]] = false;
    }
    changedCount = 0;
  }

  /** The index in {@code slices}, sorted by start, of the slice starting at {@code start}. */
  static int search(List<WindowSlice> slices, long start) {
    int low = 0;
    int high = slices.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      long middleStart = slices.get(middle).start;
      if (middleStart < start) {
        low = middle + 1;
      } else if (middleStart > start) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -(low + 1);
  }
}
