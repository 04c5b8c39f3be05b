package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.aggregate.GroupedAggregates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HOP windows emitted on close, kept as panes: time is cut into panes of {@code gcd(size, slide)},
 * each window is a run of whole panes, and a row is folded once, into its pane, rather than into
 * each of the {@code size / slide} windows holding it. When a window closes, its panes' states
 * are merged into the window's result; a pane is dropped once its last window has closed.
 *
 * <p>Used only where the merge gives exactly what folding each row into each window would (see
 * {@link GroupedAggregates#mergeExactly}), where keys have one form per value (no DECIMAL or
 * floating-point keys, whose form shown is that of the window's first row), and where a window
 * has a bounded number of panes.
 */
final class PanedWindows extends WindowAggregation {
  /** The most panes a window may have for panes to pay off. */
  static final long MAX_PANES_PER_WINDOW = 64;

  private final long size;
  private final long slide;
  private final long offset;
  private final long paneSize;

  /** The panes held, by start. */
  private final List<WindowSlice> panes = new ArrayList<>();

  private final List<WindowSlice> touched = new ArrayList<>();
  private final List<WindowSlice> spares = new ArrayList<>();

  /** Where a window's panes are merged when it closes; emptied for each window. */
  private WindowSlice merged;
  private WindowSlice lastFound;
  private int[] groups = new int[0];
  private int[] targets = new int[0];

  /** The watermark of the last emission: windows ending at or before it have fired. */
  private long fired = Long.MIN_VALUE;

  /** How many groups the last pane to go had, to size new panes' tables. */
  private int expectedGroups = 8;

  /** How many groups the last window to close had, to size the output. */
  private int expectedWindowGroups = 8;

  PanedWindows(WindowAggregateFactory plan, long size, long slide, long offset) {
    super(plan);
    this.size = size;
    this.slide = slide;
    this.offset = offset;
    this.paneSize = gcd(size, slide);
  }

  /** Whether a plan's HOP windows can be kept as panes. */
  static boolean suits(WindowAggregateFactory plan, WindowSpec.Hop hop) {
    if (plan.emit() != EmitMode.ON_CLOSE
        || !GroupedAggregates.mergeExactly(plan.calls(), plan.inputSchema())) {
      return false;
    }
    for (int key : plan.groupKeys()) {
      switch (plan.inputSchema().type(key)) {
        case DECIMAL, FLOAT, DOUBLE, OTHER, ARRAY:
          return false;
        default:
          break;
      }
    }
    long paneSize = gcd(hop.sizeMillis(), hop.slideMillis());
    return hop.sizeMillis() / paneSize <= MAX_PANES_PER_WINDOW;
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** The start of the last window holding a time (or pane start). */
  private long lastWindowStart(long time) {
    return time - Math.floorMod(time - offset, slide);
  }

  @Override
  void process(Batch batch, LongVector times) {
    long[] timeValues = times.values();
    boolean[] timeNulls = times.nulls();
    int rowCount = batch.rowCount();
    // Rows mostly come in time order: the pane of the previous row is likely the next row's.
    long paneStart = Long.MAX_VALUE;
    long paneEnd = Long.MIN_VALUE;
    long lastEnd = 0;
    WindowSlice pane = null;
    for (int row = 0; row < rowCount; row++) {
      if (timeNulls != null && timeNulls[row]) {
        continue;
      }
      long time = timeValues[row];
      if (time < paneStart || time >= paneEnd) {
        // A pane lies within one slide, so all its times share their last window.
        paneStart = time - Math.floorMod(time - offset, paneSize);
        paneEnd = paneStart + paneSize;
        lastEnd = lastWindowStart(paneStart) + size;
        pane = null;
      }
      if (lastEnd <= time) {
        continue; // between two HOP windows, when the slide is larger than the size
      }
      if (lastEnd <= watermark) {
        late(time);
        continue;
      }
      if (pane == null) {
        pane = pane(paneStart);
      }
      if (pane.addPending(row)) {
        touched.add(pane);
      }
    }
    if (touched.isEmpty()) {
      return;
    }
    ColumnVector[] keyColumns = keyColumns(batch);
    for (WindowSlice slice : touched) {
      if (groups.length < slice.pendingCount()) {
        groups = new int[Math.max(slice.pendingCount(), groups.length * 2)];
      }
      slice.foldPending(batch, keyColumns, groups, false);
    }
    touched.clear();
  }

  private WindowSlice pane(long start) {
    WindowSlice found = lastFound;
    if (found != null && found.start == start) {
      return found;
    }
    int index = WindowSlice.search(panes, start);
    if (index >= 0) {
      found = panes.get(index);
    } else {
      found = newSlice(start, start + paneSize, spares, expectedGroups);
      panes.add(-index - 1, found);
    }
    lastFound = found;
    return found;
  }

  @Override
  void emit(Collector out) {
    long[] starts = windowsToFire();
    if (starts.length > 0) {
      BatchBuilder builder =
          new BatchBuilder(
              outputSchema, (int) Math.min(1 << 20, (long) starts.length * expectedWindowGroups));
      for (long start : starts) {
        fire(builder, start);
      }
      collect(builder, out);
    }
    fired = watermark;
    // A pane goes once the last window holding it has closed.
    int kept = 0;
    for (WindowSlice pane : panes) {
      if (lastWindowStart(pane.start) + size > watermark) {
        panes.set(kept++, pane);
      } else {
        expectedGroups = Math.max(8, pane.table.size() + pane.table.size() / 4);
        keepSpare(pane, spares);
      }
    }
    if (kept < panes.size()) {
      panes.subList(kept, panes.size()).clear();
      lastFound = null;
    }
  }

  /** The starts, in order, of the windows holding panes that closed since the last emission. */
  private long[] windowsToFire() {
    long[] starts = new long[0];
    int count = 0;
    for (WindowSlice pane : panes) {
      for (long start = lastWindowStart(pane.start); start + size > pane.start; start -= slide) {
        long end = start + size;
        if (end <= watermark && end > fired) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, Math.max(8, count * 2));
          }
          starts[count++] = start;
        }
      }
    }
    Arrays.sort(starts, 0, count);
    int unique = 0;
    for (int i = 0; i < count; i++) {
      if (unique == 0 || starts[unique - 1] != starts[i]) {
        starts[unique++] = starts[i];
      }
    }
    return Arrays.copyOf(starts, unique);
  }

  /** Appends the rows of the window starting at {@code start}, merged from its panes. */
  private void fire(BatchBuilder builder, long start) {
    long end = start + size;
    int first = WindowSlice.search(panes, start);
    first = first >= 0 ? first : -first - 1;
    int last = first;
    while (last < panes.size() && panes.get(last).start < end) {
      last++;
    }
    WindowSlice window;
    if (last - first == 1) {
      window = panes.get(first);
    } else {
      window = merged == null ? newSlice(start, end, spares, expectedWindowGroups) : merged;
      window.reuse(start, end);
      merged = window;
      for (int p = first; p < last; p++) {
        WindowSlice pane = panes.get(p);
        int count = pane.table.size();
        groups = pane.table.groups(groups);
        if (targets.length < count) {
          targets = new int[Math.max(count, targets.length * 2)];
        }
        for (int i = 0; i < count; i++) {
          targets[i] = window.table.findOrInsertGroup(pane.table, groups[i]);
        }
        window.aggregates.ensureCapacity(window.table.idLimit());
        window.aggregates.merge(targets, pane.aggregates, groups, count);
      }
    }
    int count = window.table.size();
    groups = window.table.groups(groups);
    window.table.sortByKey(groups, count);
    appendInserts(builder, window.table, groups, count, start, end, window.aggregates);
    expectedWindowGroups = Math.max(8, count);
  }

  @Override
  long stateSize() {
    long groupsHeld = 0;
    for (WindowSlice pane : panes) {
      groupsHeld += pane.table.size();
    }
    return groupsHeld;
  }

  @Override
  void close() {
    panes.clear();
    touched.clear();
    spares.clear();
    merged = null;
    lastFound = null;
  }
}
