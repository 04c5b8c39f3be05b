package io.rivulet.runtime.batch;

import io.rivulet.runtime.type.Schema;
import java.util.Arrays;

/** Builds a {@link Batch} row by row or column by column. */
public final class BatchBuilder {
  private final Schema schema;
  private final VectorBuilder[] columns;
  private byte[] kinds;
  private int rowCount;

  public BatchBuilder(Schema schema, int expectedRows) {
    this.schema = schema;
    this.columns = new VectorBuilder[schema.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = VectorBuilder.create(schema.type(i), expectedRows);
    }
  }

  public Schema schema() {
    return schema;
  }

  public int rowCount() {
    return rowCount;
  }

  /** The builder of one column; callers appending column-wise must call {@link #endRow}. */
  public VectorBuilder column(int index) {
    return columns[index];
  }

  /** Marks the end of a row appended column by column, with its kind. */
  public void endRow(RowKind kind) {
    if (kind != RowKind.INSERT || kinds != null) {
      ensureKinds();
      kinds[rowCount] = kind.code();
    }
    rowCount++;
  }

  public void endRow() {
    endRow(RowKind.INSERT);
  }

  public void appendRow(Object[] values) {
    appendRow(values, RowKind.INSERT);
  }

  public void appendRow(Object[] values, RowKind kind) {
    for (int c = 0; c < columns.length; c++) {
      columns[c].append(values[c]);
    }
    endRow(kind);
  }

  /** Appends row {@code row} of {@code source}, which has this builder's column types. */
  public void appendFrom(Batch source, int row) {
    for (int c = 0; c < columns.length; c++) {
      columns[c].appendFrom(source.column(c), row);
    }
    endRow(source.kind(row));
  }

  public void appendBatch(Batch source) {
    for (int r = 0; r < source.rowCount(); r++) {
      appendFrom(source, r);
    }
  }

  private void ensureKinds() {
    if (kinds == null) {
      kinds = new byte[Math.max(16, rowCount * 2)];
    } else if (rowCount >= kinds.length) {
      kinds = Arrays.copyOf(kinds, Math.max(16, kinds.length * 2));
    }
  }

  public Batch build() {
    ColumnVector[] built = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      built[c] = columns[c].build();
    }
    byte[] builtKinds = kinds == null ? null : Arrays.copyOf(kinds, rowCount);
    return new Batch(schema, built, rowCount, builtKinds);
  }
}
