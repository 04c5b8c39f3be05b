package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.BinaryOperator;
import io.rivulet.runtime.operator.Collector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running state of one partition of a {@link WindowJoinFactory}: the rows of every open window,
 * by window and key.
 *
 * <p>{@link #processLeft} and {@link #processRight} only buffer rows. A row is late when its window
 * has closed ({@code window_end <= watermark}, the greatest watermark seen): it is dropped and
 * counted. A row with a null window bound belongs to no window and is skipped without being
 * counted. A row whose key holds a null matches nothing but stays in its window, so that an outer
 * or ANTI join emits it when the window closes like every other row.
 *
 * <p>{@link #endBatch} closes every window whose end is at or before the watermark, in order of end
 * then start, emits its result as {@code +I} rows in one batch and frees its state. Within a
 * window, keys come in the order they first arrived: for each key the joined rows (left rows in
 * arrival order, each with the right rows in arrival order), or for a key that one side lacks the
 * other side's rows padded with nulls (LEFT, RIGHT, FULL); SEMI gives the left rows of keys with a
 * right row, ANTI those of keys without; rows with null keys come last. Since every row of a window
 * that is not late is in it when it closes, the result does not depend on how rows are cut into
 * micro-batches.
 */
public final class WindowJoinOperator implements BinaryOperator {
  private final WindowJoinFactory plan;
  private final JoinType type;
  private final JoinOutput output;
  private final JoinKeys leftKeys;
  private final JoinKeys rightKeys;

  /** Open windows in the order they close: by end, then start. */
  private final TreeMap<WindowBounds, WindowState> windows = new TreeMap<>();

  private long watermark = Long.MIN_VALUE;
  private long lateRows;
  private long heldRows;

  WindowJoinOperator(WindowJoinFactory plan) {
    this.plan = plan;
    this.type = plan.joinType();
    this.output =
        new JoinOutput(
            plan.outputSchema(), type, plan.leftSchema().size(), plan.rightSchema().size());
    this.leftKeys = new JoinKeys(plan.leftKeys());
    this.rightKeys = new JoinKeys(plan.rightKeys());
  }

  /** The plan this instance runs. */
  public WindowJoinFactory plan() {
    return plan;
  }

  /**
   * @throws IllegalStateException when the batch holds a row that is not an insert
   */
  @Override
  public void processLeft(Batch batch, Collector out) {
    process(batch, true, plan.leftWindowStart(), plan.leftWindowEnd(), leftKeys);
  }

  /**
   * @throws IllegalStateException when the batch holds a row that is not an insert
   */
  @Override
  public void processRight(Batch batch, Collector out) {
    process(batch, false, plan.rightWindowStart(), plan.rightWindowEnd(), rightKeys);
  }

  private void process(
      Batch batch, boolean fromLeft, int startColumn, int endColumn, JoinKeys keys) {
    if (batch.isEmpty()) {
      return;
    }
    AppendOnly.check(batch, "a window join");
    LongVector starts = (LongVector) batch.column(startColumn);
    LongVector ends = (LongVector) batch.column(endColumn);
    Object[] rowKeys = keys.keysOf(batch);
    // A right row of a SEMI or ANTI join only counts; its values are never output.
    boolean keepValues = fromLeft || type.outputsRightColumns();
    for (int row = 0; row < rowKeys.length; row++) {
      if (starts.isNull(row) || ends.isNull(row)) {
        continue;
      }
      long end = ends.getLong(row);
      if (end <= watermark) {
        lateRows++;
        continue;
      }
      WindowState window =
          windows.computeIfAbsent(
              new WindowBounds(end, starts.getLong(row)), b -> new WindowState());
      Object[] values = keepValues ? batch.row(row) : null;
      Object key = rowKeys[row];
      if (key == null) {
        if (fromLeft ? type.preservesLeft() || type == JoinType.ANTI : type.preservesRight()) {
          (fromLeft ? window.leftUnmatchable : window.rightUnmatchable).add(values);
          heldRows++;
        }
        continue;
      }
      Bucket bucket = window.buckets.computeIfAbsent(key, k -> new Bucket());
      if (fromLeft) {
        bucket.left.add(values);
      } else {
        bucket.rightCount++;
        if (keepValues) {
          bucket.right.add(values);
        }
      }
      window.rows++;
      heldRows++;
    }
  }

  /** Emits and frees every window the watermark has reached. */
  @Override
  public void endBatch(long newWatermark, Collector out) {
    watermark = Math.max(watermark, newWatermark);
    while (!windows.isEmpty() && windows.firstKey().end() <= watermark) {
      WindowState window = windows.pollFirstEntry().getValue();
      emit(window);
      heldRows -= window.rows + window.leftUnmatchable.size() + window.rightUnmatchable.size();
    }
    output.flush(out);
  }

  /** Closes every window left, as if the watermark had reached the end of time. */
  @Override
  public void finish(Collector out) {
    endBatch(Long.MAX_VALUE, out);
  }

  private void emit(WindowState window) {
    boolean semi = type == JoinType.SEMI;
    boolean filtering = semi || type == JoinType.ANTI;
    for (Bucket bucket : window.buckets.values()) {
      boolean matched = !bucket.left.isEmpty() && bucket.rightCount > 0;
      if (filtering) {
        if ((bucket.rightCount > 0) == semi) {
          for (Object[] left : bucket.left) {
            output.append(left, null, RowKind.INSERT);
          }
        }
      } else if (matched) {
        for (Object[] left : bucket.left) {
          for (Object[] right : bucket.right) {
            output.append(left, right, RowKind.INSERT);
          }
        }
      } else {
        if (type.preservesLeft()) {
          for (Object[] left : bucket.left) {
            output.append(left, null, RowKind.INSERT);
          }
        }
        if (type.preservesRight()) {
          for (Object[] right : bucket.right) {
            output.append(null, right, RowKind.INSERT);
          }
        }
      }
    }
    for (Object[] left : window.leftUnmatchable) {
      output.append(left, null, RowKind.INSERT);
    }
    for (Object[] right : window.rightUnmatchable) {
      output.append(null, right, RowKind.INSERT);
    }
  }

  @Override
  public void close() {
    windows.clear();
    heldRows = 0;
  }

  /** The number of input rows the open windows hold. */
  @Override
  public long stateSize() {
    return heldRows;
  }

  @Override
  public long lateRows() {
    return lateRows;
  }

  /** A window's bounds, ordered by end then start: the order windows close in. */
  private record WindowBounds(long end, long start) implements Comparable<WindowBounds> {
    @Override
    public int compareTo(WindowBounds other) {
      int byEnd = Long.compare(end, other.end);
      return byEnd != 0 ? byEnd : Long.compare(start, other.start);
    }
  }

  /** The rows of one open window. */
  private static final class WindowState {
    final Map<Object, Bucket> buckets = new LinkedHashMap<>();

    /** Rows whose key holds a null, kept only where they will be emitted. */
    final List<Object[]> leftUnmatchable = new ArrayList<>();

    final List<Object[]> rightUnmatchable = new ArrayList<>();

    /** The rows held in buckets. */
    long rows;
  }

  /** The rows of one key in one window. */
  private static final class Bucket {
    final List<Object[]> left = new ArrayList<>(2);
    final List<Object[]> right = new ArrayList<>(2);
    long rightCount;
  }
}
