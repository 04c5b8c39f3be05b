package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.BinaryOperator;
import io.rivulet.runtime.operator.Collector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The running state of one partition of an {@link IntervalJoinFactory}: the rows of each side that
 * may still meet a row of the other, by key and time.
 *
 * <p>Time follows the watermark contract of the engine: after {@link #endBatch} with watermark
 * {@code W}, rows with a time before {@code W} may be late, rows at {@code W} or after are not. So
 * a left row at {@code t}, which meets right rows up to {@code t + lower}, can meet no new right
 * row once {@code W > t + lower}; a right row at {@code t} no new left row once {@code W > t +
 * upper}. At that point the row leaves the state, and if it never met a row of the other side it is
 * emitted padded with nulls (LEFT, RIGHT, FULL) or as it is (ANTI); never earlier, since a
 * watermark of exactly {@code t + lower} still lets a right row at {@code t + lower} come.
 *
 * <p>{@link #processLeft} and {@link #processRight} emit the matches of each arriving row with the
 * rows held at once (SEMI: a left row at its first match), one batch per input batch; {@link
 * #endBatch} emits what the watermark settles, left rows in time order then right rows. A row whose
 * time is before the watermark is late: it is dropped and counted. A row whose key or time holds a
 * null can never match: a preserved side emits it padded at once, the other side drops it. Because
 * a row is purged only when no row that is not late could match it, the result does not depend on
 * how rows are cut into micro-batches, only on which rows are late.
 */
public final class IntervalJoinOperator implements BinaryOperator {
  private final IntervalJoinFactory plan;
  private final JoinType type;
  private final JoinOutput output;
  private final Side left;
  private final Side right;
  private long watermark = Long.MIN_VALUE;
  private long lateRows;

  IntervalJoinOperator(IntervalJoinFactory plan) {
    this.plan = plan;
    this.type = plan.joinType();
    this.output =
        new JoinOutput(
            plan.outputSchema(), type, plan.leftSchema().size(), plan.rightSchema().size());
    this.left =
        new Side(true, new JoinKeys(plan.leftKeys()), plan.leftTimeColumn(), plan.lowerMillis());
    this.right =
        new Side(false, new JoinKeys(plan.rightKeys()), plan.rightTimeColumn(), plan.upperMillis());
  }

  /** The plan this instance runs. */
  public IntervalJoinFactory plan() {
    return plan;
  }

  /**
   * @throws IllegalStateException when the batch holds a row that is not an insert
   */
  @Override
  public void processLeft(Batch batch, Collector out) {
    process(batch, left, right, out);
  }

  /**
   * @throws IllegalStateException when the batch holds a row that is not an insert
   */
  @Override
  public void processRight(Batch batch, Collector out) {
    process(batch, right, left, out);
  }

  private void process(Batch batch, Side own, Side other, Collector out) {
    if (batch.isEmpty()) {
      return;
    }
    AppendOnly.check(batch, "an interval join");
    Object[] keys = own.keys.keysOf(batch);
    LongVector times = (LongVector) batch.column(own.timeColumn);
    for (int row = 0; row < keys.length; row++) {
      if (times.isNull(row)) {
        passUnmatchable(batch.row(row), own.left);
        continue;
      }
      long time = times.getLong(row);
      if (time < watermark) {
        lateRows++;
        continue;
      }
      if (keys[row] == null) {
        passUnmatchable(batch.row(row), own.left);
        continue;
      }
      StoredRow arriving = new StoredRow(batch.row(row), time, keys[row]);
      probe(arriving, own, other);
      own.add(arriving);
    }
    output.flush(out);
  }

  /** A row that can never match: emitted at once by a preserved side, otherwise dropped. */
  private void passUnmatchable(Object[] values, boolean fromLeft) {
    if (fromLeft && (type.preservesLeft() || type == JoinType.ANTI)) {
      output.append(values, null, RowKind.INSERT);
    } else if (!fromLeft && type.preservesRight()) {
      output.append(null, values, RowKind.INSERT);
    }
  }

  /** Joins an arriving row with the rows of the other side whose time lies in its interval. */
  private void probe(StoredRow arriving, Side own, Side other) {
    TreeMap<Long, List<StoredRow>> candidates = other.byKey.get(arriving.key);
    if (candidates == null) {
      return;
    }
    // own.offset reaches forward from the arriving row, other.offset back from it.
    long from = subtract(arriving.time, other.offset);
    long to = add(arriving.time, own.offset);
    for (List<StoredRow> rows : candidates.subMap(from, true, to, true).values()) {
      for (StoredRow match : rows) {
        if (type == JoinType.SEMI) {
          StoredRow leftRow = own.left ? arriving : match;
          if (!leftRow.matched) {
            output.append(leftRow.values, null, RowKind.INSERT);
          }
        } else if (type != JoinType.ANTI) {
          output.append(
              own.left ? arriving.values : match.values,
              own.left ? match.values : arriving.values,
              RowKind.INSERT);
        }
        match.matched = true;
        arriving.matched = true;
      }
    }
  }

  /** Purges, and emits if unmatched, every row that no row to come can match. */
  @Override
  public void endBatch(long newWatermark, Collector out) {
    watermark = Math.max(watermark, newWatermark);
    expire(left);
    expire(right);
    output.flush(out);
  }

  /** Settles every row left, as if the watermark had reached the end of time. */
  @Override
  public void finish(Collector out) {
    endBatch(Long.MAX_VALUE, out);
  }

  private void expire(Side side) {
    List<StoredRow> expired = side.expire(watermark);
    boolean emitUnmatched =
        side.left ? type.preservesLeft() || type == JoinType.ANTI : type.preservesRight();
    if (!emitUnmatched) {
      return;
    }
    for (StoredRow row : expired) {
      if (!row.matched) {
        output.append(side.left ? row.values : null, side.left ? null : row.values, RowKind.INSERT);
      }
    }
  }

  @Override
  public void close() {
    left.clear();
    right.clear();
  }

  /** The number of rows held over both sides. */
  @Override
  public long stateSize() {
    return left.size + right.size;
  }

  @Override
  public long lateRows() {
    return lateRows;
  }

  private static long add(long a, long b) {
    long sum = a + b;
    // Overflow only when both have the same sign and the sum's sign differs.
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }

  private static long subtract(long a, long b) {
    long difference = a - b;
    if (((a ^ b) & (a ^ difference)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return difference;
  }

  /** One input row held, with whether it has met a row of the other side. */
  private static final class StoredRow {
    final Object[] values;
    final long time;
    final Object key;
    boolean matched;

    StoredRow(Object[] values, long time, Object key) {
      this.values = values;
      this.time = time;
      this.key = key;
    }
  }

  /** The rows one side holds, by key and time for probing and by time alone for purging. */
  private static final class Side {
    final boolean left;
    final JoinKeys keys;
    final int timeColumn;

    /** How long after its time a row of this side may still meet a row of the other side. */
    final long offset;

    final Map<Object, TreeMap<Long, List<StoredRow>>> byKey = new HashMap<>();
    final TreeMap<Long, List<StoredRow>> byTime = new TreeMap<>();
    long size;

    Side(boolean left, JoinKeys keys, int timeColumn, long offset) {
      this.left = left;
      this.keys = keys;
      this.timeColumn = timeColumn;
      this.offset = offset;
    }

    void add(StoredRow row) {
      byKey
          .computeIfAbsent(row.key, key -> new TreeMap<>())
          .computeIfAbsent(row.time, time -> new ArrayList<>(2))
          .add(row);
      byTime.computeIfAbsent(row.time, time -> new ArrayList<>(2)).add(row);
      size++;
    }

    /** Removes the rows with {@code time + offset < watermark}; returns them in time order. */
    List<StoredRow> expire(long watermark) {
      if (byTime.isEmpty()) {
        return List.of();
      }
      NavigableMap<Long, List<StoredRow>> due;
      long limit = Long.MAX_VALUE;
      if (watermark == Long.MAX_VALUE) {
        due = byTime;
      } else {
        limit = subtract(watermark, offset);
        due = byTime.headMap(limit, false);
      }
      if (due.isEmpty()) {
        return List.of();
      }
      List<StoredRow> expired = new ArrayList<>();
      Set<Object> touchedKeys = new HashSet<>();
      for (List<StoredRow> rows : due.values()) {
        for (StoredRow row : rows) {
          expired.add(row);
          touchedKeys.add(row.key);
        }
      }
      due.clear();
      for (Object key : touchedKeys) {
        TreeMap<Long, List<StoredRow>> times = byKey.get(key);
        if (watermark == Long.MAX_VALUE) {
          times.clear();
        } else {
          times.headMap(limit, false).clear();
        }
        if (times.isEmpty()) {
          byKey.remove(key);
        }
      }
      size -= expired.size();
      return expired;
    }

    void clear() {
      byKey.clear();
      byTime.clear();
      size = 0;
    }
  }
}
