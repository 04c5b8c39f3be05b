package io.rivulet.runtime.operator.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builders, a one-instance driver and the adversarial harness of the window tests: input and
 * output written as data.
 */
final class WindowTesting {
  private WindowTesting() {}

  /** Milliseconds in {@code seconds} seconds, the unit most tests think in. */
  static long seconds(double seconds) {
    return Math.round(seconds * 1000);
  }

  static Object[] row(Object... values) {
    return values;
  }

  static List<Object> values(Object... values) {
    return Collections.unmodifiableList(Arrays.asList(values.clone()));
  }

  static Schema schema(Object... namesAndTypes) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.add(Field.of((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1]));
    }
    return new Schema(fields);
  }

  static WindowAggregateFactory factory(
      Schema input,
      int timeColumn,
      WindowSpec window,
      int[] keys,
      List<AggregateCall> calls,
      EmitMode emit,
      LatePolicy late) {
    return new WindowAggregateFactory(
        input,
        timeColumn,
        window,
        keys,
        calls,
        WindowAggregateFactory.outputSchemaOf(input, keys, calls),
        emit,
        late);
  }

  /** The same plan with another emit mode. */
  static WindowAggregateFactory withEmit(WindowAggregateFactory plan, EmitMode emit) {
    return new WindowAggregateFactory(
        plan.inputSchema(),
        plan.timeColumn(),
        plan.window(),
        plan.groupKeys(),
        plan.calls(),
        plan.outputSchema(),
        emit,
        plan.latePolicy());
  }

  /** One changelog row: its kind and its values, compared exactly (a Long is not an Integer). */
  record Change(RowKind kind, List<Object> values) {
    static Change of(RowKind kind, Object... values) {
      return new Change(kind, WindowTesting.values(values));
    }

    @Override
    public String toString() {
      return kind.shortName() + " " + values;
    }
  }

  static Change insert(Object... values) {
    return Change.of(RowKind.INSERT, values);
  }

  static Change delete(Object... values) {
    return Change.of(RowKind.DELETE, values);
  }

  static Change updateBefore(Object... values) {
    return Change.of(RowKind.UPDATE_BEFORE, values);
  }

  static Change updateAfter(Object... values) {
    return Change.of(RowKind.UPDATE_AFTER, values);
  }

  static List<Change> changesOf(Batch batch) {
    List<Change> changes = new ArrayList<>(batch.rowCount());
    for (int row = 0; row < batch.rowCount(); row++) {
      changes.add(Change.of(batch.kind(row), batch.row(row)));
    }
    return changes;
  }

  /** Drives one operator instance micro-batch by micro-batch and checks the calling protocol. */
  static final class Driver {
    final WindowAggregateFactory plan;
    final Operator operator;

    Driver(WindowAggregateFactory plan) {
      this.plan = plan;
      this.operator = plan.create(new OperatorContext("test-query", 0, 1));
    }

    /** Runs one micro-batch of {@code rows} ending with {@code watermark}; returns its output. */
    List<Change> microBatch(long watermark, Object[]... rows) {
      List<Batch> emitted = new ArrayList<>();
      if (rows.length > 0) {
        operator.process(Batch.ofRows(plan.inputSchema(), Arrays.asList(rows)), emitted::add);
      }
      assertThat(emitted).as("output during process").isEmpty();
      operator.endBatch(watermark, emitted::add);
      return single(emitted);
    }

    /** Ends the input and returns what {@link Operator#finish} emitted. */
    List<Change> finish() {
      List<Batch> emitted = new ArrayList<>();
      operator.finish(emitted::add);
      return single(emitted);
    }

    private List<Change> single(List<Batch> emitted) {
      assertThat(emitted).as("batches emitted by one call").hasSizeLessThanOrEqualTo(1);
      if (emitted.isEmpty()) {
        return List.of();
      }
      Batch batch = emitted.get(0);
      assertThat(batch.isEmpty()).as("an emitted batch is never empty").isFalse();
      assertThat(batch.schema()).isEqualTo(plan.outputSchema());
      return changesOf(batch);
    }
  }

  /**
   * Runs a plan over rows whose times are never more than {@code delay} behind the greatest time
   * before them, in every way the result must not depend on, and returns the one result.
   *
   * <p>The rows go in as one micro-batch and as one micro-batch per row, the watermark after each
   * micro-batch trailing the greatest time so far by {@code delay}, then {@code Long.MAX_VALUE};
   * over 1 instance and over 4 instances that each get the rows of their key hash and the same
   * watermarks. Each way runs with {@link EmitMode#ON_CLOSE} and with {@link
   * EmitMode#EVERY_BATCH}. It checks that every on-close output is an append stream emitted in
   * firing order only once the watermark passed each window's end, that every every-batch
   * changelog retracts only rows it emitted and ends in the on-close rows, that late row counts
   * agree, and that all state is gone at the end.
   *
   * @return the on-close rows, as one instance emits them (in firing order)
   */
  static List<List<Object>> runAdversarially(
      WindowAggregateFactory plan, long delay, List<Object[]> rows) {
    WindowAggregateFactory onClose = withEmit(plan, EmitMode.ON_CLOSE);
    WindowAggregateFactory everyBatch = withEmit(plan, EmitMode.EVERY_BATCH);
    int keys = plan.groupKeys().length;
    List<List<Object>> expected = null;
    List<List<Object>> expectedSorted = null;
    Long expectedLateRows = null;
    for (boolean rowPerBatch : new boolean[] {false, true}) {
      for (int parallelism : new int[] {1, 4}) {
        String way =
            (rowPerBatch ? "one row per batch" : "one batch") + ", " + parallelism + " instance(s)";
        Run appended = run(onClose, delay, rows, rowPerBatch, parallelism);
        List<List<Object>> result = appended.appendedRows(way);
        if (parallelism == 1) {
          assertThat(result).as("%s: firing order", way).isSortedAccordingTo(windowOrder(keys));
        }
        List<List<Object>> sorted = new ArrayList<>(result);
        sorted.sort(firingOrder(keys));
        Run changelog = run(everyBatch, delay, rows, rowPerBatch, parallelism);
        assertThat(changelog.finalState(way))
            .as("%s: every-batch changelog ends in the on-close rows", way)
            .containsExactlyInAnyOrderElementsOf(sorted);
        if (expected == null) {
          expected = result;
          expectedSorted = sorted;
          expectedLateRows = appended.lateRows;
        } else {
          assertThat(sorted).as("%s: same rows as one batch", way).isEqualTo(expectedSorted);
        }
        assertThat(appended.lateRows).as("%s: late rows", way).isEqualTo(expectedLateRows);
        assertThat(changelog.lateRows).as("%s: late rows", way).isEqualTo(expectedLateRows);
      }
    }
    return expected;
  }

  /** What one way of running produced. */
  private record Run(
      WindowAggregateFactory plan, List<Batch> batches, List<Long> watermarks, long lateRows) {

    /** The rows of an append stream, checking it is one and fires only closed windows. */
    List<List<Object>> appendedRows(String way) {
      int keyCount = plan.groupKeys().length;
      List<List<Object>> rows = new ArrayList<>();
      Set<List<Object>> windows = new HashSet<>();
      for (int i = 0; i < batches.size(); i++) {
        Batch batch = batches.get(i);
        assertThat(batch.hasChanges()).as("%s: on-close output is inserts", way).isFalse();
        for (List<Object> row : rowsOf(batch)) {
          assertThat((Long) row.get(keyCount + 1))
              .as("%s: window end of %s against the watermark", way, row)
              .isLessThanOrEqualTo(watermarks.get(i));
          assertThat(windows.add(row.subList(0, keyCount + 2)))
              .as("%s: %s fires once", way, row)
              .isTrue();
          rows.add(row);
        }
      }
      return rows;
    }

    /** The rows a changelog leaves, checking it never retracts a row it does not hold. */
    List<List<Object>> finalState(String way) {
      Map<List<Object>, Integer> state = new HashMap<>();
      for (Batch batch : batches) {
        for (Change change : changesOf(batch)) {
          int delta = change.kind().isAccumulate() ? 1 : -1;
          int count = state.getOrDefault(change.values(), 0) + delta;
          assertThat(count).as("%s: multiplicity after %s", way, change).isBetween(0, 1);
          if (count == 0) {
            state.remove(change.values());
          } else {
            state.put(change.values(), count);
          }
        }
      }
      return new ArrayList<>(state.keySet());
    }
  }

  private static Run run(
      WindowAggregateFactory plan,
      long delay,
      List<Object[]> rows,
      boolean rowPerBatch,
      int parallelism) {
    Operator[] instances = new Operator[parallelism];
    for (int i = 0; i < parallelism; i++) {
      instances[i] = plan.create(new OperatorContext("test-query", i, parallelism));
    }
    List<Batch> batches = new ArrayList<>();
    List<Long> watermarks = new ArrayList<>();
    long maximumTime = Long.MIN_VALUE;
    int position = 0;
    while (position < rows.size()) {
      int end = rowPerBatch ? position + 1 : rows.size();
      List<List<Object[]>> byInstance = new ArrayList<>();
      for (int i = 0; i < parallelism; i++) {
        byInstance.add(new ArrayList<>());
      }
      for (Object[] row : rows.subList(position, end)) {
        byInstance.get(instanceOf(plan, row, parallelism)).add(row);
        Object time = row[plan.timeColumn()];
        if (time != null) {
          maximumTime = Math.max(maximumTime, (Long) time);
        }
      }
      position = end;
      for (int i = 0; i < parallelism; i++) {
        if (!byInstance.get(i).isEmpty()) {
          int before = batches.size();
          instances[i].process(Batch.ofRows(plan.inputSchema(), byInstance.get(i)), batches::add);
          assertThat(batches).as("output during process").hasSize(before);
        }
      }
      long watermark = maximumTime == Long.MIN_VALUE ? Long.MIN_VALUE : maximumTime - delay;
      endBatch(instances, watermark, batches, watermarks);
    }
    endBatch(instances, Long.MAX_VALUE, batches, watermarks);
    long lateRows = 0;
    for (Operator instance : instances) {
      int before = batches.size();
      instance.finish(batches::add);
      assertThat(batches).as("finish after the end of time emits nothing").hasSize(before);
      assertThat(instance.stateSize()).as("state after the end").isZero();
      lateRows += instance.lateRows();
      instance.close();
    }
    return new Run(plan, batches, watermarks, lateRows);
  }

  private static void endBatch(
      Operator[] instances, long watermark, List<Batch> batches, List<Long> watermarks) {
    for (Operator instance : instances) {
      int before = batches.size();
      instance.endBatch(watermark, batches::add);
      assertThat(batches.size() - before).as("batches per endBatch").isLessThanOrEqualTo(1);
      if (batches.size() > before) {
        assertThat(batches.get(before).isEmpty()).as("an emitted batch is never empty").isFalse();
        watermarks.add(watermark);
      }
    }
  }

  /** The instance a hash exchange on the group keys would send {@code row} to. */
  private static int instanceOf(WindowAggregateFactory plan, Object[] row, int parallelism) {
    int[] keys = plan.groupKeys();
    Object[] keyValues = new Object[keys.length];
    for (int i = 0; i < keys.length; i++) {
      Object value = row[keys[i]];
      keyValues[i] =
          value instanceof BigDecimal decimal && decimal.signum() != 0
              ? decimal.stripTrailingZeros()
              : value;
    }
    return Math.floorMod(Arrays.hashCode(keyValues) * 31 + 17, parallelism);
  }

  static List<List<Object>> rowsOf(Batch batch) {
    List<List<Object>> rows = new ArrayList<>(batch.rowCount());
    for (int row = 0; row < batch.rowCount(); row++) {
      rows.add(values(batch.row(row)));
    }
    return rows;
  }

  /**
   * The order in which a window aggregate fires windows: window end, start, then the key columns
   * (nulls first); then the other values as text, so that any rows can be sorted the same way.
   */
  static Comparator<List<Object>> firingOrder(int keyCount) {
    return (left, right) -> {
      int comparison = Long.compare((Long) left.get(keyCount + 1), (Long) right.get(keyCount + 1));
      if (comparison == 0) {
        comparison = Long.compare((Long) left.get(keyCount), (Long) right.get(keyCount));
      }
      for (int i = 0; comparison == 0 && i < keyCount; i++) {
        comparison = compareValues(left.get(i), right.get(i));
      }
      return comparison != 0 ? comparison : left.toString().compareTo(right.toString());
    };
  }

  /** Firing order among rows of one window and key: only end, start and keys count. */
  static Comparator<List<Object>> windowOrder(int keyCount) {
    Comparator<List<Object>> full = firingOrder(keyCount);
    return (left, right) ->
        full.compare(left.subList(0, keyCount + 2), right.subList(0, keyCount + 2));
  }

  @SuppressWarnings("unchecked")
  private static int compareValues(Object left, Object right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : -1) : 1;
    }
    return ((Comparable<Object>) left).compareTo(right);
  }
}
