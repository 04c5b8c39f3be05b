package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The updating group aggregate as it was before its state moved into a hash table with primitive
 * accumulators: a hash map from boxed keys to an accumulator object per call and group. Kept as
 * the reference the differential tests compare {@link GroupAggregateOperator} with.
 */
final class ReferenceGroupAggregateOperator implements Operator {
  private final GroupAggregateFactory plan;
  private final Schema outputSchema;
  private final List<AggregateCall> calls;
  private final DataType[] argumentTypes;
  private final int[] arguments;
  private final int[] groupKeys;

  /** Which key columns need {@link HashKeys#normalize} (DECIMAL, DOUBLE, FLOAT). */
  private final boolean[] normalizeKeys;

  private final boolean retractable;
  private final Map<Object, Group> groups = new HashMap<>();
  private final List<Group> changedGroups = new ArrayList<>();

  ReferenceGroupAggregateOperator(GroupAggregateFactory plan) {
    this.plan = plan;
    this.outputSchema = plan.outputSchema();
    this.calls = plan.calls();
    this.retractable = plan.inputIsChangelog();
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
  }

  /** The plan this instance runs. */
  public GroupAggregateFactory plan() {
    return plan;
  }

  @Override
  public void process(Batch batch, Collector out) {
    int rowCount = batch.rowCount();
    if (rowCount == 0) {
      return;
    }
    byte[] kinds = batch.kindCodes();
    ColumnVector[] keyColumns = new ColumnVector[groupKeys.length];
    for (int i = 0; i < keyColumns.length; i++) {
      keyColumns[i] = batch.column(groupKeys[i]);
    }
    ColumnVector[] argumentColumns = new ColumnVector[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      argumentColumns[i] = arguments[i] < 0 ? null : batch.column(arguments[i]);
    }
    for (int row = 0; row < rowCount; row++) {
      boolean accumulate = kinds == null || RowKind.ofCode(kinds[row]).isAccumulate();
      Object key = keyOf(keyColumns, row);
      Group group = groups.get(key);
      if (group == null) {
        if (!accumulate) {
          // A retraction for a group this instance does not hold (e.g. its state expired):
          // there is nothing to take it from, so it is ignored, as Flink does.
          continue;
        }
        group = new Group(key, keyValues(keyColumns, row), newAccumulators());
        groups.put(key, group);
      } else if (!accumulate && group.rowCount == 0) {
        continue;
      }
      group.rowCount += accumulate ? 1 : -1;
      Accumulator[] accumulators = group.accumulators;
      for (int c = 0; c < accumulators.length; c++) {
        update(accumulators[c], argumentColumns[c], row, accumulate);
      }
      if (!group.changed) {
        group.changed = true;
        changedGroups.add(group);
      }
    }
  }

  /** Feeds one argument value to an accumulator, unboxed where the column allows it. */
  private static void update(
      Accumulator accumulator, ColumnVector column, int row, boolean accumulate) {
    if (column == null || column.isNull(row)) {
      if (accumulate) {
        accumulator.accumulate(null);
      } else {
        accumulator.retract(null);
      }
    } else if (column instanceof LongVector longs) {
      if (accumulate) {
        accumulator.accumulateLong(longs.getLong(row), longs.type());
      } else {
        accumulator.retractLong(longs.getLong(row), longs.type());
      }
    } else if (column instanceof DoubleVector doubles) {
      if (accumulate) {
        accumulator.accumulateDouble(doubles.getDouble(row), doubles.type());
      } else {
        accumulator.retractDouble(doubles.getDouble(row), doubles.type());
      }
    } else if (accumulate) {
      accumulator.accumulate(column.get(row));
    } else {
      accumulator.retract(column.get(row));
    }
  }

  private Object keyOf(ColumnVector[] keyColumns, int row) {
    if (keyColumns.length == 0) {
      return GroupKey.EMPTY;
    }
    if (keyColumns.length == 1) {
      Object value = keyColumns[0].get(row);
      return normalizeKeys[0] ? HashKeys.normalize(value) : value;
    }
    Object[] values = new Object[keyColumns.length];
    for (int i = 0; i < values.length; i++) {
      Object value = keyColumns[i].get(row);
      values[i] = normalizeKeys[i] ? HashKeys.normalize(value) : value;
    }
    return new GroupKey(values);
  }

  /** The key values as they arrived, which the output shows (e.g. a decimal's scale). */
  private static Object[] keyValues(ColumnVector[] keyColumns, int row) {
    Object[] values = new Object[keyColumns.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = keyColumns[i].get(row);
    }
    return values;
  }

  private Accumulator[] newAccumulators() {
    Accumulator[] accumulators = new Accumulator[calls.size()];
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i] = Accumulator.create(calls.get(i), argumentTypes[i], retractable);
    }
    return accumulators;
  }

  @Override
  public void endBatch(long watermark, Collector out) {
    emitChanges(out);
  }

  @Override
  public void finish(Collector out) {
    emitChanges(out);
  }

  private void emitChanges(Collector out) {
    if (changedGroups.isEmpty()) {
      return;
    }
    BatchBuilder builder = new BatchBuilder(outputSchema, changedGroups.size() * 2);
    for (Group group : changedGroups) {
      group.changed = false;
      if (group.rowCount <= 0) {
        if (group.emitted != null) {
          builder.appendRow(group.emitted, RowKind.DELETE);
        }
        groups.remove(group.key);
        continue;
      }
      Object[] current = group.currentRow();
      if (group.emitted == null) {
        builder.appendRow(current, RowKind.INSERT);
        group.emitted = current;
      } else if (!group.sameAggregates(current)) {
        builder.appendRow(group.emitted, RowKind.UPDATE_BEFORE);
        builder.appendRow(current, RowKind.UPDATE_AFTER);
        group.emitted = current;
      }
    }
    changedGroups.clear();
    if (builder.rowCount() > 0) {
      out.collect(builder.build());
    }
  }

  @Override
  public void close() {
    groups.clear();
    changedGroups.clear();
  }

  /** The number of groups held. */
  @Override
  public long stateSize() {
    return groups.size();
  }

  /** One group's state: its key, its accumulators, and the row last emitted for it. */
  private static final class Group {
    final Object key;
    final Object[] keyValues;
    final Accumulator[] accumulators;

    /** Input rows accumulated minus rows retracted; the group is gone when this reaches 0. */
    long rowCount;

    /** The output row last emitted, which a later update or delete retracts; null if none. */
    Object[] emitted;

    /** Whether the group is in the list of groups changed in this micro-batch. */
    boolean changed;

    Group(Object key, Object[] keyValues, Accumulator[] accumulators) {
      this.key = key;
      this.keyValues = keyValues;
      this.accumulators = accumulators;
    }

    Object[] currentRow() {
      Object[] row = new Object[keyValues.length + accumulators.length];
      System.arraycopy(keyValues, 0, row, 0, keyValues.length);
      for (int i = 0; i < accumulators.length; i++) {
        row[keyValues.length + i] = accumulators[i].result();
      }
      return row;
    }

    boolean sameAggregates(Object[] current) {
      for (int i = keyValues.length; i < current.length; i++) {
        if (!HashKeys.sameValue(emitted[i], current[i])) {
          return false;
        }
      }
      return true;
    }
  }

  /** The key of a group over several columns: their values, with the hash computed once. */
  private static final class GroupKey {
    static final GroupKey EMPTY = new GroupKey(new Object[0]);

    private final Object[] values;
    private final int hash;

    GroupKey(Object[] values) {
      this.values = values;
      this.hash = java.util.Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object other) {
      return this == other
          || (other instanceof GroupKey key
              && hash == key.hash
              && java.util.Arrays.equals(values, key.values));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
