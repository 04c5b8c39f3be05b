package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.format.ValueFormat;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.aggregate.GroupedAggregates;
import io.rivulet.runtime.operator.hash.GroupTable;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one {@link WindowAggregateOperator} for one kind of window, and what the kinds
 * share: the plan's columns, the watermark, late rows, and writing result rows.
 *
 * <p>Subclasses keep group keys in {@link GroupTable}s and aggregates in {@link
 * GroupedAggregates}, and emit in the order the operator documents.
 */
abstract sealed class WindowAggregation permits AlignedWindows, PanedWindows, SessionWindows {
  final Schema inputSchema;
  final Schema outputSchema;
  final int[] groupKeys;
  final List<DataType> keyTypes;
  final WindowAggregateFactory plan;
  final boolean everyBatch;
  private final LatePolicy latePolicy;
  private final String timeColumnName;

  /** The greatest watermark given; windows ending at or before it have closed. */
  long watermark = Long.MIN_VALUE;

  private long lateRows;
  private int[] identity = new int[0];

  WindowAggregation(WindowAggregateFactory plan) {
    this.plan = plan;
    this.inputSchema = plan.inputSchema();
    this.outputSchema = plan.outputSchema();
    this.groupKeys = plan.groupKeys();
    List<DataType> types = new ArrayList<>(groupKeys.length);
    for (int key : groupKeys) {
      types.add(inputSchema.type(key));
    }
    this.keyTypes = List.copyOf(types);
    this.everyBatch = plan.emit() == EmitMode.EVERY_BATCH;
    this.latePolicy = plan.latePolicy();
    this.timeColumnName = inputSchema.field(plan.timeColumn()).name();
  }

  /** Folds the rows of an append-only batch into their windows. */
  abstract void process(Batch batch, LongVector times);

  /** Emits what the current {@link #watermark} closes (and, every batch, what changed). */
  abstract void emit(Collector out);

  /** The number of entries of state: groups over all windows, panes or sessions held. */
  abstract long stateSize();

  abstract void close();

  final long lateRows() {
    return lateRows;
  }

  final ColumnVector[] keyColumns(Batch batch) {
    ColumnVector[] columns = new ColumnVector[groupKeys.length];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = batch.column(groupKeys[i]);
    }
    return columns;
  }

  final GroupTable newTable(int expectedGroups) {
    return GroupTable.create(keyTypes, expectedGroups);
  }

  final GroupedAggregates newAggregates() {
    return new GroupedAggregates(plan.calls(), inputSchema, false);
  }

  /** The row numbers {@code 0..count)}, shared and not to be changed. */
  final int[] identity(int count) {
    if (identity.length < count) {
      identity = new int[Math.max(count, identity.length * 2)];
      for (int i = 0; i < identity.length; i++) {
        identity[i] = i;
      }
    }
    return identity;
  }

  /** Counts a late row, or fails the query under {@link LatePolicy#FAIL}. */
  final void late(long time) {
    if (latePolicy == LatePolicy.FAIL) {
      throw new RivuletException(
          RivuletException.Category.INPUT,
          "a row with "
              + timeColumnName
              + " = "
              + ValueFormat.formatTimestamp(time)
              + " arrived after every window it belongs to had closed (watermark "
              + ValueFormat.formatTimestamp(watermark)
              + "); raise the WATERMARK delay of its stream so that windows wait longer,"
              + " or SET 'late.policy' = 'drop' to skip late rows");
    }
    lateRows++;
  }

  /** Appends a result row: the group's key, the window bounds, then its current results. */
  final void appendRow(
      BatchBuilder builder,
      GroupTable table,
      int group,
      long start,
      long end,
      GroupedAggregates aggregates,
      RowKind kind) {
    int keyCount = groupKeys.length;
    for (int k = 0; k < keyCount; k++) {
      table.appendKey(group, k, builder.column(k));
    }
    builder.column(keyCount).appendLong(start);
    builder.column(keyCount + 1).appendLong(end);
    aggregates.appendResults(group, builder, keyCount + 2);
    builder.endRow(kind);
  }

  /**
   * Appends the {@code +I} result rows of {@code groups[0..count)} of one window, column by
   * column.
   */
  final void appendInserts(
      BatchBuilder builder,
      GroupTable table,
      int[] groups,
      int count,
      long start,
      long end,
      GroupedAggregates aggregates) {
    int keyCount = groupKeys.length;
    for (int k = 0; k < keyCount; k++) {
      table.appendKeys(groups, count, k, builder.column(k));
    }
    for (int i = 0; i < count; i++) {
      builder.column(keyCount).appendLong(start);
      builder.column(keyCount + 1).appendLong(end);
    }
    aggregates.appendResults(groups, count, builder, keyCount + 2);
    for (int i = 0; i < count; i++) {
      builder.endRow(RowKind.INSERT);
    }
  }

  /** A slice of {@code [start, end)}: a spare one emptied when there is one, else a new one. */
  final WindowSlice newSlice(long start, long end, List<WindowSlice> spares, int expectedGroups) {
    if (!spares.isEmpty()) {
      WindowSlice slice = spares.remove(spares.size() - 1);
      slice.reuse(start, end);
      return slice;
    }
    GroupedAggregates aggregates = newAggregates();
    aggregates.ensureCapacity(expectedGroups);
    return new WindowSlice(start, end, newTable(expectedGroups), aggregates);
  }

  /** Keeps a few slices that closed, so that new ones reuse their arrays rather than grow them. */
  static void keepSpare(WindowSlice slice, List<WindowSlice> spares) {
    if (spares.size() < 4) {
      spares.add(slice);
    }
  }

  /** Appends the row last emitted for a group of an aligned window, to retract it. */
  final void appendEmittedRow(
      BatchBuilder builder,
      GroupTable table,
      int group,
      long start,
      long end,
      GroupedAggregates aggregates,
      RowKind kind) {
    int keyCount = groupKeys.length;
    for (int k = 0; k < keyCount; k++) {
      table.appendKey(group, k, builder.column(k));
    }
    builder.column(keyCount).appendLong(start);
    builder.column(keyCount + 1).appendLong(end);
    aggregates.appendEmitted(group, builder, keyCount + 2);
    builder.endRow(kind);
  }

  /** Emits the builder's rows as one batch, if there are any. */
  static void collect(BatchBuilder builder, Collector out) {
    if (builder.rowCount() > 0) {
      out.collect(builder.build());
    }
  }
}
