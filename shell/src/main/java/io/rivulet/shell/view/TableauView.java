package io.rivulet.shell.view;

import io.rivulet.engine.ResultBatch;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The default result mode: every batch is printed as it arrives, as a table with its own header,
 * columns sized from their types, and an {@code op} column (+I, -U, +U, -D) when the result is
 * updating.
 */
public final class TableauView implements ResultView {
  private final ColumnLayout layout;
  private long rows;

  public TableauView(Schema schema, boolean changelog) {
    this.layout = new ColumnLayout(schema, changelog);
  }

  @Override
  public List<String> append(ResultBatch batch) {
    Batch data = batch.rows();
    if (data.isEmpty()) {
      return List.of();
    }
    List<String[]> cells = new ArrayList<>(data.rowCount());
    for (int r = 0; r < data.rowCount(); r++) {
      cells.add(layout.cells(data.row(r), data.kind(r)));
    }
    layout.fit(cells);
    rows += data.rowCount();
    List<String> lines = new ArrayList<>(cells.size() + 5);
    lines.add("Batch " + batch.batchId() + " (" + data.rowCount() + (data.rowCount() == 1 ? " row)" : " rows)"));
    lines.add(layout.border());
    lines.add(layout.header());
    lines.add(layout.border());
    for (String[] row : cells) {
      lines.add(layout.row(row));
    }
    lines.add(layout.border());
    return lines;
  }

  @Override
  public List<String> live(int maxLines) {
    return List.of();
  }

  @Override
  public List<String> finish() {
    return List.of();
  }

  @Override
  public long rows() {
    return rows;
  }
}
