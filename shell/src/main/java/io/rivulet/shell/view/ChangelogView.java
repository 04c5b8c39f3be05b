package io.rivulet.shell.view;

import io.rivulet.engine.ResultBatch;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The changelog result mode: one continuous table of changes, each row with its kind (+I, -U, +U,
 * -D) first, even for a result that only appends; the header is printed once, and again only when
 * a column has to grow.
 */
public final class ChangelogView implements ResultView {
  private final ColumnLayout layout;
  private boolean headerShown;
  private long rows;

  public ChangelogView(Schema schema) {
    this.layout = new ColumnLayout(schema, true);
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
    boolean grew = layout.fit(cells);
    List<String> lines = new ArrayList<>(cells.size() + 3);
    if (!headerShown || grew) {
      lines.add(layout.border());
      lines.add(layout.header());
      lines.add(layout.border());
      headerShown = true;
    }
    for (String[] row : cells) {
      lines.add(layout.row(row));
    }
    rows += data.rowCount();
    return lines;
  }

  @Override
  public List<String> live(int maxLines) {
    return List.of();
  }

  @Override
  public List<String> finish() {
    return headerShown ? List.of(layout.border()) : List.of();
  }

  @Override
  public long rows() {
    return rows;
  }
}
