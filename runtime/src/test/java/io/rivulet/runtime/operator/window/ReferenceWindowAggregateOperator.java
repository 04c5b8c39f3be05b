package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.format.ValueFormat;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.aggregate.Accumulator;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The window aggregate as it was before its state moved into hash tables with primitive
 * accumulators and panes: a hash map of boxed keys and a sorted set of every open window, each row
 * folded into each of its windows. Kept as the reference the differential tests compare {@link
 * WindowAggregateOperator} with, row for row and batch for batch.
 */
final class ReferenceWindowAggregateOperator implements Operator {
  /** Open windows in the order they close: by end, start, key, then creation as a last resort. */
  private static final Comparator<Pane> FIRING_ORDER =
      Comparator.<Pane>comparingLong(pane -> pane.end)
          .thenComparingLong(pane -> pane.start)
          .thenComparing(pane -> pane.keyValues, ReferenceWindowAggregateOperator::compareKeys)
          .thenComparingLong(pane -> pane.sequence);

  /** The one key when there are no group key columns: all rows of a window form one group. */
  private static final Object NO_KEY = new CompositeKey(new Object[0]);

  private final WindowAggregateFactory plan;
  private final Schema outputSchema;
  private final List<AggregateCall> calls;
  private final DataType[] argumentTypes;
  private final int[] arguments;
  private final int[] groupKeys;

  /** Which key columns need {@link #normalize} (DECIMAL, DOUBLE, FLOAT). */
  private final boolean[] normalizeKeys;

  private final int timeColumn;
  private final String timeColumnName;
  private final boolean sessionWindows;

  /** For TUMBLE (where it equals the size) and HOP: the distance between window starts. */
  private final long slide;

  /** For TUMBLE and HOP: the length of a window. */
  private final long size;

  /** For TUMBLE and HOP: the start of some window, the others being whole slides away. */
  private final long offset;

  /** For SESSION: how long a session stays open after its last row. */
  private final long gap;

  private final boolean everyBatch;
  private final LatePolicy latePolicy;

  /** The open TUMBLE and HOP windows by key and window start. */
  private final Map<PaneId, Pane> alignedPanes = new HashMap<>();

  /** The open sessions of each key by start; the sessions of one key never intersect. */
  private final Map<Object, TreeMap<Long, Pane>> sessionsByKey = new HashMap<>();

  /** Every open window, in {@link #FIRING_ORDER}. */
  private final TreeSet<Pane> openPanes = new TreeSet<>(FIRING_ORDER);

  /** With {@link EmitMode#EVERY_BATCH}, the windows changed in this micro-batch. */
  private final List<Pane> changedPanes = new ArrayList<>();

  /** With {@link EmitMode#EVERY_BATCH}, emitted rows of sessions merged away, to retract. */
  private final List<Object[]> retractions = new ArrayList<>();

  /** The greatest watermark seen in {@link #endBatch}; windows ending at or before it closed. */
  private long watermark = Long.MIN_VALUE;

  private long lateRows;
  private long nextSequence;

  ReferenceWindowAggregateOperator(WindowAggregateFactory plan) {
    this.plan = plan;
    this.outputSchema = plan.outputSchema();
    this.calls = plan.calls();
    Schema inputSchema = plan.inputSchema();
    this.groupKeys = plan.groupKeys();
    this.normalizeKeys = new boolean[groupKeys.length];
    for (int i = 0; i < groupKeys.length; i++) {
      DataType type = inputSchema.type(groupKeys[i]);
      normalizeKeys[i] = type == DataType.DECIMAL || type.storage() == DataType.Storage.DOUBLE;
    }
    this.arguments = new int[calls.size()];
    this.argumentTypes = new DataType[calls.size()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = calls.get(i).argument();
      argumentTypes[i] = plan.argumentType(calls.get(i));
    }
    this.timeColumn = plan.timeColumn();
    this.timeColumnName = inputSchema.field(timeColumn).name();
    WindowSpec window = plan.window();
    if (window instanceof WindowSpec.Tumble tumble) {
      this.slide = tumble.sizeMillis();
      this.size = tumble.sizeMillis();
      this.offset = tumble.offsetMillis();
    } else if (window instanceof WindowSpec.Hop hop) {
      this.slide = hop.slideMillis();
      this.size = hop.sizeMillis();
      this.offset = hop.offsetMillis();
    } else {
      this.slide = 0;
      this.size = 0;
      this.offset = 0;
    }
    this.sessionWindows = window instanceof WindowSpec.Session;
    this.gap = window instanceof WindowSpec.Session session ? session.gapMillis() : 0;
    this.everyBatch = plan.emit() == EmitMode.EVERY_BATCH;
    this.latePolicy = plan.latePolicy();
  }

  /** The plan this instance runs. */
  public WindowAggregateFactory plan() {
    return plan;
  }

  /**
   * @throws IllegalStateException when the batch holds a row that is not an insert
   * @throws RivuletException when a row is late and the policy is {@link LatePolicy#FAIL}
   */
  @Override
  public void process(Batch batch, Collector out) {
    int rowCount = batch.rowCount();
    if (rowCount == 0) {
      return;
    }
    checkAppendOnly(batch);
    LongVector times = (LongVector) batch.column(timeColumn);
    ColumnVector[] keyColumns = new ColumnVector[groupKeys.length];
    for (int i = 0; i < keyColumns.length; i++) {
      keyColumns[i] = batch.column(groupKeys[i]);
    }
    ColumnVector[] argumentColumns = new ColumnVector[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      argumentColumns[i] = arguments[i] < 0 ? null : batch.column(arguments[i]);
    }
    for (int row = 0; row < rowCount; row++) {
      if (times.isNull(row)) {
        continue;
      }
      long time = times.getLong(row);
      if (sessionWindows) {
        addToSession(time, keyColumns, argumentColumns, row);
      } else {
        addToAlignedWindows(time, keyColumns, argumentColumns, row);
      }
    }
  }

  private static void checkAppendOnly(Batch batch) {
    byte[] kinds = batch.kindCodes();
    if (kinds == null) {
      return;
    }
    for (byte kind : kinds) {
      if (kind != RowKind.INSERT.code()) {
        throw new IllegalStateException(
            "a window aggregate takes an append-only input but got a "
                + RowKind.ofCode(kind).shortName()
                + " row; plan it only over streams of inserts");
      }
    }
  }

  /** Adds a row to every open TUMBLE or HOP window that contains its time. */
  private void addToAlignedWindows(
      long time, ColumnVector[] keyColumns, ColumnVector[] argumentColumns, int row) {
    long lastStart = time - Math.floorMod(time - offset, slide);
    if (lastStart + size <= time) {
      return; // between two HOP windows, when the slide is larger than the size
    }
    if (lastStart + size <= watermark) {
      late(time);
      return;
    }
    Object key = keyOf(keyColumns, row);
    Object[] keyValues = null;
    // Earlier windows end earlier: stop at the first that no longer holds the row or has closed.
    for (long start = lastStart; start + size > time && start + size > watermark; start -= slide) {
      PaneId id = new PaneId(key, start);
      Pane pane = alignedPanes.get(id);
      if (pane == null) {
        if (keyValues == null) {
          keyValues = keyValues(keyColumns, row);
        }
        pane = new Pane(key, keyValues, start, start + size, newAccumulators(), nextSequence++);
        alignedPanes.put(id, pane);
        openPanes.add(pane);
      }
      accumulate(pane, argumentColumns, row);
    }
  }

  /**
   * Adds a row to its key's sessions: the new session {@code [time, time + gap)} absorbs every
   * open session it intersects (a late-arriving row can bridge two), keeping the earliest one's
   * state.
   */
  private void addToSession(
      long time, ColumnVector[] keyColumns, ColumnVector[] argumentColumns, int row) {
    long end = time + gap;
    if (end <= watermark) {
      late(time);
      return;
    }
    Object key = keyOf(keyColumns, row);
    TreeMap<Long, Pane> sessions = sessionsByKey.computeIfAbsent(key, k -> new TreeMap<>());
    // Sessions of a key are disjoint, so walking down from the last one starting before the new
    // end finds exactly those that intersect, latest first, until one ends at or before time.
    List<Pane> intersecting = new ArrayList<>(2);
    for (Map.Entry<Long, Pane> entry = sessions.lowerEntry(end);
        entry != null && entry.getValue().end > time;
        entry = sessions.lowerEntry(entry.getKey())) {
      intersecting.add(entry.getValue());
    }
    Pane session;
    if (intersecting.isEmpty()) {
      Object[] keyValues = keyValues(keyColumns, row);
      session = new Pane(key, keyValues, time, end, newAccumulators(), nextSequence++);
      sessions.put(time, session);
      openPanes.add(session);
    } else {
      session = intersecting.get(intersecting.size() - 1);
      if (intersecting.size() > 1 || time < session.start || end > session.end) {
        extendSession(sessions, session, intersecting, time, end);
      }
    }
    accumulate(session, argumentColumns, row);
  }

  /**
   * Widens {@code survivor} to cover {@code [time, end)} and the other intersecting sessions,
   * whose accumulators it takes over in the order of their starts.
   */
  private void extendSession(
      TreeMap<Long, Pane> sessions, Pane survivor, List<Pane> intersecting, long time, long end) {
    // The index orders by start and end, so the survivor leaves it while they change.
    openPanes.remove(survivor);
    sessions.remove(survivor.start);
    long newEnd = Math.max(survivor.end, end);
    for (int i = intersecting.size() - 2; i >= 0; i--) {
      Pane absorbed = intersecting.get(i);
      openPanes.remove(absorbed);
      sessions.remove(absorbed.start);
      absorbed.open = false;
      for (int c = 0; c < survivor.accumulators.length; c++) {
        survivor.accumulators[c].merge(absorbed.accumulators[c]);
      }
      newEnd = Math.max(newEnd, absorbed.end);
      if (absorbed.emitted != null) {
        retractions.add(absorbed.emitted);
      }
    }
    survivor.start = Math.min(survivor.start, time);
    survivor.end = newEnd;
    sessions.put(survivor.start, survivor);
    openPanes.add(survivor);
  }

  private void late(long time) {
    if (latePolicy == LatePolicy.FAIL) {
      throw new RivuletException(
          RivuletException.Category.INPUT,
          "a row with "
              + timeColumnName
              + " = "
              + ValueFormat.formatTimestamp(time)
              + " arrived after every window it belongs to had closed (watermark "
              + ValueFormat.formatTimestamp(watermark)
              + "); raise the WATERMARK delay of its stream so that windows wait longer,"
              + " or SET 'late.policy' = 'drop' to skip late rows");
    }
    lateRows++;
  }

  private void accumulate(Pane pane, ColumnVector[] argumentColumns, int row) {
    Accumulator[] accumulators = pane.accumulators;
    for (int c = 0; c < accumulators.length; c++) {
      update(accumulators[c], argumentColumns[c], row);
    }
    if (everyBatch && !pane.changed) {
      pane.changed = true;
      changedPanes.add(pane);
    }
  }

  /** Feeds one argument value to an accumulator, unboxed where the column allows it. */
  private static void update(Accumulator accumulator, ColumnVector column, int row) {
    if (column == null || column.isNull(row)) {
      accumulator.accumulate(null);
    } else if (column instanceof LongVector longs) {
      accumulator.accumulateLong(longs.getLong(row), longs.type());
    } else if (column instanceof DoubleVector doubles) {
      accumulator.accumulateDouble(doubles.getDouble(row), doubles.type());
    } else {
      accumulator.accumulate(column.get(row));
    }
  }

  private Accumulator[] newAccumulators() {
    Accumulator[] accumulators = new Accumulator[calls.size()];
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i] = Accumulator.create(calls.get(i), argumentTypes[i], false);
    }
    return accumulators;
  }

  @Override
  public void endBatch(long newWatermark, Collector out) {
    watermark = Math.max(watermark, newWatermark);
    emit(out);
  }

  /** Closes every window left, as if the watermark had reached the end of time. */
  @Override
  public void finish(Collector out) {
    watermark = Long.MAX_VALUE;
    emit(out);
  }

  private void emit(Collector out) {
    BatchBuilder builder = new BatchBuilder(outputSchema, 16);
    for (Object[] retracted : retractions) {
      builder.appendRow(retracted, RowKind.DELETE);
    }
    retractions.clear();
    while (!openPanes.isEmpty() && openPanes.first().end <= watermark) {
      Pane pane = openPanes.pollFirst();
      forget(pane);
      if (everyBatch) {
        emitChange(builder, pane);
      } else {
        builder.appendRow(pane.currentRow(), RowKind.INSERT);
      }
    }
    if (everyBatch) {
      List<Pane> stillOpen = new ArrayList<>(changedPanes.size());
      for (Pane pane : changedPanes) {
        pane.changed = false;
        if (pane.open) {
          stillOpen.add(pane);
        }
      }
      changedPanes.clear();
      stillOpen.sort(FIRING_ORDER);
      for (Pane pane : stillOpen) {
        emitChange(builder, pane);
      }
    }
    if (builder.rowCount() > 0) {
      out.collect(builder.build());
    }
  }

  /** Drops a closing window from the lookup maps; the caller took it from the index. */
  private void forget(Pane pane) {
    pane.open = false;
    if (sessionWindows) {
      TreeMap<Long, Pane> sessions = sessionsByKey.get(pane.key);
      sessions.remove(pane.start);
      if (sessions.isEmpty()) {
        sessionsByKey.remove(pane.key);
      }
    } else {
      alignedPanes.remove(new PaneId(pane.key, pane.start));
    }
  }

  /** Appends what changed in a window's result since the row last emitted for it. */
  private void emitChange(BatchBuilder builder, Pane pane) {
    Object[] current = pane.currentRow();
    Object[] emitted = pane.emitted;
    if (emitted == null) {
      builder.appendRow(current, RowKind.INSERT);
    } else if (!sameValues(emitted, current, groupKeys.length, groupKeys.length + 2)) {
      // A session that grew is another window: its old row goes, rather than being updated.
      builder.appendRow(emitted, RowKind.DELETE);
      builder.appendRow(current, RowKind.INSERT);
    } else if (!sameValues(emitted, current, groupKeys.length + 2, current.length)) {
      builder.appendRow(emitted, RowKind.UPDATE_BEFORE);
      builder.appendRow(current, RowKind.UPDATE_AFTER);
    } else {
      return;
    }
    pane.emitted = current;
  }

  private static boolean sameValues(Object[] left, Object[] right, int from, int to) {
    for (int i = from; i < to; i++) {
      Object a = left[i];
      Object b = right[i];
      boolean same =
          a instanceof BigDecimal x && b instanceof BigDecimal y
              ? x.compareTo(y) == 0
              : Objects.equals(a, b);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    alignedPanes.clear();
    sessionsByKey.clear();
    openPanes.clear();
    changedPanes.clear();
    retractions.clear();
  }

  /** The number of open windows held, counting each key's window once. */
  @Override
  public long stateSize() {
    return openPanes.size();
  }

  @Override
  public long lateRows() {
    return lateRows;
  }

  // ---------------------------------------------------------------- keys

  private Object keyOf(ColumnVector[] keyColumns, int row) {
    if (keyColumns.length == 0) {
      return NO_KEY;
    }
    if (keyColumns.length == 1) {
      Object value = keyColumns[0].get(row);
      return normalizeKeys[0] ? normalize(value) : value;
    }
    Object[] values = new Object[keyColumns.length];
    for (int i = 0; i < values.length; i++) {
      Object value = keyColumns[i].get(row);
      values[i] = normalizeKeys[i] ? normalize(value) : value;
    }
    return new CompositeKey(values);
  }

  /** The key values as they arrived, which the output shows (e.g. a decimal's scale). */
  private static Object[] keyValues(ColumnVector[] keyColumns, int row) {
    Object[] values = new Object[keyColumns.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = keyColumns[i].get(row);
    }
    return values;
  }

  /**
   * A value under which values SQL considers equal meet in a hash map: decimals without trailing
   * zeros ({@code 1.0} and {@code 1.00} are one group) and zero without its sign.
   */
  private static Object normalize(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    }
    if (value instanceof Double number && number == 0.0d) {
      return 0.0d;
    }
    if (value instanceof Float number && number == 0.0f) {
      return 0.0f;
    }
    return value;
  }

  /** Orders key values column by column, nulls first, so that output order is deterministic. */
  private static int compareKeys(Object[] left, Object[] right) {
    for (int i = 0; i < left.length; i++) {
      int comparison = compareValues(left[i], right[i]);
      if (comparison != 0) {
        return comparison;
      }
    }
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static int compareValues(Object left, Object right) {
    if (left == right) {
      return 0;
    } else if (left == null) {
      return -1;
    } else if (right == null) {
      return 1;
    } else if (left instanceof Comparable<?> comparable && left.getClass() == right.getClass()) {
      return ((Comparable<Object>) comparable).compareTo(right);
    }
    return left.toString().compareTo(right.toString());
  }

  /** The key of a group over several columns, with its hash computed once. */
  private static final class CompositeKey {
    private final Object[] values;
    private final int hash;

    CompositeKey(Object[] values) {
      this.values = values;
      this.hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object other) {
      return this == other
          || (other instanceof CompositeKey key
              && hash == key.hash
              && Arrays.equals(values, key.values));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Where a TUMBLE or HOP window's state is found: its group key and start. */
  private record PaneId(Object key, long start) {}

  /** The state of one window of one group key. */
  private static final class Pane {
    final Object key;
    final Object[] keyValues;
    final Accumulator[] accumulators;

    /** Tells apart windows the firing order would otherwise hold equal. */
    final long sequence;

    /** The window bounds; a session's change as it grows, only while it is out of the index. */
    long start;

    long end;

    /** The output row last emitted for this window ({@link EmitMode#EVERY_BATCH}); null if none. */
    Object[] emitted;

    /** Whether the window is in the list of windows changed in this micro-batch. */
    boolean changed;

    /** False once the window has fired or was merged into another session. */
    boolean open = true;

    Pane(
        Object key,
        Object[] keyValues,
        long start,
        long end,
        Accumulator[] accumulators,
        long sequence) {
      this.key = key;
      this.keyValues = keyValues;
      this.start = start;
      this.end = end;
      this.accumulators = accumulators;
      this.sequence = sequence;
    }

    Object[] currentRow() {
      Object[] row = new Object[keyValues.length + 2 + accumulators.length];
      System.arraycopy(keyValues, 0, row, 0, keyValues.length);
      row[keyValues.length] = start;
      row[keyValues.length + 1] = end;
      for (int i = 0; i < accumulators.length; i++) {
        row[keyValues.length + 2 + i] = accumulators[i].result();
      }
      return row;
    }
  }
}
