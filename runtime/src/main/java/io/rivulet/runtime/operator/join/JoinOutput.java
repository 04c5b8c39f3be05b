package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.type.Schema;

/**
 * Collects the output rows of a join, built from the values of a left and a right row, and hands
 * them on as one batch.
 */
final class JoinOutput {
  private final Schema schema;
  private final int leftWidth;
  private final int rightWidth;
  private final boolean rightColumns;
  private BatchBuilder builder;

  JoinOutput(Schema schema, JoinType type, int leftWidth, int rightWidth) {
    this.schema = schema;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
    this.rightColumns = type.outputsRightColumns();
  }

  /**
   * Appends the row of {@code left} followed by {@code right}; a null side is padded with nulls,
   * and {@code right} is ignored when the output has the left columns only.
   */
  void append(Object[] left, Object[] right, RowKind kind) {
    if (builder == null) {
      builder = new BatchBuilder(schema, 16);
    }
    for (int c = 0; c < leftWidth; c++) {
      builder.column(c).append(left == null ? null : left[c]);
    }
    if (rightColumns) {
      for (int c = 0; c < rightWidth; c++) {
        builder.column(leftWidth + c).append(right == null ? null : right[c]);
      }
    }
    builder.endRow(kind);
  }

  /** Appends {@code copies} copies of a row (a row of a multiset may stand for several). */
  void append(Object[] left, Object[] right, RowKind kind, long copies) {
    for (long i = 0; i < copies; i++) {
      append(left, right, kind);
    }
  }

  /** Emits the rows appended since the last flush as one batch, if there are any. */
  void flush(Collector out) {
    if (builder != null && builder.rowCount() > 0) {
      out.collect(builder.build());
    }
    builder = null;
  }
}
