package io.rivulet.runtime.operator.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.exec.Partitioner;
import io.rivulet.runtime.operator.BinaryOperator;
import io.rivulet.runtime.operator.BinaryOperatorFactory;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiPredicate;

/**
 * Builders, a one-instance driver, the adversarial harness and a plain reference join for the join
 * tests: input and output written as data.
 */
final class JoinTesting {
  private JoinTesting() {}

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

  /** One changelog row: its kind and its values, compared exactly (a Long is not an Integer). */
  record Change(RowKind kind, List<Object> values) {
    static Change of(RowKind kind, Object... values) {
      return new Change(kind, JoinTesting.values(values));
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

  /** A batch of rows with their kinds. */
  static Batch batchOf(Schema schema, List<Change> changes) {
    BatchBuilder builder = new BatchBuilder(schema, changes.size());
    for (Change change : changes) {
      builder.appendRow(change.values().toArray(), change.kind());
    }
    return builder.build();
  }

  /** A clock that moves only when a test moves it. */
  static final class ManualClock extends Clock {
    private Instant now;

    ManualClock(long epochMillis) {
      this.now = Instant.ofEpochMilli(epochMillis);
    }

    void advanceMillis(long millis) {
      now = now.plusMillis(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  // ---------------------------------------------------------------- one instance

  /** Drives one two-input instance call by call, returning what each call emitted. */
  static final class Driver {
    final BinaryOperator operator;
    private final Schema left;
    private final Schema right;
    private final Schema output;

    Driver(BinaryOperatorFactory plan, Schema left, Schema right, Schema output) {
      this.operator = plan.create(new OperatorContext("test-query", 0, 1));
      this.left = left;
      this.right = right;
      this.output = output;
    }

    List<Change> left(Object[]... rows) {
      return leftChanges(inserts(rows));
    }

    List<Change> right(Object[]... rows) {
      return rightChanges(inserts(rows));
    }

    List<Change> leftChanges(Change... changes) {
      List<Batch> emitted = new ArrayList<>();
      operator.processLeft(batchOf(left, List.of(changes)), emitted::add);
      return single(emitted);
    }

    List<Change> rightChanges(Change... changes) {
      List<Batch> emitted = new ArrayList<>();
      operator.processRight(batchOf(right, List.of(changes)), emitted::add);
      return single(emitted);
    }

    List<Change> endBatch(long watermark) {
      List<Batch> emitted = new ArrayList<>();
      operator.endBatch(watermark, emitted::add);
      return single(emitted);
    }

    List<Change> finish() {
      List<Batch> emitted = new ArrayList<>();
      operator.finish(emitted::add);
      return single(emitted);
    }

    long stateSize() {
      return operator.stateSize();
    }

    long lateRows() {
      return operator.lateRows();
    }

    private static Change[] inserts(Object[]... rows) {
      Change[] changes = new Change[rows.length];
      for (int i = 0; i < rows.length; i++) {
        changes[i] = Change.of(RowKind.INSERT, rows[i]);
      }
      return changes;
    }

    private List<Change> single(List<Batch> emitted) {
      assertThat(emitted).as("batches emitted by one call").hasSizeLessThanOrEqualTo(1);
      if (emitted.isEmpty()) {
        return List.of();
      }
      Batch batch = emitted.get(0);
      assertThat(batch.isEmpty()).as("an emitted batch is never empty").isFalse();
      assertThat(batch.schema()).isEqualTo(output);
      return changesOf(batch);
    }
  }

  // ---------------------------------------------------------------- the adversarial harness

  /** One input row arriving at one side of a join, with its kind. */
  record Arrival(boolean left, Change change) {
    @Override
    public String toString() {
      return (left ? "left " : "right ") + change;
    }
  }

  static Arrival left(Object... values) {
    return new Arrival(true, Change.of(RowKind.INSERT, values));
  }

  static Arrival right(Object... values) {
    return new Arrival(false, Change.of(RowKind.INSERT, values));
  }

  static Arrival leftChange(RowKind kind, Object... values) {
    return new Arrival(true, Change.of(kind, values));
  }

  static Arrival rightChange(RowKind kind, Object... values) {
    return new Arrival(false, Change.of(kind, values));
  }

  /**
   * What the harness needs to know of a join plan: its inputs, how they are partitioned, and which
   * columns carry event time for the watermark (-1 for none: the watermark then stays unknown until
   * the end).
   */
  record JoinCase(
      BinaryOperatorFactory plan,
      Schema leftSchema,
      int[] leftKeys,
      int leftTime,
      Schema rightSchema,
      int[] rightKeys,
      int rightTime,
      Schema outputSchema,
      long delay,
      boolean appendOnly) {

    static JoinCase of(HashJoinFactory plan) {
      return new JoinCase(
          plan,
          plan.leftSchema(),
          plan.leftKeys(),
          -1,
          plan.rightSchema(),
          plan.rightKeys(),
          -1,
          plan.outputSchema(),
          0,
          false);
    }

    static JoinCase of(IntervalJoinFactory plan, long delay) {
      return new JoinCase(
          plan,
          plan.leftSchema(),
          plan.leftKeys(),
          plan.leftTimeColumn(),
          plan.rightSchema(),
          plan.rightKeys(),
          plan.rightTimeColumn(),
          plan.outputSchema(),
          delay,
          true);
    }

    /**
     * A window join whose inputs carry their event time in {@code leftTime} and {@code rightTime}.
     */
    static JoinCase of(WindowJoinFactory plan, int leftTime, int rightTime, long delay) {
      return new JoinCase(
          plan,
          plan.leftSchema(),
          plan.leftKeys(),
          leftTime,
          plan.rightSchema(),
          plan.rightKeys(),
          rightTime,
          plan.outputSchema(),
          delay,
          true);
    }
  }

  /** What one way of running produced: the batches, the watermark each came with, late rows. */
  record Run(List<Batch> batches, List<Long> watermarks, long lateRows) {
    /** The rows the changelog leaves, with multiplicity, checking it never goes negative. */
    List<List<Object>> finalRows(String way) {
      Map<List<Object>, Integer> counts = new HashMap<>();
      List<List<Object>> order = new ArrayList<>();
      for (Batch batch : batches) {
        for (Change change : changesOf(batch)) {
          int delta = change.kind().isAccumulate() ? 1 : -1;
          int count = counts.getOrDefault(change.values(), 0) + delta;
          assertThat(count).as("%s: multiplicity after %s", way, change).isNotNegative();
          if (!counts.containsKey(change.values())) {
            order.add(change.values());
          }
          counts.put(change.values(), count);
        }
      }
      List<List<Object>> rows = new ArrayList<>();
      for (List<Object> values : order) {
        for (int i = 0; i < counts.get(values); i++) {
          rows.add(values);
        }
      }
      rows.sort(ROW_ORDER);
      return rows;
    }
  }

  /**
   * Runs a join over {@code arrivals} in every way its result must not depend on, and returns the
   * one result: the rows the output changelog adds up to, sorted.
   *
   * <p>The arrivals go in as one micro-batch, as one micro-batch per row and as micro-batches cut
   * at random, each micro-batch fed in runs of consecutive rows of one side (so both sides
   * interleave), over 1 instance and over 4 instances that get the rows of their key hash from
   * {@link Partitioner}. After each micro-batch the watermark trails the greatest event time so far
   * by the case's delay; at the end it is {@code Long.MAX_VALUE}. It checks that output schemas are
   * right, that no batch is empty, that an append-only join emits inserts only, that every way
   * gives the same rows and late-row count, and that the state is empty at the end.
   */
  static List<List<Object>> runAdversarially(JoinCase join, List<Arrival> arrivals) {
    List<List<Object>> expected = null;
    Long expectedLate = null;
    String[] splits = {
      "one batch", "one row per batch", "random batches (seed 1)", "random batches (seed 2)"
    };
    for (int split = 0; split < splits.length; split++) {
      for (int parallelism : new int[] {1, 4}) {
        String way = splits[split] + ", " + parallelism + " instance(s)";
        List<Integer> batchSizes = batchSizes(split, arrivals.size());
        Run run = run(join, arrivals, batchSizes, parallelism, way);
        List<List<Object>> rows = run.finalRows(way);
        if (expected == null) {
          expected = rows;
          expectedLate = run.lateRows();
        } else {
          assertThat(rows).as("%s: same rows as one batch", way).isEqualTo(expected);
          assertThat(run.lateRows()).as("%s: late rows", way).isEqualTo(expectedLate);
        }
      }
    }
    return expected;
  }

  private static List<Integer> batchSizes(int split, int rows) {
    List<Integer> sizes = new ArrayList<>();
    if (split == 0) {
      sizes.add(rows);
    } else if (split == 1) {
      for (int i = 0; i < rows; i++) {
        sizes.add(1);
      }
    } else {
      Random random = new Random(split);
      for (int left = rows; left > 0; ) {
        int size = Math.min(left, 1 + random.nextInt(4));
        sizes.add(size);
        left -= size;
      }
    }
    return sizes;
  }

  /** Runs the arrivals cut into micro-batches of {@code batchSizes} over some instances. */
  static Run run(
      JoinCase join,
      List<Arrival> arrivals,
      List<Integer> batchSizes,
      int parallelism,
      String way) {
    BinaryOperator[] instances = new BinaryOperator[parallelism];
    for (int i = 0; i < parallelism; i++) {
      instances[i] = join.plan().create(new OperatorContext("test-query", i, parallelism));
    }
    List<Batch> batches = new ArrayList<>();
    List<Long> watermarks = new ArrayList<>();
    long maximumTime = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;
    int position = 0;
    for (int size : batchSizes) {
      List<Arrival> microBatch = arrivals.subList(position, position + size);
      position += size;
      int runStart = 0;
      while (runStart < microBatch.size()) {
        boolean side = microBatch.get(runStart).left();
        int runEnd = runStart;
        List<Change> sameSide = new ArrayList<>();
        while (runEnd < microBatch.size() && microBatch.get(runEnd).left() == side) {
          sameSide.add(microBatch.get(runEnd).change());
          runEnd++;
        }
        feed(join, instances, side, sameSide, batches, watermark, watermarks);
        runStart = runEnd;
      }
      for (Arrival arrival : microBatch) {
        int timeColumn = arrival.left() ? join.leftTime() : join.rightTime();
        Object time = timeColumn < 0 ? null : arrival.change().values().get(timeColumn);
        if (time != null) {
          maximumTime = Math.max(maximumTime, (Long) time);
        }
      }
      if (maximumTime != Long.MIN_VALUE) {
        watermark = Math.max(watermark, maximumTime - join.delay());
      }
      endBatch(join, instances, watermark, batches, watermarks);
    }
    endBatch(join, instances, Long.MAX_VALUE, batches, watermarks);
    long lateRows = 0;
    for (BinaryOperator instance : instances) {
      if (join.appendOnly()) {
        assertThat(instance.stateSize()).as("%s: state after the end of time", way).isZero();
      }
      int before = batches.size();
      instance.finish(batches::add);
      assertThat(batches).as("%s: finish after the end of time emits nothing", way).hasSize(before);
      assertThat(instance.stateSize()).as("%s: state after finish", way).isZero();
      lateRows += instance.lateRows();
      instance.close();
    }
    for (Batch batch : batches) {
      assertThat(batch.schema()).as(way).isEqualTo(join.outputSchema());
      if (join.appendOnly()) {
        assertThat(batch.hasChanges()).as("%s: append-only output", way).isFalse();
      }
    }
    return new Run(batches, watermarks, lateRows);
  }

  private static void feed(
      JoinCase join,
      BinaryOperator[] instances,
      boolean left,
      List<Change> changes,
      List<Batch> batches,
      long watermark,
      List<Long> watermarks) {
    Schema schema = left ? join.leftSchema() : join.rightSchema();
    Batch batch = batchOf(schema, changes);
    int[] keys = left ? join.leftKeys() : join.rightKeys();
    Batch[] parts =
        Partitioner.split(
            batch, Partitioner.partitionsOf(batch, keys, instances.length), instances.length);
    for (int i = 0; i < instances.length; i++) {
      if (parts[i] == null) {
        continue;
      }
      int before = batches.size();
      if (left) {
        instances[i].processLeft(parts[i], batches::add);
      } else {
        instances[i].processRight(parts[i], batches::add);
      }
      assertThat(batches.size() - before).as("batches per process call").isLessThanOrEqualTo(1);
      record(batches, before, watermark, watermarks);
    }
  }

  private static void endBatch(
      JoinCase join,
      BinaryOperator[] instances,
      long watermark,
      List<Batch> batches,
      List<Long> watermarks) {
    for (BinaryOperator instance : instances) {
      int before = batches.size();
      instance.endBatch(watermark, batches::add);
      assertThat(batches.size() - before).as("batches per endBatch").isLessThanOrEqualTo(1);
      record(batches, before, watermark, watermarks);
    }
  }

  private static void record(List<Batch> batches, int before, long watermark, List<Long> marks) {
    if (batches.size() > before) {
      assertThat(batches.get(before).isEmpty()).as("an emitted batch is never empty").isFalse();
      marks.add(watermark);
    }
  }

  // ---------------------------------------------------------------- random runs with time

  /** An output row and when it came: in which micro-batch, and whether from endBatch. */
  record Emitted(List<Object> values, int batch, boolean atEndBatch) {}

  /**
   * What a random run of an event-time join produced, with the times needed to check it.
   *
   * @param watermarks the watermark each micro-batch ended with; the last is {@code
   *     Long.MAX_VALUE}, given after the last micro-batch of input
   * @param batchOfArrival the micro-batch each arrival came in
   * @param stateSizes the state of all instances together after each micro-batch
   */
  record TimedRun(
      List<Emitted> rows,
      List<Long> watermarks,
      int[] batchOfArrival,
      long lateRows,
      List<Long> stateSizes) {

    /** The watermark in force when arrival {@code index} came: the one before its batch. */
    long watermarkAtArrival(int index) {
      int batch = batchOfArrival[index];
      return batch == 0 ? Long.MIN_VALUE : watermarks.get(batch - 1);
    }

    List<List<Object>> sortedRows() {
      List<List<Object>> values = new ArrayList<>();
      for (Emitted row : rows) {
        values.add(row.values());
      }
      values.sort(ROW_ORDER);
      return values;
    }
  }

  /**
   * Runs the arrivals cut at random into micro-batches of 1 to {@code maxBatch} rows over {@code
   * parallelism} instances, the watermark trailing the greatest event time by the case's delay,
   * then {@code Long.MAX_VALUE}; checks that every instance ends with no state.
   */
  static TimedRun runRandomly(
      JoinCase join, List<Arrival> arrivals, Random random, int parallelism, int maxBatch) {
    List<Integer> sizes = new ArrayList<>();
    for (int left = arrivals.size(); left > 0; ) {
      int size = Math.min(left, 1 + random.nextInt(maxBatch));
      sizes.add(size);
      left -= size;
    }
    return runTimed(join, arrivals, sizes, parallelism);
  }

  /** Runs the arrivals in micro-batches of the given sizes; see {@link #runRandomly}. */
  static TimedRun runTimed(
      JoinCase join, List<Arrival> arrivals, List<Integer> batchSizes, int parallelism) {
    BinaryOperator[] instances = new BinaryOperator[parallelism];
    for (int i = 0; i < parallelism; i++) {
      instances[i] = join.plan().create(new OperatorContext("timed", i, parallelism));
    }
    List<Emitted> rows = new ArrayList<>();
    List<Long> watermarks = new ArrayList<>();
    List<Long> stateSizes = new ArrayList<>();
    int[] batchOfArrival = new int[arrivals.size()];
    long maximumTime = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;
    int position = 0;
    for (int batch = 0; batch <= batchSizes.size(); batch++) {
      int current = batch;
      if (batch < batchSizes.size()) {
        int end = position + batchSizes.get(batch);
        for (int a = position; a < end; a++) {
          batchOfArrival[a] = batch;
          Arrival arrival = arrivals.get(a);
          Batch input =
              batchOf(
                  arrival.left() ? join.leftSchema() : join.rightSchema(),
                  List.of(arrival.change()));
          int[] keys = arrival.left() ? join.leftKeys() : join.rightKeys();
          BinaryOperator instance =
              instances[Partitioner.partitionsOf(input, keys, parallelism)[0]];
          if (arrival.left()) {
            instance.processLeft(input, out -> collect(rows, out, current, false));
          } else {
            instance.processRight(input, out -> collect(rows, out, current, false));
          }
          int timeColumn = arrival.left() ? join.leftTime() : join.rightTime();
          Object time = arrival.change().values().get(timeColumn);
          if (time != null) {
            maximumTime = Math.max(maximumTime, (Long) time);
          }
        }
        position = end;
        if (maximumTime != Long.MIN_VALUE) {
          watermark = Math.max(watermark, maximumTime - join.delay());
        }
      } else {
        watermark = Long.MAX_VALUE;
      }
      watermarks.add(watermark);
      long state = 0;
      for (BinaryOperator instance : instances) {
        instance.endBatch(watermark, out -> collect(rows, out, current, true));
        state += instance.stateSize();
      }
      stateSizes.add(state);
    }
    long lateRows = 0;
    for (BinaryOperator instance : instances) {
      assertThat(instance.stateSize()).as("state after the end of time").isZero();
      lateRows += instance.lateRows();
      instance.close();
    }
    return new TimedRun(rows, watermarks, batchOfArrival, lateRows, stateSizes);
  }

  private static void collect(List<Emitted> rows, Batch batch, int index, boolean atEndBatch) {
    assertThat(batch.isEmpty()).as("an emitted batch is never empty").isFalse();
    assertThat(batch.hasChanges()).as("append-only output").isFalse();
    for (int row = 0; row < batch.rowCount(); row++) {
      rows.add(new Emitted(values(batch.row(row)), index, atEndBatch));
    }
  }

  // ---------------------------------------------------------------- the reference join

  /**
   * The join of two bags of rows computed the plain way, by comparing every left row with every
   * right row: what every operator's result must add up to. The rows come back sorted.
   */
  static List<List<Object>> referenceJoin(
      JoinType type,
      List<Object[]> leftRows,
      int leftWidth,
      List<Object[]> rightRows,
      int rightWidth,
      BiPredicate<Object[], Object[]> matches) {
    List<List<Object>> result = new ArrayList<>();
    boolean[] rightMatched = new boolean[rightRows.size()];
    for (Object[] left : leftRows) {
      boolean matched = false;
      for (int r = 0; r < rightRows.size(); r++) {
        Object[] right = rightRows.get(r);
        if (matches.test(left, right)) {
          matched = true;
          rightMatched[r] = true;
          if (type.outputsRightColumns()) {
            result.add(concat(left, right, leftWidth, rightWidth));
          }
        }
      }
      if (matched ? type == JoinType.SEMI : type.preservesLeft() || type == JoinType.ANTI) {
        result.add(
            type.outputsRightColumns() ? concat(left, null, leftWidth, rightWidth) : values(left));
      }
    }
    if (type.preservesRight()) {
      for (int r = 0; r < rightRows.size(); r++) {
        if (!rightMatched[r]) {
          result.add(concat(null, rightRows.get(r), leftWidth, rightWidth));
        }
      }
    }
    result.sort(ROW_ORDER);
    return result;
  }

  /** Whether the key columns of two rows are all non-null and equal, as SQL compares them. */
  static boolean keysEqual(Object[] left, int[] leftKeys, Object[] right, int[] rightKeys) {
    for (int i = 0; i < leftKeys.length; i++) {
      Object a = left[leftKeys[i]];
      Object b = right[rightKeys[i]];
      if (a == null || b == null) {
        return false;
      }
      boolean equal =
          a instanceof BigDecimal x && b instanceof BigDecimal y
              ? x.compareTo(y) == 0
              : a instanceof Number x && b instanceof Number y && !(a instanceof BigDecimal)
                  ? x.longValue() == y.longValue() && x.doubleValue() == y.doubleValue()
                  : Objects.equals(a, b);
      if (!equal) {
        return false;
      }
    }
    return true;
  }

  static List<Object> concat(Object[] left, Object[] right, int leftWidth, int rightWidth) {
    Object[] joined = new Object[leftWidth + rightWidth];
    if (left != null) {
      System.arraycopy(left, 0, joined, 0, leftWidth);
    }
    if (right != null) {
      System.arraycopy(right, 0, joined, leftWidth, rightWidth);
    }
    return values(joined);
  }

  /** Sorts rows by their text, so that bags of rows can be compared as lists. */
  static final Comparator<List<Object>> ROW_ORDER = Comparator.comparing(Object::toString);

  /** Sorts rows for comparison with a reference result. */
  static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(ROW_ORDER);
    return copy;
  }
}
