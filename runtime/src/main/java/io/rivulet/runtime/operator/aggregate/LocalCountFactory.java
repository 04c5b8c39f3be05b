package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.operator.hash.GroupTable;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Counts the rows of each group within one micro-batch of one partition, before the exchange of a
 * group aggregate whose calls are all {@code COUNT(*)} or {@code COUNT(column)}, so that one row
 * per distinct key and micro-batch crosses the exchange instead of every input row; the aggregate
 * above then sums the counts. A word count's partition sees a few thousand distinct words in
 * hundreds of thousands of words.
 *
 * <p>The input must be append-only (every row an insert): a count of rows that retract could not
 * be told apart from one of rows that insert. Counts are emitted at the end of each micro-batch,
 * in the order their groups first appeared, and forgotten; nothing is kept from one micro-batch to
 * the next, so the aggregate above sees the same micro-batches change the same groups to the same
 * results as without this step.
 *
 * <p>When the keys hardly repeat (more than one group per two rows after 16,384 rows of a
 * micro-batch), counting would only add a hash table to
 * the work: the counts so far are emitted and the rest of the micro-batch passes through as rows
 * counting 1 (or 0 for a null {@code COUNT(column)}), which the aggregate above sums the same.
 *
 * @param inputSchema the columns of the input
 * @param groupKeys the input columns to group by, in output order
 * @param counted per output count, the input column whose non-null values it counts, or -1 to
 *     count rows ({@code COUNT(*)})
 * @param outputSchema the group key columns, then one BIGINT count per entry of {@code counted}
 */
public record LocalCountFactory(
    Schema inputSchema, int[] groupKeys, int[] counted, Schema outputSchema)
    implements OperatorFactory {

  public LocalCountFactory {
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(outputSchema, "outputSchema");
    groupKeys = groupKeys.clone();
    counted = counted.clone();
    if (outputSchema.size() != groupKeys.length + counted.length) {
      throw new IllegalArgumentException(
          "output schema " + outputSchema + " should have " + groupKeys.length
              + " key column(s) and " + counted.length + " count(s)");
    }
    for (int k = 0; k < groupKeys.length; k++) {
      if (groupKeys[k] < 0 || groupKeys[k] >= inputSchema.size()) {
        throw new IllegalArgumentException(
            "group key refers to column " + groupKeys[k] + " of input " + inputSchema);
      }
      if (inputSchema.type(groupKeys[k]) != outputSchema.type(k)) {
        throw new IllegalArgumentException(
            "group key " + inputSchema.field(groupKeys[k]).name() + " is "
                + inputSchema.type(groupKeys[k]) + " but output column "
                + outputSchema.field(k).name() + " is " + outputSchema.type(k));
      }
    }
    for (int c = 0; c < counted.length; c++) {
      if (counted[c] < -1 || counted[c] >= inputSchema.size()) {
        throw new IllegalArgumentException(
            "a count refers to column " + counted[c] + " of input " + inputSchema);
      }
      if (outputSchema.type(groupKeys.length + c) != DataType.BIGINT) {
        throw new IllegalArgumentException(
            "count " + outputSchema.field(groupKeys.length + c).name() + " must be BIGINT, not "
                + outputSchema.type(groupKeys.length + c));
      }
    }
  }

  @Override
  public Operator create(OperatorContext context) {
    return new LocalCountOperator(this);
  }

  /** For example {@code LocalCount(keys=[word], counts=[COUNT(*) AS c], per=micro-batch)}. */
  @Override
  public String explain() {
    List<String> names = inputSchema.names();
    List<String> keys = new ArrayList<>();
    for (int key : groupKeys) {
      keys.add(names.get(key));
    }
    List<String> counts = new ArrayList<>();
    for (int c = 0; c < counted.length; c++) {
      String argument = counted[c] < 0 ? "*" : names.get(counted[c]);
      counts.add("COUNT(" + argument + ") AS " + outputSchema.field(groupKeys.length + c).name());
    }
    return "LocalCount(keys=" + keys + ", counts=" + counts + ", per=micro-batch)";
  }

  /** The running form: a group table and counts in arrays, emptied at each micro-batch's end. */
  private static final class LocalCountOperator implements Operator {
    /** Rows of a micro-batch counted before deciding whether counting pays. */
    static final int PROBE_ROWS = 16_384;

    private final Schema outputSchema;
    private final int[] groupKeys;
    private final int[] counted;
    private final GroupTable table;
    /** Per count, per group id. */
    private final long[][] counts;

    private int[] rows = new int[0];
    private int[] groups = new int[0];
    /** Rows counted in this micro-batch. */
    private long rowsCounted;
    /** Whether the rest of this micro-batch passes through uncounted. */
    private boolean passing;
    private long[] ones = new long[0];

    LocalCountOperator(LocalCountFactory plan) {
      this.outputSchema = plan.outputSchema();
      this.groupKeys = plan.groupKeys();
      this.counted = plan.counted();
      List<DataType> keyTypes = new ArrayList<>();
      for (int key : groupKeys) {
        keyTypes.add(plan.inputSchema().type(key));
      }
      this.table = GroupTable.create(keyTypes, 1024);
      this.counts = new long[counted.length][16];
    }

    @Override
    public void process(Batch batch, Collector out) {
      if (passing) {
        passThrough(batch, out);
        return;
      }
      int rowCount = batch.rowCount();
      if (rows.length < rowCount) {
        rows = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
          rows[i] = i;
        }
        groups = new int[rowCount];
      }
      ColumnVector[] keys = new ColumnVector[groupKeys.length];
      for (int k = 0; k < keys.length; k++) {
        keys[k] = batch.column(groupKeys[k]);
      }
      int[] groups = this.groups;
      table.findOrInsert(keys, rows, rowCount, groups);
      int needed = table.idLimit();
      for (int c = 0; c < counted.length; c++) {
        if (counts[c].length < needed) {
          counts[c] = Arrays.copyOf(counts[c], Math.max(needed, counts[c].length * 2));
        }
        long[] count = counts[c];
        if (counted[c] < 0) {
          for (int i = 0; i < rowCount; i++) {
            count[groups[i]]++;
          }
        } else {
          ColumnVector values = batch.column(counted[c]);
          for (int i = 0; i < rowCount; i++) {
            if (!values.isNull(i)) {
              count[groups[i]]++;
            }
          }
        }
      }
      rowsCounted += rowCount;
      if (rowsCounted >= PROBE_ROWS && table.size() * 2L > rowsCounted) {
        emitCounts(out);
        passing = true;
      }
    }

    /** The rows as they are, each counting 1 (0 for a null counted value). */
    private void passThrough(Batch batch, Collector out) {
      int rowCount = batch.rowCount();
      ColumnVector[] columns = new ColumnVector[outputSchema.size()];
      for (int k = 0; k < groupKeys.length; k++) {
        columns[k] = batch.column(groupKeys[k]);
      }
      if (ones.length != rowCount) {
        ones = new long[rowCount];
        Arrays.fill(ones, 1);
      }
      for (int c = 0; c < counted.length; c++) {
        long[] values = ones;
        if (counted[c] >= 0) {
          ColumnVector column = batch.column(counted[c]);
          values = new long[rowCount];
          for (int i = 0; i < rowCount; i++) {
            values[i] = column.isNull(i) ? 0 : 1;
          }
        }
        columns[groupKeys.length + c] = new LongVector(DataType.BIGINT, values, null, rowCount);
      }
      out.collect(new Batch(outputSchema, columns, rowCount, null));
    }

    @Override
    public void endBatch(long watermark, Collector out) {
      emitCounts(out);
      passing = false;
      rowsCounted = 0;
    }

    /** Emits the counts taken so far, in order of first appearance, and forgets them. */
    private void emitCounts(Collector out) {
      int groupCount = table.idLimit();
      if (groupCount == 0) {
        return;
      }
      // No group is ever removed, so the ids are 0 .. groupCount - 1 in order of first appearance.
      ColumnVector[] columns = new ColumnVector[outputSchema.size()];
      int[] ids = table.groups(new int[groupCount]);
      for (int k = 0; k < groupKeys.length; k++) {
        VectorBuilder builder = VectorBuilder.create(outputSchema.type(k), groupCount);
        table.appendKeys(ids, groupCount, k, builder);
        columns[k] = builder.build();
      }
      for (int c = 0; c < counted.length; c++) {
        long[] values = Arrays.copyOf(counts[c], groupCount);
        Arrays.fill(counts[c], 0, groupCount, 0);
        columns[groupKeys.length + c] = new LongVector(DataType.BIGINT, values, null, groupCount);
      }
      table.clear();
      out.collect(new Batch(outputSchema, columns, groupCount, null));
    }

    @Override
    public void close() {
      table.clear();
    }
  }
}
