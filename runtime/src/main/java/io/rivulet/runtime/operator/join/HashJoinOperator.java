package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.BinaryOperator;
import io.rivulet.runtime.operator.Collector;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running state of one partition of a {@link HashJoinFactory}: per key, the multiset of rows
 * each side holds (each distinct row with its count), and what the join of them has emitted.
 *
 * <p>Each input row is joined at once with the rows the other side holds for its key, and the
 * changes are emitted in one batch per input batch. An accumulating row ({@code +I}, {@code +U})
 * adds one copy and emits {@code +I} of each new joined row, one per copy of the other side's row;
 * a retracting row ({@code -U}, {@code -D}) removes one copy and emits {@code -D} of each joined
 * row it took part in. A retraction of a row the side does not hold (never seen, or forgotten by
 * the time-to-live) is ignored.
 *
 * <p>Outer sides: a preserved row whose key has no row on the other side is emitted as {@code +I}
 * padded with nulls; when the first matching row arrives, {@code -D} of each padded row comes
 * before the {@code +I} of the joined rows, and when the last match goes, {@code -D} of the joined
 * rows comes before {@code +I} of the padded ones again. SEMI emits {@code +I} of a left row while
 * its key has a right row and {@code -D} once it has none; ANTI the reverse. A key with a null
 * matches nothing, so such a row of a preserved side is passed on padded at once and kept nowhere.
 * Hence after every batch the emitted changelog adds up to the join of the rows held.
 *
 * <p>With a time-to-live, rows are kept in the order they were last added or retracted, and {@link
 * #endBatch} forgets those older than the time-to-live, emitting nothing. {@link #finish} drops all
 * state, since no input follows.
 */
public final class HashJoinOperator implements BinaryOperator {
  private final HashJoinFactory plan;
  private final JoinType type;
  private final boolean filtering;
  private final JoinKeys leftKeys;
  private final JoinKeys rightKeys;
  private final JoinOutput output;
  private final long ttlMillis;
  private final Clock clock;
  private final Map<Object, KeyState> states = new HashMap<>();

  /** With a time-to-live: the stored rows from least to most recently touched. */
  private StoredRow oldest;

  private StoredRow newest;

  private long storedRows;

  HashJoinOperator(HashJoinFactory plan) {
    this.plan = plan;
    this.type = plan.joinType();
    this.filtering = type == JoinType.SEMI || type == JoinType.ANTI;
    this.leftKeys = new JoinKeys(plan.leftKeys());
    this.rightKeys = new JoinKeys(plan.rightKeys());
    this.output =
        new JoinOutput(
            plan.outputSchema(), type, plan.leftSchema().size(), plan.rightSchema().size());
    this.ttlMillis = plan.stateTtl().toMillis();
    this.clock = plan.clock();
  }

  /** The plan this instance runs. */
  public HashJoinFactory plan() {
    return plan;
  }

  @Override
  public void processLeft(Batch batch, Collector out) {
    process(batch, true, out);
  }

  @Override
  public void processRight(Batch batch, Collector out) {
    process(batch, false, out);
  }

  private void process(Batch batch, boolean fromLeft, Collector out) {
    if (batch.isEmpty()) {
      return;
    }
    Object[] keys = (fromLeft ? leftKeys : rightKeys).keysOf(batch);
    long now = ttlMillis > 0 ? clock.millis() : 0;
    for (int row = 0; row < keys.length; row++) {
      boolean accumulate = batch.kind(row).isAccumulate();
      Object[] values = batch.row(row);
      Object key = keys[row];
      if (key == null) {
        passUnmatchable(values, fromLeft, accumulate);
      } else if (accumulate) {
        accumulate(key, values, fromLeft, now);
      } else {
        retract(key, values, fromLeft, now);
      }
    }
    output.flush(out);
  }

  /** A row whose key holds a null: it matches nothing, now or later. */
  private void passUnmatchable(Object[] values, boolean fromLeft, boolean accumulate) {
    RowKind kind = accumulate ? RowKind.INSERT : RowKind.DELETE;
    if (fromLeft && (type.preservesLeft() || type == JoinType.ANTI)) {
      output.append(values, null, kind);
    } else if (!fromLeft && type.preservesRight()) {
      output.append(null, values, kind);
    }
  }

  private void accumulate(Object key, Object[] values, boolean fromLeft, long now) {
    KeyState state = states.computeIfAbsent(key, KeyState::new);
    Map<RowValue, StoredRow> own = state.rows(fromLeft);
    RowValue identity = new RowValue(values);
    StoredRow stored = own.get(identity);
    if (stored == null) {
      stored = new StoredRow(identity, state, fromLeft);
      own.put(identity, stored);
      storedRows++;
    }
    stored.count++;
    long ownBefore = state.count(fromLeft);
    state.add(fromLeft, 1);
    touch(stored, now);

    long otherCount = state.count(!fromLeft);
    Map<RowValue, StoredRow> other = state.rows(!fromLeft);
    if (filtering) {
      boolean semi = type == JoinType.SEMI;
      if (fromLeft) {
        if ((otherCount > 0) == semi) {
          output.append(values, null, RowKind.INSERT);
        }
      } else if (ownBefore == 0) {
        for (StoredRow left : other.values()) {
          output.append(left.values, null, semi ? RowKind.INSERT : RowKind.DELETE, left.count);
        }
      }
      return;
    }
    if (otherCount == 0) {
      if (preserves(fromLeft)) {
        append(values, null, fromLeft, RowKind.INSERT, 1);
      }
      return;
    }
    if (ownBefore == 0 && preserves(!fromLeft)) {
      for (StoredRow match : other.values()) {
        append(null, match.values, fromLeft, RowKind.DELETE, match.count);
      }
    }
    for (StoredRow match : other.values()) {
      append(values, match.values, fromLeft, RowKind.INSERT, match.count);
    }
  }

  private void retract(Object key, Object[] values, boolean fromLeft, long now) {
    KeyState state = states.get(key);
    if (state == null) {
      return;
    }
    Map<RowValue, StoredRow> own = state.rows(fromLeft);
    StoredRow stored = own.get(new RowValue(values));
    if (stored == null) {
      return;
    }
    stored.count--;
    state.add(fromLeft, -1);
    if (stored.count == 0) {
      forget(stored);
    } else {
      touch(stored, now);
    }
    long ownAfter = state.count(fromLeft);
    long otherCount = state.count(!fromLeft);
    Map<RowValue, StoredRow> other = state.rows(!fromLeft);
    if (filtering) {
      boolean semi = type == JoinType.SEMI;
      if (fromLeft) {
        if ((otherCount > 0) == semi) {
          output.append(values, null, RowKind.DELETE);
        }
      } else if (ownAfter == 0) {
        for (StoredRow left : other.values()) {
          output.append(left.values, null, semi ? RowKind.DELETE : RowKind.INSERT, left.count);
        }
      }
    } else if (otherCount == 0) {
      if (preserves(fromLeft)) {
        append(values, null, fromLeft, RowKind.DELETE, 1);
      }
    } else {
      for (StoredRow match : other.values()) {
        append(values, match.values, fromLeft, RowKind.DELETE, match.count);
      }
      if (ownAfter == 0 && preserves(!fromLeft)) {
        for (StoredRow match : other.values()) {
          append(null, match.values, fromLeft, RowKind.INSERT, match.count);
        }
      }
    }
    if (state.isEmpty()) {
      states.remove(key);
    }
  }

  private boolean preserves(boolean left) {
    return left ? type.preservesLeft() : type.preservesRight();
  }

  /** Appends a row made of a row of the side {@code fromLeft} names and one of the other side. */
  private void append(Object[] mine, Object[] theirs, boolean fromLeft, RowKind kind, long copies) {
    if (fromLeft) {
      output.append(mine, theirs, kind, copies);
    } else {
      output.append(theirs, mine, kind, copies);
    }
  }

  /** Removes a stored row whose count fell to zero (or that expired) from all indexes. */
  private void forget(StoredRow stored) {
    stored.owner.rows(stored.left).remove(stored.identity);
    storedRows--;
    if (ttlMillis > 0) {
      unlink(stored);
    }
  }

  /** Marks a row as touched now, making it the most recent in the time-to-live order. */
  private void touch(StoredRow stored, long now) {
    if (ttlMillis <= 0) {
      return;
    }
    stored.touchedMillis = now;
    if (newest == stored) {
      return;
    }
    if (stored.newer != null || stored.older != null || oldest == stored) {
      unlink(stored);
    }
    stored.older = newest;
    if (newest != null) {
      newest.newer = stored;
    }
    newest = stored;
    if (oldest == null) {
      oldest = stored;
    }
  }

  private void unlink(StoredRow stored) {
    if (stored.older != null) {
      stored.older.newer = stored.newer;
    } else if (oldest == stored) {
      oldest = stored.newer;
    }
    if (stored.newer != null) {
      stored.newer.older = stored.older;
    } else if (newest == stored) {
      newest = stored.older;
    }
    stored.older = null;
    stored.newer = null;
  }

  /** Forgets, with a time-to-live, every row not touched for that long; emits nothing. */
  @Override
  public void endBatch(long watermark, Collector out) {
    if (ttlMillis <= 0) {
      return;
    }
    long now = clock.millis();
    while (oldest != null && now - oldest.touchedMillis >= ttlMillis) {
      StoredRow expired = oldest;
      KeyState state = expired.owner;
      state.add(expired.left, -expired.count);
      forget(expired);
      if (state.isEmpty()) {
        states.remove(state.key);
      }
    }
  }

  /** Drops all state: no input follows, so no row can match or be retracted any more. */
  @Override
  public void finish(Collector out) {
    close();
  }

  @Override
  public void close() {
    states.clear();
    oldest = null;
    newest = null;
    storedRows = 0;
  }

  /** The number of distinct rows held over both sides, each standing for all its copies. */
  @Override
  public long stateSize() {
    return storedRows;
  }

  /** The values of a row as a hash-map key, compared value by value. */
  private static final class RowValue {
    private final Object[] values;
    private final int hash;

    RowValue(Object[] values) {
      this.values = values;
      this.hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object other) {
      return this == other
          || (other instanceof RowValue row
              && hash == row.hash
              && Arrays.equals(values, row.values));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The rows both sides hold for one key, with the total number of copies per side. */
  private static final class KeyState {
    final Object key;
    final Map<RowValue, StoredRow> left = new LinkedHashMap<>();
    final Map<RowValue, StoredRow> right = new LinkedHashMap<>();
    long leftCount;
    long rightCount;

    KeyState(Object key) {
      this.key = key;
    }

    Map<RowValue, StoredRow> rows(boolean fromLeft) {
      return fromLeft ? left : right;
    }

    long count(boolean fromLeft) {
      return fromLeft ? leftCount : rightCount;
    }

    void add(boolean fromLeft, long delta) {
      if (fromLeft) {
        leftCount += delta;
      } else {
        rightCount += delta;
      }
    }

    boolean isEmpty() {
      return leftCount == 0 && rightCount == 0;
    }
  }

  /** One distinct row of one side, with how many copies of it the side holds. */
  private static final class StoredRow {
    final RowValue identity;
    final Object[] values;
    final KeyState owner;
    final boolean left;
    long count;
    long touchedMillis;
    StoredRow older;
    StoredRow newer;

    StoredRow(RowValue identity, KeyState owner, boolean left) {
      this.identity = identity;
      this.values = identity.values;
      this.owner = owner;
      this.left = left;
    }
  }
}
