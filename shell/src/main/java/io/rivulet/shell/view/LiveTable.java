package io.rivulet.shell.view;

import io.rivulet.runtime.batch.RowKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The current state of a result, built from its changes: +I adds a row, -D removes it, and an
 * update (-U then +U) replaces the row where it stands, so rows keep their places on the screen.
 */
public final class LiveTable {
  private final List<Object[]> rows = new ArrayList<>();
  private int updateAt = -1;

  /** Applies one change. A retraction of a row that is not there is ignored. */
  public void apply(Object[] row, RowKind kind) {
    switch (kind) {
      case INSERT -> {
        rows.add(row);
        updateAt = -1;
      }
      case UPDATE_AFTER -> {
        if (updateAt >= 0 && updateAt <= rows.size()) {
          rows.add(updateAt, row);
        } else {
          rows.add(row);
        }
        updateAt = -1;
      }
      case UPDATE_BEFORE -> updateAt = remove(row);
      case DELETE -> {
        remove(row);
        updateAt = -1;
      }
      default -> throw new IllegalArgumentException("unknown change " + kind);
    }
  }

  private int remove(Object[] row) {
    for (int i = 0; i < rows.size(); i++) {
      if (Arrays.deepEquals(rows.get(i), row)) {
        rows.remove(i);
        return i;
      }
    }
    return -1;
  }

  /** The rows now, in the order they are shown. */
  public List<Object[]> rows() {
    return List.copyOf(rows);
  }

  public int size() {
    return rows.size();
  }
}
