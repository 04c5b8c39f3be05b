package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.aggregate.GroupedAggregates;
import io.rivulet.runtime.operator.hash.GroupTable;
import io.rivulet.runtime.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SESSION windows: a {@link GroupTable} from group key to key id, and per key id a list of its
 * open sessions sorted by start (almost always one), each session an id into arrays of bounds and
 * into {@link GroupedAggregates}. A min-heap of session ends finds the sessions the watermark
 * closes without ordering all sessions as they grow: a session is in the heap once, under an end
 * that may have grown since, and is put back under its new end when that entry comes up.
 *
 * <p>Rows are matched to sessions one at a time, in order, since a row may merge sessions that
 * earlier rows of the batch made; the hash of their keys is still computed for the whole batch.
 */
final class SessionWindows extends WindowAggregation {
  private final long gap;
  private final GroupTable keys;
  private final GroupedAggregates aggregates;

  /**
   * Whether each session keeps the key values of its first row: for DECIMAL and floating-point
   * keys, whose form shown ({@code 1.0} or {@code 1.00}) is that of the session's first row.
   */
  private final boolean ownKeyValues;

  /** Per key id: its first session by start, or -1. */
  private int[] firstSession = new int[0];

  // Per session id.
  private long[] starts = new long[0];
  private long[] ends = new long[0];
  private long[] sequences = new long[0];
  private int[] keyOf = new int[0];
  private int[] next = new int[0];
  private boolean[] live = new boolean[0];
  private Object[][] keyValues;
  private boolean[] emitted;
  private long[] emittedStarts;
  private long[] emittedEnds;
  private boolean[] changed;

  private int sessionLimit;
  private int[] freeSessions = new int[0];
  private int freeCount;
  private int liveCount;
  private long nextSequence;

  /** With every-batch emission, the sessions changed in this micro-batch. */
  private int[] changedSessions = new int[0];

  private int changedCount;

  /** With every-batch emission, emitted rows of sessions merged away, to retract. */
  private final List<Object[]> retractions = new ArrayList<>();

  /** A binary min-heap of (end, session). */
  private long[] heapEnds = new long[16];

  private int[] heapSessions = new int[16];
  private int heapSize;

  private int[] rows = new int[0];
  private int[] keyIds = new int[0];

  /** The session each row of {@link #rows} was matched to. */
  private int[] sessionsOfRows = new int[0];

  /** How many rows of the batch were matched, and how many of those were folded in. */
  private int pendingCount;

  private int folded;
  private Batch currentBatch;
  private int[] fired = new int[0];

  SessionWindows(WindowAggregateFactory plan, long gap) {
    super(plan);
    this.gap = gap;
    this.keys = newTable(8);
    this.aggregates = newAggregates();
    boolean own = false;
    for (DataType type : keyTypes) {
      own |= type == DataType.DECIMAL || type.storage() == DataType.Storage.DOUBLE;
    }
    this.ownKeyValues = own;
    if (everyBatch) {
      emitted = new boolean[0];
      emittedStarts = new long[0];
      emittedEnds = new long[0];
      changed = new boolean[0];
    }
    if (ownKeyValues) {
      keyValues = new Object[0][];
    }
  }

  @Override
  void process(Batch batch, LongVector times) {
    int rowCount = batch.rowCount();
    if (rows.length < rowCount) {
      rows = new int[rowCount];
      keyIds = new int[rowCount];
    }
    long[] timeValues = times.values();
    boolean[] timeNulls = times.nulls();
    int count = 0;
    for (int row = 0; row < rowCount; row++) {
      if (timeNulls != null && timeNulls[row]) {
        continue;
      }
      long time = timeValues[row];
      if (time + gap <= watermark) {
        late(time);
        continue;
      }
      rows[count++] = row;
    }
    if (count == 0) {
      return;
    }
    ColumnVector[] keyColumns = keyColumns(batch);
    keys.findOrInsert(keyColumns, rows, count, keyIds);
    growKeys(keys.idLimit());
    if (sessionsOfRows.length < count) {
      sessionsOfRows = new int[Math.max(count, sessionsOfRows.length * 2)];
    }
    currentBatch = batch;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int session = addToSession(keyIds[i], timeValues[row], keyColumns, row);
      sessionsOfRows[i] = session;
      pendingCount = i + 1;
      if (everyBatch && !changed[session]) {
        changed[session] = true;
        if (changedCount == changedSessions.length) {
          changedSessions = Arrays.copyOf(changedSessions, Math.max(16, changedCount * 2));
        }
        changedSessions[changedCount++] = session;
      }
    }
    foldPending();
    pendingCount = 0;
    folded = 0;
    currentBatch = null;
  }

  /**
   * Folds the rows matched to sessions and not folded yet into them, column by column. Rows are
   * folded late but in order, and always before a merge reads a session's state; no session id is
   * freed (and so reused) while a batch is processed, so the ids they were matched to hold.
   */
  private void foldPending() {
    int count = pendingCount - folded;
    if (count > 0 && folded == 0) {
      aggregates.accumulate(currentBatch, rows, sessionsOfRows, count);
    } else if (count > 0) {
      // Only after a merge within the batch, which is rare.
      aggregates.accumulate(
          currentBatch,
          Arrays.copyOfRange(rows, folded, pendingCount),
          Arrays.copyOfRange(sessionsOfRows, folded, pendingCount),
          count);
    }
    folded = pendingCount;
  }

  /**
   * The session a row at {@code time} belongs to: the new session {@code [time, time + gap)}
   * absorbs every open session of its key it intersects (a late-arriving row can bridge two),
   * keeping the earliest one's id and merging the others' aggregates into it in order of start.
   */
  private int addToSession(int key, long time, ColumnVector[] keyColumns, int row) {
    long end = time + gap;
    int previous = -1;
    int session = firstSession[key];
    // Sessions of a key are disjoint, so sorted by start they are sorted by end too.
    while (session >= 0 && ends[session] <= time) {
      previous = session;
      session = next[session];
    }
    if (session < 0 || starts[session] >= end) {
      int created = newSession(key, time, end, keyColumns, row);
      next[created] = session;
      if (previous < 0) {
        firstSession[key] = created;
      } else {
        next[previous] = created;
      }
      return created;
    }
    long newEnd = Math.max(ends[session], end);
    int following = next[session];
    while (following >= 0 && starts[following] < end) {
      newEnd = Math.max(newEnd, ends[following]);
      int absorbed = following;
      following = next[absorbed];
      absorb(session, absorbed);
    }
    next[session] = following;
    starts[session] = Math.min(starts[session], time);
    ends[session] = newEnd;
    return session;
  }

  /** Merges a session into the survivor; its id is freed when its heap entry comes up. */
  private void absorb(int survivor, int absorbed) {
    foldPending();
    aggregates.merge(new int[] {survivor}, aggregates, new int[] {absorbed}, 1);
    if (everyBatch && emitted[absorbed]) {
      retractions.add(emittedRow(absorbed));
      emitted[absorbed] = false;
    }
    aggregates.reset(absorbed);
    live[absorbed] = false;
    liveCount--;
  }

  private int newSession(int key, long start, long end, ColumnVector[] keyColumns, int row) {
    int session = freeCount > 0 ? freeSessions[--freeCount] : sessionLimit++;
    if (session >= starts.length) {
      growSessions(Math.max(16, session * 2));
    }
    starts[session] = start;
    ends[session] = end;
    sequences[session] = nextSequence++;
    keyOf[session] = key;
    live[session] = true;
    liveCount++;
    if (ownKeyValues) {
      Object[] values = new Object[keyColumns.length];
      for (int k = 0; k < values.length; k++) {
        values[k] = keyColumns[k].get(row);
      }
      keyValues[session] = values;
    }
    aggregates.ensureCapacity(starts.length);
    push(end, session);
    return session;
  }

  private void growSessions(int capacity) {
    starts = Arrays.copyOf(starts, capacity);
    ends = Arrays.copyOf(ends, capacity);
    sequences = Arrays.copyOf(sequences, capacity);
    keyOf = Arrays.copyOf(keyOf, capacity);
    next = Arrays.copyOf(next, capacity);
    live = Arrays.copyOf(live, capacity);
    if (ownKeyValues) {
      keyValues = Arrays.copyOf(keyValues, capacity);
    }
    if (everyBatch) {
      emitted = Arrays.copyOf(emitted, capacity);
      emittedStarts = Arrays.copyOf(emittedStarts, capacity);
      emittedEnds = Arrays.copyOf(emittedEnds, capacity);
      changed = Arrays.copyOf(changed, capacity);
    }
  }

  private void growKeys(int keyLimit) {
    if (keyLimit > firstSession.length) {
      int old = firstSession.length;
      firstSession = Arrays.copyOf(firstSession, Math.max(keyLimit, Math.max(16, old * 2)));
      Arrays.fill(firstSession, old, firstSession.length, -1);
    }
  }

  @Override
  void emit(Collector out) {
    int firedCount = 0;
    while (heapSize > 0 && heapEnds[0] <= watermark) {
      long end = heapEnds[0];
      int session = heapSessions[0];
      pop();
      if (!live[session]) {
        freeSession(session); // merged away: its state was emptied then
      } else if (ends[session] > end) {
        push(ends[session], session); // grew since it entered the heap
      } else {
        if (firedCount == fired.length) {
          fired = Arrays.copyOf(fired, Math.max(16, firedCount * 2));
        }
        fired[firedCount++] = session;
      }
    }
    BatchBuilder builder = new BatchBuilder(outputSchema, Math.max(16, firedCount));
    for (Object[] retracted : retractions) {
      builder.appendRow(retracted, RowKind.DELETE);
    }
    retractions.clear();
    sortInFiringOrder(fired, firedCount);
    for (int i = 0; i < firedCount; i++) {
      int session = fired[i];
      if (everyBatch) {
        emitChange(builder, fired[i]);
      } else {
        appendSessionRow(builder, session, false, RowKind.INSERT);
      }
      live[session] = false;
    }
    if (everyBatch) {
      int open = 0;
      int[] stillOpen = new int[changedCount];
      for (int i = 0; i < changedCount; i++) {
        int session = changedSessions[i];
        changed[session] = false;
        if (live[session]) {
          stillOpen[open++] = session;
        }
      }
      changedCount = 0;
      sortInFiringOrder(stillOpen, open);
      for (int i = 0; i < open; i++) {
        emitChange(builder, stillOpen[i]);
      }
    }
    for (int i = 0; i < firedCount; i++) {
      release(fired[i]);
    }
    if (keys.size() > 2L * liveCount + 1024) {
      dropKeysWithoutSessions();
    }
    collect(builder, out);
  }

  /**
   * Drops the keys whose sessions have all closed. Keys stay while they are few next to the open
   * sessions, since most come back soon (a bidder's next session), which saves taking them out
   * of the table and putting them back.
   */
  private void dropKeysWithoutSessions() {
    int[] held = keys.groups(new int[keys.size()]);
    int count = keys.size();
    for (int i = 0; i < count; i++) {
      if (firstSession[held[i]] < 0) {
        keys.remove(held[i]);
      }
    }
  }

  /** Unlinks a fired session from its key and frees its id. */
  private void release(int session) {
    int key = keyOf[session];
    int previous = -1;
    int current = firstSession[key];
    while (current != session) {
      previous = current;
      current = next[current];
    }
    if (previous < 0) {
      firstSession[key] = next[session];
    } else {
      next[previous] = next[session];
    }
    aggregates.reset(session);
    if (everyBatch) {
      emitted[session] = false;
    }
    liveCount--;
    freeSession(session);
  }

  private void freeSession(int session) {
    if (ownKeyValues) {
      keyValues[session] = null;
    }
    if (freeCount == freeSessions.length) {
      freeSessions = Arrays.copyOf(freeSessions, Math.max(16, freeCount * 2));
    }
    freeSessions[freeCount++] = session;
  }

  /** Appends what changed in a session's result since the row last emitted for it. */
  private void emitChange(BatchBuilder builder, int session) {
    if (!emitted[session]) {
      appendSessionRow(builder, session, false, RowKind.INSERT);
    } else if (emittedStarts[session] != starts[session] || emittedEnds[session] != ends[session]) {
      // A session that grew is another window: its old row goes, rather than being updated.
      appendSessionRow(builder, session, true, RowKind.DELETE);
      appendSessionRow(builder, session, false, RowKind.INSERT);
    } else if (!aggregates.sameAsEmitted(session)) {
      appendSessionRow(builder, session, true, RowKind.UPDATE_BEFORE);
      appendSessionRow(builder, session, false, RowKind.UPDATE_AFTER);
    } else {
      return;
    }
    aggregates.saveEmitted(session);
    emitted[session] = true;
    emittedStarts[session] = starts[session];
    emittedEnds[session] = ends[session];
  }

  private void appendSessionRow(
      BatchBuilder builder, int session, boolean lastEmitted, RowKind kind) {
    int keyCount = groupKeys.length;
    for (int k = 0; k < keyCount; k++) {
      if (ownKeyValues) {
        builder.column(k).append(keyValues[session][k]);
      } else {
        keys.appendKey(keyOf[session], k, builder.column(k));
      }
    }
    builder.column(keyCount).appendLong(lastEmitted ? emittedStarts[session] : starts[session]);
    builder.column(keyCount + 1).appendLong(lastEmitted ? emittedEnds[session] : ends[session]);
    if (lastEmitted) {
      aggregates.appendEmitted(session, builder, keyCount + 2);
    } else {
      aggregates.appendResults(session, builder, keyCount + 2);
    }
    builder.endRow(kind);
  }

  /** The row last emitted for a session, as values. */
  private Object[] emittedRow(int session) {
    int keyCount = groupKeys.length;
    Object[] row = new Object[keyCount + 2 + aggregates.callCount()];
    for (int k = 0; k < keyCount; k++) {
      row[k] = ownKeyValues ? keyValues[session][k] : keys.key(keyOf[session], k);
    }
    row[keyCount] = emittedStarts[session];
    row[keyCount + 1] = emittedEnds[session];
    for (int c = 0; c < aggregates.callCount(); c++) {
      row[keyCount + 2 + c] = aggregates.emitted(c, session);
    }
    return row;
  }

  /** Sorts sessions by end, start, key (nulls first), then the order they were opened in. */
  private void sortInFiringOrder(int[] sessions, int count) {
    Integer[] boxed = new Integer[count];
    for (int i = 0; i < count; i++) {
      boxed[i] = sessions[i];
    }
    Arrays.sort(boxed, (left, right) -> compareFiring(left, right));
    for (int i = 0; i < count; i++) {
      sessions[i] = boxed[i];
    }
  }

  private int compareFiring(int left, int right) {
    int comparison = Long.compare(ends[left], ends[right]);
    if (comparison == 0) {
      comparison = Long.compare(starts[left], starts[right]);
    }
    if (comparison == 0 && keyOf[left] != keyOf[right]) {
      if (ownKeyValues) {
        Object[] leftValues = keyValues[left];
        Object[] rightValues = keyValues[right];
        for (int k = 0; comparison == 0 && k < leftValues.length; k++) {
          comparison = compareValues(leftValues[k], rightValues[k]);
        }
      } else {
        comparison = keys.compareKeys(keyOf[left], keyOf[right]);
      }
    }
    return comparison != 0 ? comparison : Long.compare(sequences[left], sequences[right]);
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

  // ---------------------------------------------------------------- the heap of ends

  private void push(long end, int session) {
    if (heapSize == heapEnds.length) {
      heapEnds = Arrays.copyOf(heapEnds, heapSize * 2);
      heapSessions = Arrays.copyOf(heapSessions, heapSize * 2);
    }
    int child = heapSize++;
    while (child > 0) {
      int parent = (child - 1) >>> 1;
      if (heapEnds[parent] <= end) {
        break;
      }
      heapEnds[child] = heapEnds[parent];
      heapSessions[child] = heapSessions[parent];
      child = parent;
    }
    heapEnds[child] = end;
    heapSessions[child] = session;
  }

  private void pop() {
    long end = heapEnds[--heapSize];
    int session = heapSessions[heapSize];
    int parent = 0;
    while (true) {
      int child = 2 * parent + 1;
      if (child >= heapSize) {
        break;
      }
      if (child + 1 < heapSize && heapEnds[child + 1] < heapEnds[child]) {
        child++;
      }
      if (heapEnds[child] >= end) {
        break;
      }
      heapEnds[parent] = heapEnds[child];
      heapSessions[parent] = heapSessions[child];
      parent = child;
    }
    if (heapSize > 0) {
      heapEnds[parent] = end;
      heapSessions[parent] = session;
    }
  }

  @Override
  long stateSize() {
    return liveCount;
  }

  @Override
  void close() {
    keys.clear();
    heapSize = 0;
    liveCount = 0;
    retractions.clear();
    changedCount = 0;
  }
}
