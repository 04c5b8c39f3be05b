package io.rivulet.jdbc;

import io.rivulet.engine.ResultBatch;
import io.rivulet.runtime.batch.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The rows one micro-batch added to a query's output, as a subscriber receives them. Values are
 * what {@code ResultSet.getObject} would return (a TIMESTAMP is a {@link java.sql.Timestamp}); an
 * updating result has a first column {@code op} holding +I, -U, +U or -D.
 *
 * @param batchId the micro-batch, counting from 0
 * @param rows each row's values in column order; nulls are SQL NULLs
 */
public record RowBatch(String queryId, long batchId, List<String> columnNames, List<List<Object>> rows) {
  public RowBatch {
    columnNames = List.copyOf(columnNames);
    rows = Collections.unmodifiableList(new ArrayList<>(rows));
  }

  static RowBatch of(RivuletQuery query, List<JdbcColumn> columns, ResultBatch result) {
    Batch batch = result.rows();
    boolean changelog = query.changelog();
    int offset = changelog ? 1 : 0;
    List<List<Object>> rows = new ArrayList<>(batch.rowCount());
    for (int r = 0; r < batch.rowCount(); r++) {
      Object[] values = new Object[columns.size()];
      if (changelog) {
        values[0] = batch.kind(r).shortName();
      }
      for (int c = offset; c < values.length; c++) {
        values[c] = JdbcValues.object(batch.get(r, c - offset), columns.get(c));
      }
      rows.add(Collections.unmodifiableList(Arrays.asList(values)));
    }
    return new RowBatch(query.id(), result.batchId(), query.columnNames(), rows);
  }
}
