package io.rivulet.runtime.batch;

import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of rows in columnar form: one vector per column of the schema, and for changelog streams
 * the kind of each row. A batch is never changed once built; operators build new ones.
 */
public final class Batch {
  private final Schema schema;
  private final ColumnVector[] columns;
  private final int rowCount;
  private final byte[] kinds;

  /**
   * @param kinds the {@link RowKind#code()} of each row, or null when every row is an insert
   */
  public Batch(Schema schema, ColumnVector[] columns, int rowCount, byte[] kinds) {
    if (columns.length != schema.size()) {
      throw new IllegalArgumentException(
          "batch has " + columns.length + " columns but its schema " + schema.size());
    }
    for (ColumnVector column : columns) {
      if (column.size() != rowCount) {
        throw new IllegalArgumentException(
            "column of " + column.size() + " rows in a batch of " + rowCount);
      }
    }
    this.schema = schema;
    this.columns = columns;
    this.rowCount = rowCount;
    this.kinds = kinds;
  }

  public static Batch empty(Schema schema) {
    ColumnVector[] columns = new ColumnVector[schema.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = VectorBuilder.create(schema.type(i), 0).build();
    }
    return new Batch(schema, columns, 0, null);
  }

  /** A batch of the given rows, all inserts; handy for tests and small sources. */
  public static Batch ofRows(Schema schema, List<Object[]> rows) {
    BatchBuilder builder = new BatchBuilder(schema, rows.size());
    for (Object[] row : rows) {
      builder.appendRow(row);
    }
    return builder.build();
  }

  public Schema schema() {
    return schema;
  }

  public int rowCount() {
    return rowCount;
  }

  public boolean isEmpty() {
    return rowCount == 0;
  }

  public int columnCount() {
    return columns.length;
  }

  public ColumnVector column(int index) {
    return columns[index];
  }

  public Object get(int row, int column) {
    return columns[column].get(row);
  }

  /** Whether any row is not an insert. */
  public boolean hasChanges() {
    return kinds != null;
  }

  public RowKind kind(int row) {
    return kinds == null ? RowKind.INSERT : RowKind.ofCode(kinds[row]);
  }

  /** The kind codes of the rows, or null when all are inserts. Callers must not change them. */
  public byte[] kindCodes() {
    return kinds;
  }

  public Object[] row(int row) {
    Object[] values = new Object[columns.length];
    for (int c = 0; c < columns.length; c++) {
      values[c] = columns[c].get(row);
    }
    return values;
  }

  public List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>(rowCount);
    for (int r = 0; r < rowCount; r++) {
      rows.add(row(r));
    }
    return rows;
  }

  /** The rows at {@code positions[0..count)}, in that order, with their kinds. */
  public Batch gather(int[] positions, int count) {
    ColumnVector[] gathered = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      gathered[c] = columns[c].gather(positions, count);
    }
    byte[] gatheredKinds = null;
    if (kinds != null) {
      gatheredKinds = new byte[count];
      for (int i = 0; i < count; i++) {
        gatheredKinds[i] = kinds[positions[i]];
      }
    }
    return new Batch(schema, gathered, count, gatheredKinds);
  }

  /** The same rows seen through another schema of the same types (e.g. renamed columns). */
  public Batch withSchema(Schema newSchema) {
    return new Batch(newSchema, columns, rowCount, kinds);
  }

  /** The same columns with the given kinds (null for all inserts). */
  public Batch withKinds(byte[] newKinds) {
    return new Batch(schema, columns, rowCount, newKinds);
  }

  /** The given columns of this batch, in that order, with the kinds of this batch. */
  public Batch project(int... indexes) {
    ColumnVector[] projected = new ColumnVector[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      projected[i] = columns[indexes[i]];
    }
    return new Batch(schema.project(indexes), projected, rowCount, kinds);
  }

  /** Concatenates batches of one schema. */
  public static Batch concat(Schema schema, List<Batch> batches) {
    if (batches.size() == 1) {
      return batches.get(0);
    }
    int total = 0;
    for (Batch batch : batches) {
      total += batch.rowCount;
    }
    BatchBuilder builder = new BatchBuilder(schema, total);
    for (Batch batch : batches) {
      builder.appendBatch(batch);
    }
    return builder.build();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Batch").append(schema.names()).append(" {");
    for (int r = 0; r < rowCount; r++) {
      text.append("\n  ");
      if (kinds != null) {
        text.append(kind(r).shortName()).append(' ');
      }
      text.append(Arrays.deepToString(row(r)));
    }
    return text.append(rowCount == 0 ? "}" : "\n}").toString();
  }
}
