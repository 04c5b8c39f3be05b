package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.hash.GroupTable;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The running state of one partition of a {@link GroupAggregateFactory}: a {@link GroupTable} from
 * group key to group id, the aggregates of every group in {@link GroupedAggregates}, and the
 * groups changed in the current micro-batch.
 *
 * <p>{@link #process} folds rows into their groups ({@code +I}/{@code +U} rows accumulate, {@code
 * -U}/{@code -D} rows retract). {@link #endBatch} then emits one batch with, for each changed
 * group in the order it first changed: {@code +I new} for a group never emitted, {@code -U old}
 * and {@code +U new} for one whose result changed, nothing for one whose result did not, and
 * {@code -D old} for one whose rows were all retracted, whose state is then dropped. When no
 * group changed it emits nothing at all.
 *
 * <p>SQL nulls form one group, and keys equal in value one group shown as first seen ({@code 1.0}
 * and {@code 1.00}); no key columns (a global aggregate) make one group, emitted once its first
 * row arrives. A batch of inserts is folded column by column: the group ids of all its rows first,
 * then each aggregate over all of them; a changelog batch row by row, as retractions depend on
 * what came before them.
 */
public final class GroupAggregateOperator implements Operator {
  private final GroupAggregateFactory plan;
  private final Schema outputSchema;
  private final int[] groupKeys;
  private final GroupTable table;
  private final GroupedAggregates aggregates;

  /** Per group: input rows accumulated minus rows retracted; the group goes when this is 0. */
  private long[] rowCounts = new long[0];

  /** Per group: whether a row was emitted for it, which a later update or delete retracts. */
  private boolean[] emitted = new boolean[0];

  /** Per group: whether it is in {@link #changedGroups}. */
  private boolean[] changed = new boolean[0];

  /** The groups changed in this micro-batch, in the order they first changed. */
  private int[] changedGroups = new int[16];

  private int changedCount;

  /**
   * The rows of one emission: per row its group, whether it shows the results last emitted, and
   * its kind.
   */
  private int[] rowGroups = new int[0];

  private boolean[] rowEmitted = new boolean[0];
  private RowKind[] rowKinds = new RowKind[0];
  private int[] rows = new int[0];
  private int[] groups = new int[0];

  GroupAggregateOperator(GroupAggregateFactory plan) {
    this.plan = plan;
    this.outputSchema = plan.outputSchema();
    this.groupKeys = plan.groupKeys();
    Schema inputSchema = plan.inputSchema();
    List<DataType> keyTypes = new ArrayList<>(groupKeys.length);
    for (int key : groupKeys) {
      keyTypes.add(inputSchema.type(key));
    }
    this.table = GroupTable.create(keyTypes);
    this.aggregates = new GroupedAggregates(plan.calls(), inputSchema, plan.inputIsChangelog());
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
    ColumnVector[] keyColumns = new ColumnVector[groupKeys.length];
    for (int i = 0; i < keyColumns.length; i++) {
      keyColumns[i] = batch.column(groupKeys[i]);
    }
    if (onlyInserts(batch.kindCodes())) {
      processInserts(batch, keyColumns, rowCount);
      return;
    }
    byte[] kinds = batch.kindCodes();
    for (int row = 0; row < rowCount; row++) {
      boolean accumulate = RowKind.ofCode(kinds[row]).isAccumulate();
      int group;
      if (accumulate) {
        group = table.findOrInsert(keyColumns, row);
        ensureCapacity();
      } else {
        group = table.find(keyColumns, row);
        // A retraction for a group this instance does not hold (e.g. its state expired), or one
        // all of whose rows were retracted already: there is nothing to take it from, so it is
        // ignored, as Flink does.
        if (group < 0 || rowCounts[group] == 0) {
          continue;
        }
      }
      if (accumulate) {
        rowCounts[group]++;
        aggregates.accumulate(batch, row, group);
      } else {
        rowCounts[group]--;
        aggregates.retract(batch, row, group);
      }
      markChanged(group);
    }
  }

  private static boolean onlyInserts(byte[] kinds) {
    if (kinds == null) {
      return true;
    }
    byte insert = RowKind.INSERT.code();
    for (byte kind : kinds) {
      if (kind != insert) {
        return false;
      }
    }
    return true;
  }

  private void processInserts(Batch batch, ColumnVector[] keyColumns, int rowCount) {
    if (rows.length < rowCount) {
      rows = new int[rowCount];
      for (int i = 0; i < rowCount; i++) {
        rows[i] = i;
      }
      groups = new int[rowCount];
    }
    int[] groups = this.groups;
    table.findOrInsert(keyColumns, rows, rowCount, groups);
    ensureCapacity();
    long[] rowCounts = this.rowCounts;
    boolean[] changed = this.changed;
    for (int i = 0; i < rowCount; i++) {
      int group = groups[i];
      rowCounts[group]++;
      if (!changed[group]) {
        changed[group] = true;
        if (changedCount == changedGroups.length) {
          changedGroups = Arrays.copyOf(changedGroups, changedCount * 2);
        }
        changedGroups[changedCount++] = group;
      }
    }
    aggregates.accumulate(batch, rows, groups, rowCount);
  }

  private void ensureCapacity() {
    int needed = table.idLimit();
    if (needed > rowCounts.length) {
      int capacity = Math.max(needed, Math.max(16, rowCounts.length * 2));
      rowCounts = Arrays.copyOf(rowCounts, capacity);
      emitted = Arrays.copyOf(emitted, capacity);
      changed = Arrays.copyOf(changed, capacity);
    }
    aggregates.ensureCapacity(needed);
  }

  private void markChanged(int group) {
    if (!changed[group]) {
      changed[group] = true;
      if (changedCount == changedGroups.length) {
        changedGroups = Arrays.copyOf(changedGroups, changedCount * 2);
      }
      changedGroups[changedCount++] = group;
    }
  }

  @Override
  public void endBatch(long watermark, Collector out) {
    emitChanges(out);
  }

  @Override
  public void finish(Collector out) {
    emitChanges(out);
  }

  /**
   * Decides the changelog rows of the changed groups first, then writes them column by column,
   * then updates the groups' state: results emitted, groups dropped.
   */
  private void emitChanges(Collector out) {
    if (changedCount == 0) {
      return;
    }
    if (rowGroups.length < changedCount * 2) {
      rowGroups = new int[changedCount * 2];
      rowEmitted = new boolean[changedCount * 2];
      rowKinds = new RowKind[changedCount * 2];
    }
    int rowCount = 0;
    int dropped = 0;
    for (int i = 0; i < changedCount; i++) {
      int group = changedGroups[i];
      changed[group] = false;
      if (rowCounts[group] <= 0) {
        if (emitted[group]) {
          rowCount = addRow(rowCount, group, true, RowKind.DELETE);
        }
        // Dropped groups gather at the front of changedGroups, which this loop has passed.
        changedGroups[dropped++] = group;
      } else if (!emitted[group]) {
        rowCount = addRow(rowCount, group, false, RowKind.INSERT);
      } else if (!aggregates.sameAsEmitted(group)) {
        rowCount = addRow(rowCount, group, true, RowKind.UPDATE_BEFORE);
        rowCount = addRow(rowCount, group, false, RowKind.UPDATE_AFTER);
      }
    }
    changedCount = 0;
    if (rowCount > 0) {
      BatchBuilder builder = new BatchBuilder(outputSchema, rowCount);
      int keyCount = groupKeys.length;
      for (int k = 0; k < keyCount; k++) {
        table.appendKeys(rowGroups, rowCount, k, builder.column(k));
      }
      aggregates.appendRows(rowGroups, rowEmitted, rowCount, builder, keyCount);
      for (int r = 0; r < rowCount; r++) {
        builder.endRow(rowKinds[r]);
        if (!rowEmitted[r]) {
          aggregates.saveEmitted(rowGroups[r]);
          emitted[rowGroups[r]] = true;
        }
      }
      out.collect(builder.build());
    }
    for (int i = 0; i < dropped; i++) {
      int group = changedGroups[i];
      table.remove(group);
      aggregates.reset(group);
      rowCounts[group] = 0;
      emitted[group] = false;
    }
  }

  private int addRow(int rowCount, int group, boolean lastEmitted, RowKind kind) {
    rowGroups[rowCount] = group;
    rowEmitted[rowCount] = lastEmitted;
    rowKinds[rowCount] = kind;
    return rowCount + 1;
  }

  @Override
  public void close() {
    table.clear();
    changedCount = 0;
    rowCounts = new long[0];
    emitted = new boolean[0];
    changed = new boolean[0];
  }

  /** The number of groups held. */
  @Override
  public long stateSize() {
    return table.size();
  }
}
