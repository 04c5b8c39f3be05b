package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.batch.BooleanVector;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.type.DataType;
import java.util.Arrays;

/**
 * The state of one aggregate call for many groups, in arrays indexed by group id (see {@link
 * io.rivulet.runtime.operator.hash.GroupTable}): the common aggregates over LONG and DOUBLE columns
 * keep primitives, and every other call keeps one {@link Accumulator} per group ({@link Boxed}),
 * so that results are exactly those of the {@link Accumulator} of the call.
 *
 * <p>A group's state is empty when its arrays hold zeros, which is how they are allocated and what
 * {@link #reset} restores. Besides the running state each group can hold the result last emitted
 * for it ({@link #saveEmitted}), which changelog emission compares and retracts.
 */
abstract sealed class GroupedAccumulator {
  private int capacity;

  /**
   * The grouped form of {@code call}'s {@link Accumulator}: primitive where it computes the same
   * results, {@link Boxed} otherwise.
   */
  static GroupedAccumulator create(AggregateCall call, DataType argumentType, boolean retractable) {
    if (call.distinct()) {
      return new Boxed(call, argumentType, retractable);
    }
    DataType resultType = call.resultType();
    DataType.Storage argumentStorage = argumentType == null ? null : argumentType.storage();
    switch (call.kind()) {
      case COUNT_STAR:
        return new Count(resultType, false);
      case COUNT:
        return new Count(resultType, true);
      case SUM:
      case AVG:
        boolean average = call.kind() == AggregateKind.AVG;
        if (resultType == DataType.DECIMAL || !resultType.isNumeric()) {
          break;
        }
        if (resultType.storage() == DataType.Storage.DOUBLE) {
          if (argumentStorage == DataType.Storage.LONG
              || argumentStorage == DataType.Storage.DOUBLE) {
            return new DoubleSum(resultType, average);
          }
        } else if (argumentStorage == DataType.Storage.LONG) {
          return new LongSum(resultType, average);
        }
        break;
      case MIN:
      case MAX:
        boolean maximum = call.kind() == AggregateKind.MAX;
        if (retractable || resultType.storage() != argumentStorage) {
          break;
        }
        if (argumentStorage == DataType.Storage.LONG) {
          return new LongExtremum(maximum, argumentType);
        }
        if (argumentStorage == DataType.Storage.DOUBLE) {
          return new DoubleExtremum(maximum, argumentType);
        }
        break;
      default:
        break;
    }
    return new Boxed(call, argumentType, retractable);
  }

  /** Makes room for groups with ids below {@code groups}. */
  final void ensureCapacity(int groups) {
    if (groups > capacity) {
      int newCapacity = Math.max(groups, Math.max(16, capacity * 2));
      resize(newCapacity);
      capacity = newCapacity;
    }
  }

  final int capacity() {
    return capacity;
  }

  /** Grows every array to {@code newCapacity}. */
  abstract void resize(int newCapacity);

  /** Adds the value of each row {@code rows[i]} of {@code argument} to group {@code groups[i]}. */
  abstract void accumulate(ColumnVector argument, int[] rows, int[] groups, int count);

  /** Adds one row's value (null for {@code COUNT(*)}'s missing argument) to a group. */
  abstract void accumulate(ColumnVector argument, int row, int group);

  /** Takes one row's value back from a group. */
  abstract void retract(ColumnVector argument, int row, int group);

  /**
   * Adds the state of group {@code sources[i]} of {@code source}, an accumulator of the same call,
   * to group {@code targets[i]}, as {@link Accumulator#merge} does.
   */
  abstract void merge(int[] targets, GroupedAccumulator source, int[] sources, int count);

  /** Empties a group's state. */
  abstract void reset(int group);

  /** The group's result, in the Java representation of the call's result type. */
  abstract Object result(int group);

  /** Appends the group's result to a builder of the result type. */
  abstract void appendResult(int group, VectorBuilder builder);

  /** Appends the results of {@code groups[0..count)}, in that order. */
  void appendResults(int[] groups, int count, VectorBuilder builder) {
    for (int i = 0; i < count; i++) {
      appendResult(groups[i], builder);
    }
  }

  /**
   * Appends for each row {@code r < count} the result of group {@code groups[r]}, the one last
   * emitted where {@code lastEmitted[r]}.
   */
  void appendRows(int[] groups, boolean[] lastEmitted, int count, VectorBuilder builder) {
    for (int r = 0; r < count; r++) {
      if (lastEmitted[r]) {
        appendEmitted(groups[r], builder);
      } else {
        appendResult(groups[r], builder);
      }
    }
  }

  /** Empties every group's running state, keeping the arrays. */
  abstract void clear();

  /** Keeps the group's current result as the one last emitted. */
  abstract void saveEmitted(int group);

  /** Whether the group's current result is the same SQL value as the one last emitted. */
  abstract boolean sameAsEmitted(int group);

  /** Appends the result last emitted for the group. */
  abstract void appendEmitted(int group, VectorBuilder builder);

  /** The result last emitted for the group. */
  abstract Object emitted(int group);

  /** The null mask of a primitive vector, or null when it has none or is not primitive. */
  static boolean[] nullsOf(ColumnVector vector) {
    if (vector instanceof LongVector longs) {
      return longs.nulls();
    }
    if (vector instanceof DoubleVector doubles) {
      return doubles.nulls();
    }
    if (vector instanceof BooleanVector booleans) {
      return booleans.nulls();
    }
    return null;
  }

  /** A long as the Java value of {@code type} would hold it (e.g. an INTEGER wraps to 32 bits). */
  static long narrow(DataType type, long value) {
    return switch (type) {
      case TINYINT -> (byte) value;
      case SMALLINT -> (short) value;
      case INTEGER, DATE, TIME -> (int) value;
      default -> value;
    };
  }

  /** A double as the Java value of {@code type} would hold it (a FLOAT rounds to 32 bits). */
  static double narrow(DataType type, double value) {
    return type == DataType.FLOAT ? (double) (float) value : value;
  }

  /** {@code COUNT(*)}, or {@code COUNT(x)}, which skips null values. */
  static final class Count extends GroupedAccumulator {
    private final DataType resultType;
    private final boolean skipNulls;
    private long[] counts = new long[0];
    private long[] emitted;

    Count(DataType resultType, boolean skipNulls) {
      this.resultType = CountAccumulator.checkCountType(resultType);
      this.skipNulls = skipNulls;
    }

    @Override
    void resize(int newCapacity) {
      counts = Arrays.copyOf(counts, newCapacity);
      if (emitted != null) {
        emitted = Arrays.copyOf(emitted, newCapacity);
      }
    }

    @Override
    void accumulate(ColumnVector argument, int[] rows, int[] groups, int count) {
      long[] counts = this.counts;
      if (!skipNulls || argument == null) {
        // COUNT(*) counts every row; COUNT of no column cannot happen.
        for (int i = 0; i < count; i++) {
          counts[groups[i]]++;
        }
        return;
      }
      boolean[] nulls = nullsOf(argument);
      if (nulls == null && (argument instanceof LongVector || argument instanceof DoubleVector)) {
        for (int i = 0; i < count; i++) {
          counts[groups[i]]++;
        }
      } else if (nulls != null) {
        for (int i = 0; i < count; i++) {
          if (!nulls[rows[i]]) {
            counts[groups[i]]++;
          }
        }
      } else {
        for (int i = 0; i < count; i++) {
          if (!argument.isNull(rows[i])) {
            counts[groups[i]]++;
          }
        }
      }
    }

    @Override
    void accumulate(ColumnVector argument, int row, int group) {
      if (!skipNulls || !argument.isNull(row)) {
        counts[group]++;
      }
    }

    @Override
    void retract(ColumnVector argument, int row, int group) {
      if (!skipNulls || !argument.isNull(row)) {
        counts[group]--;
      }
    }

    @Override
    void merge(int[] targets, GroupedAccumulator source, int[] sources, int count) {
      long[] theirs = ((Count) source).counts;
      for (int i = 0; i < count; i++) {
        counts[targets[i]] += theirs[sources[i]];
      }
    }

    @Override
    void reset(int group) {
      counts[group] = 0;
    }

    @Override
    Object result(int group) {
      return resultType.fromLong(counts[group]);
    }

    @Override
    void appendResult(int group, VectorBuilder builder) {
      builder.appendLong(narrow(resultType, counts[group]));
    }

    @Override
    void appendResults(int[] groups, int count, VectorBuilder builder) {
      long[] counts = this.counts;
      for (int i = 0; i < count; i++) {
        builder.appendLong(narrow(resultType, counts[groups[i]]));
      }
    }

    @Override
    void clear() {
      Arrays.fill(counts, 0);
    }

    @Override
    void appendRows(int[] groups, boolean[] lastEmitted, int count, VectorBuilder builder) {
      for (int r = 0; r < count; r++) {
        int group = groups[r];
        builder.appendLong(lastEmitted[r] ? emitted[group] : narrow(resultType, counts[group]));
      }
    }

    @Override
    void saveEmitted(int group) {
      if (emitted == null) {
        emitted = new long[capacity()];
      }
      emitted[group] = narrow(resultType, counts[group]);
    }

    @Override
    boolean sameAsEmitted(int group) {
      return emitted[group] == narrow(resultType, counts[group]);
    }

    @Override
    void appendEmitted(int group, VectorBuilder builder) {
      builder.appendLong(emitted[group]);
    }

    @Override
    Object emitted(int group) {
      return resultType.fromLong(emitted[group]);
    }
  }

  /**
   * {@code SUM(x)} or {@code AVG(x)} of a LONG column with an integer result: a long sum (wrapping
   * on overflow) and a count of non-null values; the average divides with truncation.
   */
  static final class LongSum extends GroupedAccumulator {
    private final DataType resultType;
    private final boolean average;
    private long[] sums = new long[0];
    private long[] counts = new long[0];
    private long[] emittedValues;
    private boolean[] emittedNulls;

    LongSum(DataType resultType, boolean average) {
      this.resultType = resultType;
      this.average = average;
    }

    @Override
    void resize(int newCapacity) {
      sums = Arrays.copyOf(sums, newCapacity);
      counts = Arrays.copyOf(counts, newCapacity);
      if (emittedValues != null) {
        emittedValues = Arrays.copyOf(emittedValues, newCapacity);
        emittedNulls = Arrays.copyOf(emittedNulls, newCapacity);
      }
    }

    @Override
    void accumulate(ColumnVector argument, int[] rows, int[] groups, int count) {
      LongVector longs = (LongVector) argument;
      long[] values = longs.values();
      boolean[] nulls = longs.nulls();
      long[] sums = this.sums;
      long[] counts = this.counts;
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        if (nulls == null || !nulls[row]) {
          int group = groups[i];
          sums[group] += values[row];
          counts[group]++;
        }
      }
    }

    @Override
    void accumulate(ColumnVector argument, int row, int group) {
      if (!argument.isNull(row)) {
        sums[group] += ((LongVector) argument).getLong(row);
        counts[group]++;
      }
    }

    @Override
    void retract(ColumnVector argument, int row, int group) {
      if (!argument.isNull(row)) {
        sums[group] -= ((LongVector) argument).getLong(row);
        counts[group]--;
      }
    }

    @Override
    void merge(int[] targets, GroupedAccumulator source, int[] sources, int count) {
      LongSum that = (LongSum) source;
      for (int i = 0; i < count; i++) {
        sums[targets[i]] += that.sums[sources[i]];
        counts[targets[i]] += that.counts[sources[i]];
      }
    }

    @Override
    void reset(int group) {
      sums[group] = 0;
      counts[group] = 0;
    }

    /** The result as a long, for a group with values. */
    private long value(int group) {
      // Java's long division truncates toward zero, which is what SQL's integer AVG does.
      return narrow(resultType, average ? sums[group] / counts[group] : sums[group]);
    }

    @Override
    Object result(int group) {
      return counts[group] == 0 ? null : resultType.fromLong(value(group));
    }

    @Override
    void appendResult(int group, VectorBuilder builder) {
      if (counts[group] == 0) {
        builder.appendNull();
      } else {
        builder.appendLong(value(group));
      }
    }

    @Override
    void appendResults(int[] groups, int count, VectorBuilder builder) {
      for (int i = 0; i < count; i++) {
        int group = groups[i];
        if (counts[group] == 0) {
          builder.appendNull();
        } else {
          builder.appendLong(value(group));
        }
      }
    }

    @Override
    void clear() {
      Arrays.fill(sums, 0);
      Arrays.fill(counts, 0);
    }

    @Override
    void appendRows(int[] groups, boolean[] lastEmitted, int count, VectorBuilder builder) {
      for (int r = 0; r < count; r++) {
        int group = groups[r];
        if (lastEmitted[r] ? emittedNulls[group] : counts[group] == 0) {
          builder.appendNull();
        } else {
          builder.appendLong(lastEmitted[r] ? emittedValues[group] : value(group));
        }
      }
    }

    @Override
    void saveEmitted(int group) {
      if (emittedValues == null) {
        emittedValues = new long[capacity()];
        emittedNulls = new boolean[capacity()];
      }
      boolean isNull = counts[group] == 0;
      emittedNulls[group] = isNull;
      emittedValues[group] = isNull ? 0 : value(group);
    }

    @Override
    boolean sameAsEmitted(int group) {
      boolean isNull = counts[group] == 0;
      return isNull == emittedNulls[group] && (isNull || emittedValues[group] == value(group));
    }

    @Override
    void appendEmitted(int group, VectorBuilder builder) {
      if (emittedNulls[group]) {
        builder.appendNull();
      } else {
        builder.appendLong(emittedValues[group]);
      }
    }

    @Override
    Object emitted(int group) {
      return emittedNulls[group] ? null : resultType.fromLong(emittedValues[group]);
    }
  }

  /**
   * {@code SUM(x)} or {@code AVG(x)} with a FLOAT or DOUBLE result, of a LONG or DOUBLE column: a
   * double sum that starts afresh when its last value is retracted, and a count of non-null values.
   */
  static final class DoubleSum extends GroupedAccumulator {
    private final DataType resultType;
    private final boolean average;
    private double[] sums = new double[0];
    private long[] counts = new long[0];
    private double[] emittedValues;
    private boolean[] emittedNulls;

    DoubleSum(DataType resultType, boolean average) {
      this.resultType = resultType;
      this.average = average;
    }

    @Override
    void resize(int newCapacity) {
      sums = Arrays.copyOf(sums, newCapacity);
      counts = Arrays.copyOf(counts, newCapacity);
      if (emittedValues != null) {
        emittedValues = Arrays.copyOf(emittedValues, newCapacity);
        emittedNulls = Arrays.copyOf(emittedNulls, newCapacity);
      }
    }

    private static double valueOf(ColumnVector argument, int row) {
      return argument instanceof LongVector longs
          ? (double) longs.getLong(row)
          : ((DoubleVector) argument).getDouble(row);
    }

    @Override
    void accumulate(ColumnVector argument, int[] rows, int[] groups, int count) {
      double[] sums = this.sums;
      long[] counts = this.counts;
      if (argument instanceof DoubleVector doubles) {
        double[] values = doubles.values();
        boolean[] nulls = doubles.nulls();
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          if (nulls == null || !nulls[row]) {
            sums[groups[i]] += values[row];
            counts[groups[i]]++;
          }
        }
      } else {
        LongVector longs = (LongVector) argument;
        long[] values = longs.values();
        boolean[] nulls = longs.nulls();
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          if (nulls == null || !nulls[row]) {
            sums[groups[i]] += (double) values[row];
            counts[groups[i]]++;
          }
        }
      }
    }

    @Override
    void accumulate(ColumnVector argument, int row, int group) {
      if (!argument.isNull(row)) {
        sums[group] += valueOf(argument, row);
        counts[group]++;
      }
    }

    @Override
    void retract(ColumnVector argument, int row, int group) {
      if (!argument.isNull(row)) {
        counts[group]--;
        // Start afresh once empty, so that rounding left over by retractions does not linger.
        sums[group] = counts[group] == 0 ? 0.0 : sums[group] - valueOf(argument, row);
      }
    }

    @Override
    void merge(int[] targets, GroupedAccumulator source, int[] sources, int count) {
      DoubleSum that = (DoubleSum) source;
      for (int i = 0; i < count; i++) {
        sums[targets[i]] += that.sums[sources[i]];
        counts[targets[i]] += that.counts[sources[i]];
      }
    }

    @Override
    void reset(int group) {
      sums[group] = 0.0;
      counts[group] = 0;
    }

    private double value(int group) {
      return narrow(resultType, average ? sums[group] / counts[group] : sums[group]);
    }

    @Override
    Object result(int group) {
      return counts[group] == 0 ? null : resultType.fromDouble(value(group));
    }

    @Override
    void appendResult(int group, VectorBuilder builder) {
      if (counts[group] == 0) {
        builder.appendNull();
      } else {
        builder.appendDouble(value(group));
      }
    }

    @Override
    void clear() {
      Arrays.fill(sums, 0.0);
      Arrays.fill(counts, 0);
    }

    @Override
    void saveEmitted(int group) {
      if (emittedValues == null) {
        emittedValues = new double[capacity()];
        emittedNulls = new boolean[capacity()];
      }
      boolean isNull = counts[group] == 0;
      emittedNulls[group] = isNull;
      emittedValues[group] = isNull ? 0.0 : value(group);
    }

    @Override
    boolean sameAsEmitted(int group) {
      boolean isNull = counts[group] == 0;
      // Double.equals compares bits: -0.0 differs from 0.0, and NaN equals NaN.
      return isNull == emittedNulls[group]
          && (isNull
              || Double.doubleToLongBits(emittedValues[group])
                  == Double.doubleToLongBits(value(group)));
    }

    @Override
    void appendEmitted(int group, VectorBuilder builder) {
      if (emittedNulls[group]) {
        builder.appendNull();
      } else {
        builder.appendDouble(emittedValues[group]);
      }
    }

    @Override
    Object emitted(int group) {
      return emittedNulls[group] ? null : resultType.fromDouble(emittedValues[group]);
    }
  }

  /** The exception a running MIN or MAX throws when asked to retract, as its accumulator does. */
  private static IllegalStateException cannotRetract(boolean maximum) {
    return new IllegalStateException(
        (maximum ? "MAX" : "MIN")
            + " was planned for an append-only input and cannot take values back;"
            + " create it as retractable when the input is a changelog");
  }

  /** A running {@code MIN(x)} or {@code MAX(x)} of a LONG column, on an append-only input. */
  static final class LongExtremum extends GroupedAccumulator {
    private final boolean maximum;
    private final DataType argumentType;
    private long[] extremes = new long[0];
    private boolean[] present = new boolean[0];
    private long[] emittedValues;
    private boolean[] emittedNulls;

    LongExtremum(boolean maximum, DataType argumentType) {
      this.maximum = maximum;
      this.argumentType = argumentType;
    }

    @Override
    void resize(int newCapacity) {
      extremes = Arrays.copyOf(extremes, newCapacity);
      present = Arrays.copyOf(present, newCapacity);
      if (emittedValues != null) {
        emittedValues = Arrays.copyOf(emittedValues, newCapacity);
        emittedNulls = Arrays.copyOf(emittedNulls, newCapacity);
      }
    }

    private void offer(int group, long value) {
      if (!present[group] || (maximum ? value > extremes[group] : value < extremes[group])) {
        extremes[group] = value;
        present[group] = true;
      }
    }

    @Override
    void accumulate(ColumnVector argument, int[] rows, int[] groups, int count) {
      LongVector longs = (LongVector) argument;
      long[] values = longs.values();
      boolean[] nulls = longs.nulls();
      long[] extremes = this.extremes;
      boolean[] present = this.present;
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        if (nulls != null && nulls[row]) {
          continue;
        }
        int group = groups[i];
        long value = values[row];
        if (!present[group] || (maximum ? value > extremes[group] : value < extremes[group])) {
          extremes[group] = value;
          present[group] = true;
        }
      }
    }

    @Override
    void accumulate(ColumnVector argument, int row, int group) {
      if (!argument.isNull(row)) {
        offer(group, ((LongVector) argument).getLong(row));
      }
    }

    @Override
    void retract(ColumnVector argument, int row, int group) {
      if (!argument.isNull(row)) {
        throw cannotRetract(maximum);
      }
    }

    @Override
    void merge(int[] targets, GroupedAccumulator source, int[] sources, int count) {
      LongExtremum that = (LongExtremum) source;
      for (int i = 0; i < count; i++) {
        if (that.present[sources[i]]) {
          offer(targets[i], that.extremes[sources[i]]);
        }
      }
    }

    @Override
    void reset(int group) {
      extremes[group] = 0;
      present[group] = false;
    }

    @Override
    Object result(int group) {
      return present[group] ? argumentType.fromLong(extremes[group]) : null;
    }

    @Override
    void appendResult(int group, VectorBuilder builder) {
      if (present[group]) {
        builder.appendLong(narrow(argumentType, extremes[group]));
      } else {
        builder.appendNull();
      }
    }

    @Override
    void appendResults(int[] groups, int count, VectorBuilder builder) {
      for (int i = 0; i < count; i++) {
        int group = groups[i];
        if (present[group]) {
          builder.appendLong(narrow(argumentType, extremes[group]));
        } else {
          builder.appendNull();
        }
      }
    }

    @Override
    void clear() {
      Arrays.fill(extremes, 0);
      Arrays.fill(present, false);
    }

    @Override
    void appendRows(int[] groups, boolean[] lastEmitted, int count, VectorBuilder builder) {
      for (int r = 0; r < count; r++) {
        int group = groups[r];
        if (lastEmitted[r] ? emittedNulls[group] : !present[group]) {
          builder.appendNull();
        } else {
          builder.appendLong(
              lastEmitted[r] ? emittedValues[group] : narrow(argumentType, extremes[group]));
        }
      }
    }

    @Override
    void saveEmitted(int group) {
      if (emittedValues == null) {
        emittedValues = new long[capacity()];
        emittedNulls = new boolean[capacity()];
      }
      emittedNulls[group] = !present[group];
      emittedValues[group] = present[group] ? narrow(argumentType, extremes[group]) : 0;
    }

    @Override
    boolean sameAsEmitted(int group) {
      return present[group] != emittedNulls[group]
          && (!present[group] || emittedValues[group] == narrow(argumentType, extremes[group]));
    }

    @Override
    void appendEmitted(int group, VectorBuilder builder) {
      if (emittedNulls[group]) {
        builder.appendNull();
      } else {
        builder.appendLong(emittedValues[group]);
      }
    }

    @Override
    Object emitted(int group) {
      return emittedNulls[group] ? null : argumentType.fromLong(emittedValues[group]);
    }
  }

  /**
   * A running {@code MIN(x)} or {@code MAX(x)} of a DOUBLE column, on an append-only input, ordered
   * like {@link Double#compare}.
   */
  static final class DoubleExtremum extends GroupedAccumulator {
    private final boolean maximum;
    private final DataType argumentType;
    private double[] extremes = new double[0];
    private boolean[] present = new boolean[0];
    private double[] emittedValues;
    private boolean[] emittedNulls;

    DoubleExtremum(boolean maximum, DataType argumentType) {
      this.maximum = maximum;
      this.argumentType = argumentType;
    }

    @Override
    void resize(int newCapacity) {
      extremes = Arrays.copyOf(extremes, newCapacity);
      present = Arrays.copyOf(present, newCapacity);
      if (emittedValues != null) {
        emittedValues = Arrays.copyOf(emittedValues, newCapacity);
        emittedNulls = Arrays.copyOf(emittedNulls, newCapacity);
      }
    }

    private void offer(int group, double value) {
      if (!present[group]) {
        extremes[group] = value;
        present[group] = true;
        return;
      }
      int comparison = Double.compare(value, extremes[group]);
      if (maximum ? comparison > 0 : comparison < 0) {
        extremes[group] = value;
      }
    }

    @Override
    void accumulate(ColumnVector argument, int[] rows, int[] groups, int count) {
      DoubleVector doubles = (DoubleVector) argument;
      double[] values = doubles.values();
      boolean[] nulls = doubles.nulls();
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        if (nulls == null || !nulls[row]) {
          offer(groups[i], values[row]);
        }
      }
    }

    @Override
    void accumulate(ColumnVector argument, int row, int group) {
      if (!argument.isNull(row)) {
        offer(group, ((DoubleVector) argument).getDouble(row));
      }
    }

    @Override
    void retract(ColumnVector argument, int row, int group) {
      if (!argument.isNull(row)) {
        throw cannotRetract(maximum);
      }
    }

    @Override
    void merge(int[] targets, GroupedAccumulator source, int[] sources, int count) {
      DoubleExtremum that = (DoubleExtremum) source;
      for (int i = 0; i < count; i++) {
        if (that.present[sources[i]]) {
          offer(targets[i], that.extremes[sources[i]]);
        }
      }
    }

    @Override
    void reset(int group) {
      extremes[group] = 0.0;
      present[group] = false;
    }

    @Override
    Object result(int group) {
      return present[group] ? argumentType.fromDouble(extremes[group]) : null;
    }

    @Override
    void appendResult(int group, VectorBuilder builder) {
      if (present[group]) {
        builder.appendDouble(narrow(argumentType, extremes[group]));
      } else {
        builder.appendNull();
      }
    }

    @Override
    void clear() {
      Arrays.fill(extremes, 0.0);
      Arrays.fill(present, false);
    }

    @Override
    void saveEmitted(int group) {
      if (emittedValues == null) {
        emittedValues = new double[capacity()];
        emittedNulls = new boolean[capacity()];
      }
      emittedNulls[group] = !present[group];
      emittedValues[group] = present[group] ? narrow(argumentType, extremes[group]) : 0.0;
    }

    @Override
    boolean sameAsEmitted(int group) {
      return present[group] != emittedNulls[group]
          && (!present[group]
              || Double.doubleToLongBits(emittedValues[group])
                  == Double.doubleToLongBits(narrow(argumentType, extremes[group])));
    }

    @Override
    void appendEmitted(int group, VectorBuilder builder) {
      if (emittedNulls[group]) {
        builder.appendNull();
      } else {
        builder.appendDouble(emittedValues[group]);
      }
    }

    @Override
    Object emitted(int group) {
      return emittedNulls[group] ? null : argumentType.fromDouble(emittedValues[group]);
    }
  }

  /**
   * Any call, through one {@link Accumulator} per group, created when the group first gets a
   * value: DISTINCT, DECIMAL arithmetic, MIN and MAX under retraction or of objects.
   */
  static final class Boxed extends GroupedAccumulator {
    private final AggregateCall call;
    private final DataType argumentType;
    private final boolean retractable;
    private Accumulator[] accumulators = new Accumulator[0];
    private Object[] emitted;

    Boxed(AggregateCall call, DataType argumentType, boolean retractable) {
      this.call = call;
      this.argumentType = argumentType;
      this.retractable = retractable;
    }

    @Override
    void resize(int newCapacity) {
      accumulators = Arrays.copyOf(accumulators, newCapacity);
      if (emitted != null) {
        emitted = Arrays.copyOf(emitted, newCapacity);
      }
    }

    private Accumulator of(int group) {
      Accumulator accumulator = accumulators[group];
      if (accumulator == null) {
        accumulator = Accumulator.create(call, argumentType, retractable);
        accumulators[group] = accumulator;
      }
      return accumulator;
    }

    @Override
    void accumulate(ColumnVector argument, int[] rows, int[] groups, int count) {
      for (int i = 0; i < count; i++) {
        accumulate(argument, rows[i], groups[i]);
      }
    }

    /** Feeds one argument value to an accumulator, unboxed where the column allows it. */
    @Override
    void accumulate(ColumnVector argument, int row, int group) {
      Accumulator accumulator = of(group);
      if (argument == null || argument.isNull(row)) {
        accumulator.accumulate(null);
      } else if (argument instanceof LongVector longs) {
        accumulator.accumulateLong(longs.getLong(row), longs.type());
      } else if (argument instanceof DoubleVector doubles) {
        accumulator.accumulateDouble(doubles.getDouble(row), doubles.type());
      } else {
        accumulator.accumulate(argument.get(row));
      }
    }

    @Override
    void retract(ColumnVector argument, int row, int group) {
      Accumulator accumulator = of(group);
      if (argument == null || argument.isNull(row)) {
        accumulator.retract(null);
      } else if (argument instanceof LongVector longs) {
        accumulator.retractLong(longs.getLong(row), longs.type());
      } else if (argument instanceof DoubleVector doubles) {
        accumulator.retractDouble(doubles.getDouble(row), doubles.type());
      } else {
        accumulator.retract(argument.get(row));
      }
    }

    @Override
    void merge(int[] targets, GroupedAccumulator source, int[] sources, int count) {
      Boxed that = (Boxed) source;
      for (int i = 0; i < count; i++) {
        of(targets[i]).merge(that.of(sources[i]));
      }
    }

    @Override
    void reset(int group) {
      accumulators[group] = null;
      if (emitted != null) {
        emitted[group] = null;
      }
    }

    @Override
    Object result(int group) {
      return of(group).result();
    }

    @Override
    void appendResult(int group, VectorBuilder builder) {
      builder.append(result(group));
    }

    @Override
    void clear() {
      Arrays.fill(accumulators, null);
      if (emitted != null) {
        Arrays.fill(emitted, null);
      }
    }

    @Override
    void saveEmitted(int group) {
      if (emitted == null) {
        emitted = new Object[capacity()];
      }
      emitted[group] = result(group);
    }

    @Override
    boolean sameAsEmitted(int group) {
      return HashKeys.sameValue(emitted[group], result(group));
    }

    @Override
    void appendEmitted(int group, VectorBuilder builder) {
      builder.append(emitted[group]);
    }

    @Override
    Object emitted(int group) {
      return emitted[group];
    }
  }
}
