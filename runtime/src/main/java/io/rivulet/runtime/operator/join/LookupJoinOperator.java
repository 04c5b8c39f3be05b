package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.type.Schema;
import java.util.Arrays;

/**
 * The running side of one partition of a {@link LookupJoinFactory}: probes the shared table with
 * each stream row and emits the joined rows at once, one batch per input batch.
 *
 * <p>Output rows keep the kind of their stream row: INNER emits one row per matching table row,
 * LEFT also one row padded with nulls for a stream row without a match, SEMI the stream row once if
 * it has a match, ANTI the stream row if it has none. Input order is kept, and for one stream row
 * the table's order.
 *
 * <p>The table version is taken when a micro-batch first needs it (which is when a due refresh
 * happens) and kept until {@link #endBatch}, so all rows of one micro-batch of a partition meet the
 * same version; another partition may switch to a new version one micro-batch earlier or later.
 * After a refresh, a retraction is joined with the new version and so may retract rows other than
 * those its insert produced, as in every lookup join over a changing table.
 */
public final class LookupJoinOperator implements Operator {
  private final LookupJoinFactory plan;
  private final LookupTable table;
  private final Runnable onClose;
  private final JoinKeys inputKeys;
  private final Schema outputSchema;
  private final int inputWidth;
  private final int tableWidth;

  /** The table version this micro-batch uses; null until it first needs one. */
  private TableIndex pinned;

  private boolean closed;

  LookupJoinOperator(LookupJoinFactory plan, LookupTable table, Runnable onClose) {
    this.plan = plan;
    this.table = table;
    this.onClose = onClose;
    this.inputKeys = new JoinKeys(plan.inputKeys());
    this.outputSchema = plan.outputSchema();
    this.inputWidth = plan.inputSchema().size();
    this.tableWidth = plan.tableSchema().size();
  }

  /** The plan this instance runs. */
  public LookupJoinFactory plan() {
    return plan;
  }

  @Override
  public void process(Batch batch, Collector out) {
    if (batch.isEmpty()) {
      return;
    }
    if (pinned == null) {
      pinned = table.snapshot();
    }
    Object[] keys = inputKeys.keysOf(batch);
    Batch joined =
        switch (plan.joinType()) {
          case SEMI -> filter(batch, keys, true);
          case ANTI -> filter(batch, keys, false);
          default -> join(batch, keys, plan.joinType() == JoinType.LEFT);
        };
    if (!joined.isEmpty()) {
      out.collect(joined);
    }
  }

  /** The stream rows that have a match ({@code matched}) or that have none. */
  private Batch filter(Batch batch, Object[] keys, boolean matched) {
    int[] positions = new int[batch.rowCount()];
    int count = 0;
    for (int row = 0; row < keys.length; row++) {
      if ((pinned.matches(keys[row]).length > 0) == matched) {
        positions[count++] = row;
      }
    }
    Batch kept = count == batch.rowCount() ? batch : batch.gather(positions, count);
    return kept.withSchema(outputSchema);
  }

  /** Each stream row with each matching table row, and padded with nulls when {@code outer}. */
  private Batch join(Batch batch, Object[] keys, boolean outer) {
    int[] streamRows = new int[batch.rowCount()];
    int[] tableRows = new int[batch.rowCount()];
    int count = 0;
    boolean padded = false;
    for (int row = 0; row < keys.length; row++) {
      int[] matches = pinned.matches(keys[row]);
      if (matches.length == 0 && outer) {
        streamRows = grow(streamRows, count + 1);
        tableRows = grow(tableRows, count + 1);
        streamRows[count] = row;
        tableRows[count++] = -1;
        padded = true;
      }
      if (matches.length > 0) {
        streamRows = grow(streamRows, count + matches.length);
        tableRows = grow(tableRows, count + matches.length);
        for (int match : matches) {
          streamRows[count] = row;
          tableRows[count++] = match;
        }
      }
    }
    if (count == 0) {
      return Batch.empty(outputSchema);
    }
    ColumnVector[] columns = new ColumnVector[inputWidth + tableWidth];
    for (int c = 0; c < inputWidth; c++) {
      columns[c] = batch.column(c).gather(streamRows, count);
    }
    Batch tableBatch = pinned.rows();
    for (int c = 0; c < tableWidth; c++) {
      columns[inputWidth + c] =
          padded
              ? gatherOrNull(tableBatch.column(c), tableRows, count)
              : tableBatch.column(c).gather(tableRows, count);
    }
    byte[] kinds = null;
    byte[] inputKinds = batch.kindCodes();
    if (inputKinds != null) {
      kinds = new byte[count];
      for (int i = 0; i < count; i++) {
        kinds[i] = inputKinds[streamRows[i]];
      }
    }
    return new Batch(outputSchema, columns, count, kinds);
  }

  /** The values at {@code positions}, a null where the position is -1. */
  private static ColumnVector gatherOrNull(ColumnVector column, int[] positions, int count) {
    VectorBuilder builder = VectorBuilder.create(column.type(), count);
    for (int i = 0; i < count; i++) {
      if (positions[i] < 0) {
        builder.appendNull();
      } else {
        builder.appendFrom(column, positions[i]);
      }
    }
    return builder.build();
  }

  private static int[] grow(int[] array, int needed) {
    return needed <= array.length
        ? array
        : Arrays.copyOf(array, Math.max(needed, array.length * 2));
  }

  /** Lets go of this micro-batch's table version, so that the next one can see a refresh. */
  @Override
  public void endBatch(long watermark, Collector out) {
    pinned = null;
  }

  @Override
  public void close() {
    pinned = null;
    if (!closed) {
      closed = true;
      onClose.run();
    }
  }
}
