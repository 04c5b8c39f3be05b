package io.rivulet.shell.view;

import io.rivulet.engine.ResultBatch;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The table result mode: the current state of the result, redrawn in place after every batch, so
 * an updating aggregate shows its latest values rather than its history. Rows that do not fit on
 * the screen are counted below the table.
 */
public final class TableView implements ResultView {
  private final ColumnLayout layout;
  private final LiveTable table = new LiveTable();
  private long changes;

  public TableView(Schema schema) {
    this.layout = new ColumnLayout(schema, false);
  }

  @Override
  public List<String> append(ResultBatch batch) {
    Batch data = batch.rows();
    for (int r = 0; r < data.rowCount(); r++) {
      table.apply(data.row(r), data.kind(r));
    }
    changes += data.rowCount();
    return List.of();
  }

  @Override
  public List<String> live(int maxLines) {
    List<Object[]> rows = table.rows();
    int shown = Math.min(rows.size(), Math.max(1, maxLines - 5));
    List<String[]> cells = new ArrayList<>(shown);
    for (int r = 0; r < shown; r++) {
      cells.add(layout.cells(rows.get(r), RowKind.INSERT));
    }
    layout.fit(cells);
    List<String> lines = new ArrayList<>(shown + 5);
    lines.add(layout.border());
    lines.add(layout.header());
    lines.add(layout.border());
    for (String[] row : cells) {
      lines.add(layout.row(row));
    }
    lines.add(layout.border());
    if (shown < rows.size()) {
      lines.add("(" + shown + " of " + rows.size() + " rows shown)");
    }
    return lines;
  }

  @Override
  public List<String> finish() {
    return List.of();
  }

  /** The rows of the result now. */
  @Override
  public long rows() {
    return table.size();
  }

  /** Changes taken in so far. */
  public long changes() {
    return changes;
  }
}
