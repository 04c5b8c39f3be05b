package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.List;

/**
 * The aggregate calls of an operator for many groups, their state in arrays indexed by the group
 * ids of a {@link io.rivulet.runtime.operator.hash.GroupTable}: a batch is folded in one call per
 * aggregate over all its rows, and results are written straight into output columns.
 *
 * <p>Results equal those of the calls' {@link Accumulator}s fed the same values in the same order
 * (the common numeric aggregates keep primitives, the others an accumulator per group). Callers
 * {@link #ensureCapacity} for every group id before using it, and {@link #reset} a group they drop
 * so that its id starts empty when reused.
 */
public final class GroupedAggregates {
  private final GroupedAccumulator[] accumulators;
  private final int[] arguments;

  /**
   * @param calls the aggregate calls, in output order
   * @param input the schema of the rows the calls read
   * @param retractable whether rows will be retracted (see {@link Accumulator#create})
   */
  public GroupedAggregates(List<AggregateCall> calls, Schema input, boolean retractable) {
    this.accumulators = new GroupedAccumulator[calls.size()];
    this.arguments = new int[calls.size()];
    for (int i = 0; i < accumulators.length; i++) {
      AggregateCall call = calls.get(i);
      accumulators[i] = GroupedAccumulator.create(call, call.argumentType(input), retractable);
      arguments[i] = call.argument();
    }
  }

  /**
   * Whether the partial results of rows split into parts, merged in any order, are exactly the
   * result of all rows accumulated in their order: true for counts, integer sums and averages, and
   * MIN and MAX of numbers and strings; false where rounding (floating-point sums), the form of a
   * value kept (a decimal's scale) or the first value seen (DISTINCT) could tell the difference.
   */
  public static boolean mergeExactly(List<AggregateCall> calls, Schema input) {
    for (AggregateCall call : calls) {
      if (call.distinct()) {
        return false;
      }
      DataType argumentType = call.argumentType(input);
      boolean exact =
          switch (call.kind()) {
            case COUNT_STAR, COUNT -> true;
            case SUM, AVG ->
                call.resultType() != DataType.DECIMAL
                    && call.resultType().storage() == DataType.Storage.LONG
                    && argumentType.storage() == DataType.Storage.LONG;
            case MIN, MAX ->
                argumentType.storage() == DataType.Storage.LONG
                    || argumentType.storage() == DataType.Storage.DOUBLE
                    || argumentType == DataType.VARCHAR;
          };
      if (!exact) {
        return false;
      }
    }
    return true;
  }

  /** How many aggregate calls there are. */
  public int callCount() {
    return accumulators.length;
  }

  /** Makes room for the groups with ids below {@code groups}. */
  public void ensureCapacity(int groups) {
    for (GroupedAccumulator accumulator : accumulators) {
      accumulator.ensureCapacity(groups);
    }
  }

  private ColumnVector argument(Batch batch, int call) {
    return arguments[call] < 0 ? null : batch.column(arguments[call]);
  }

  /** Adds each row {@code rows[i]} of {@code batch} to group {@code groups[i]}, in that order. */
  public void accumulate(Batch batch, int[] rows, int[] groups, int count) {
    for (int c = 0; c < accumulators.length; c++) {
      accumulators[c].accumulate(argument(batch, c), rows, groups, count);
    }
  }

  /** Adds one row of {@code batch} to a group. */
  public void accumulate(Batch batch, int row, int group) {
    for (int c = 0; c < accumulators.length; c++) {
      accumulators[c].accumulate(argument(batch, c), row, group);
    }
  }

  /** Takes one row of {@code batch}, added before, back from a group. */
  public void retract(Batch batch, int row, int group) {
    for (int c = 0; c < accumulators.length; c++) {
      accumulators[c].retract(argument(batch, c), row, group);
    }
  }

  /**
   * Adds the state of group {@code sources[i]} of {@code source} (built for the same calls and
   * input) to group {@code targets[i]}, as if the source's rows had been added after the target's.
   */
  public void merge(int[] targets, GroupedAggregates source, int[] sources, int count) {
    for (int c = 0; c < accumulators.length; c++) {
      accumulators[c].merge(targets, source.accumulators[c], sources, count);
    }
  }

  /** Empties a group's running state. */
  public void reset(int group) {
    for (GroupedAccumulator accumulator : accumulators) {
      accumulator.reset(group);
    }
  }

  /** The current result of one call for a group. */
  public Object result(int call, int group) {
    return accumulators[call].result(group);
  }

  /** Appends the group's results to the builder's columns from {@code firstColumn} on. */
  public void appendResults(int group, BatchBuilder builder, int firstColumn) {
    for (int c = 0; c < accumulators.length; c++) {
      accumulators[c].appendResult(group, builder.column(firstColumn + c));
    }
  }

  /**
   * Appends the results of {@code groups[0..count)}, in that order, to the builder's columns from
   * {@code firstColumn} on, one column at a time.
   */
  public void appendResults(int[] groups, int count, BatchBuilder builder, int firstColumn) {
    for (int c = 0; c < accumulators.length; c++) {
      accumulators[c].appendResults(groups, count, builder.column(firstColumn + c));
    }
  }

  /**
   * Appends, for each row {@code r < count}, the results of group {@code groups[r]}: those last
   * emitted where {@code lastEmitted[r]}, else the current ones; one column at a time.
   */
  public void appendRows(
      int[] groups, boolean[] lastEmitted, int count, BatchBuilder builder, int firstColumn) {
    for (int c = 0; c < accumulators.length; c++) {
      accumulators[c].appendRows(groups, lastEmitted, count, builder.column(firstColumn + c));
    }
  }

  /** Empties every group's state, keeping the arrays for the groups of a table used again. */
  public void clear() {
    for (GroupedAccumulator accumulator : accumulators) {
      accumulator.clear();
    }
  }

  /** Keeps the group's current results as the ones last emitted. */
  public void saveEmitted(int group) {
    for (GroupedAccumulator accumulator : accumulators) {
      accumulator.saveEmitted(group);
    }
  }

  /** Whether every current result of the group is the same SQL value as the one last emitted. */
  public boolean sameAsEmitted(int group) {
    for (GroupedAccumulator accumulator : accumulators) {
      if (!accumulator.sameAsEmitted(group)) {
        return false;
      }
    }
    return true;
  }

  /** Appends the results last emitted for the group, from {@code firstColumn} on. */
  public void appendEmitted(int group, BatchBuilder builder, int firstColumn) {
    for (int c = 0; c < accumulators.length; c++) {
      accumulators[c].appendEmitted(group, builder.column(firstColumn + c));
    }
  }

  /** The result of one call last emitted for the group. */
  public Object emitted(int call, int group) {
    return accumulators[call].emitted(group);
  }
}
