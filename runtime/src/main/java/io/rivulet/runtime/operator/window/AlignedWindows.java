package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.Collector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TUMBLE windows, and HOP windows that cannot share panes (see {@link PanedWindows}): every open
 * window is a {@link WindowSlice} of its own, and a row is folded into each open window that
 * contains its time. This is the form that supports every-batch emission.
 */
final class AlignedWindows extends WindowAggregation {
  private final long size;
  private final long slide;
  private final long offset;

  /** The open windows, by start (and so by end). */
  private final List<WindowSlice> windows = new ArrayList<>();

  private final List<WindowSlice> touched = new ArrayList<>();
  private final List<WindowSlice> spares = new ArrayList<>();
  private WindowSlice lastFound;
  private int[] groups = new int[0];

  /** How many groups the last window to close had, to size new windows' tables. */
  private int expectedGroups = 8;

  AlignedWindows(WindowAggregateFactory plan, long size, long slide, long offset) {
    super(plan);
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  @Override
  void process(Batch batch, LongVector times) {
    long[] timeValues = times.values();
    boolean[] timeNulls = times.nulls();
    int rowCount = batch.rowCount();
    // Rows mostly come in time order: the previous row's last window is likely the next row's.
    long lastStart = Long.MAX_VALUE;
    for (int row = 0; row < rowCount; row++) {
      if (timeNulls != null && timeNulls[row]) {
        continue;
      }
      long time = timeValues[row];
      if (time < lastStart || time - lastStart >= slide) {
        lastStart = time - Math.floorMod(time - offset, slide);
      }
      if (lastStart + size <= time) {
        continue; // between two HOP windows, when the slide is larger than the size
      }
      if (lastStart + size <= watermark) {
        late(time);
        continue;
      }
      // Earlier windows end earlier: stop at the first that no longer holds the row or has closed.
      for (long start = lastStart;
          start + size > time && start + size > watermark;
          start -= slide) {
        WindowSlice window = window(start);
        if (window.addPending(row)) {
          touched.add(window);
        }
      }
    }
    if (touched.isEmpty()) {
      return;
    }
    ColumnVector[] keyColumns = keyColumns(batch);
    for (WindowSlice window : touched) {
      if (groups.length < window.pendingCount()) {
        groups = new int[Math.max(window.pendingCount(), groups.length * 2)];
      }
      window.foldPending(batch, keyColumns, groups, everyBatch);
    }
    touched.clear();
  }

  private WindowSlice window(long start) {
    WindowSlice found = lastFound;
    if (found != null && found.start == start) {
      return found;
    }
    int index = WindowSlice.search(windows, start);
    if (index >= 0) {
      found = windows.get(index);
    } else {
      found = newSlice(start, start + size, spares, expectedGroups);
      windows.add(-index - 1, found);
    }
    lastFound = found;
    return found;
  }

  @Override
  void emit(Collector out) {
    int closing = 0;
    int closingGroups = 0;
    while (closing < windows.size() && windows.get(closing).end <= watermark) {
      closingGroups += windows.get(closing).table.size();
      closing++;
    }
    BatchBuilder builder = new BatchBuilder(outputSchema, Math.max(16, closingGroups));
    for (int i = 0; i < closing; i++) {
      WindowSlice window = windows.get(i);
      int count = window.table.size();
      groups = window.table.groups(groups);
      window.table.sortByKey(groups, count);
      if (everyBatch) {
        for (int g = 0; g < count; g++) {
          emitChange(builder, window, groups[g]);
        }
      } else {
        appendInserts(
            builder, window.table, groups, count, window.start, window.end, window.aggregates);
      }
      expectedGroups = Math.max(8, count + count / 4);
    }
    if (everyBatch) {
      for (int i = closing; i < windows.size(); i++) {
        WindowSlice window = windows.get(i);
        int count = window.changedCount;
        if (count == 0) {
          continue;
        }
        int[] changed = Arrays.copyOf(window.changedGroups, count);
        window.clearChanges();
        window.table.sortByKey(changed, count);
        for (int group : changed) {
          emitChange(builder, window, group);
        }
      }
    }
    if (closing > 0) {
      for (int i = 0; i < closing; i++) {
        keepSpare(windows.get(i), spares);
      }
      windows.subList(0, closing).clear();
      lastFound = null;
    }
    collect(builder, out);
  }

  /** Appends what changed in a group's result since the row last emitted for it. */
  private void emitChange(BatchBuilder builder, WindowSlice window, int group) {
    if (!window.emitted[group]) {
      appendRow(
          builder, window.table, group, window.start, window.end, window.aggregates,
          RowKind.INSERT);
    } else if (!window.aggregates.sameAsEmitted(group)) {
      appendEmittedRow(
          builder, window.table, group, window.start, window.end, window.aggregates,
          RowKind.UPDATE_BEFORE);
      appendRow(
          builder, window.table, group, window.start, window.end, window.aggregates,
          RowKind.UPDATE_AFTER);
    } else {
      return;
    }
    window.aggregates.saveEmitted(group);
    window.emitted[group] = true;
  }

  @Override
  long stateSize() {
    long groupsHeld = 0;
    for (WindowSlice window : windows) {
      groupsHeld += window.table.size();
    }
    return groupsHeld;
  }

  @Override
  void close() {
    windows.clear();
    touched.clear();
    spares.clear();
    lastFound = null;
  }
}
