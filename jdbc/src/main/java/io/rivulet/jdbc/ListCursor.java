package io.rivulet.jdbc;

import java.sql.SQLWarning;
import java.util.List;

/** The rows of a statement that computes its whole result at once (SHOW, DESCRIBE, metadata). */
final class ListCursor implements RowCursor {
  private final List<Object[]> rows;
  private int position = -1;

  ListCursor(List<Object[]> rows) {
    this.rows = rows;
  }

  @Override
  public Object[] next() {
    if (position + 1 >= rows.size()) {
      position = rows.size();
      return null;
    }
    return rows.get(++position);
  }

  @Override
  public boolean isLast() {
    return position == rows.size() - 1;
  }

  @Override
  public boolean hasNoRows() {
    return rows.isEmpty();
  }

  @Override
  public void close() {}

  @Override
  public SQLWarning warnings() {
    return null;
  }
}
