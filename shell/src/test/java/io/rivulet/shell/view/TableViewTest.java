package io.rivulet.shell.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Table mode: the current state of an updating result, rows keeping their places. */
class TableViewTest {
  @Test
  void showsTheCurrentStateNotTheHistory() {
    TableView view = new TableView(Changes.COUNTS);

    assertThat(view.append(Changes.of(0).add("+I", "web", 1L).add("+I", "app", 1L).batch())).isEmpty();
    view.append(Changes.of(1).add("-U", "web", 1L).add("+U", "web", 2L).add("+I", "tv", 1L).batch());
    view.append(Changes.of(2).add("-D", "app", 1L).batch());

    assertThat(view.live(20)).containsExactly(
        "+----------------------+----------------------+",
        "| channel              |                    n |",
        "+----------------------+----------------------+",
        "| web                  |                    2 |",
        "| tv                   |                    1 |",
        "+----------------------+----------------------+");
    assertThat(view.rows()).isEqualTo(2);
    assertThat(view.changes()).isEqualTo(6);
  }

  @Test
  void rowsThatDoNotFitTheScreenAreCounted() {
    TableView view = new TableView(Changes.COUNTS);
    Changes batch = Changes.of(0);
    for (int i = 0; i < 30; i++) {
      batch.add("+I", "c" + i, (long) i);
    }
    view.append(batch.batch());

    List<String> frame = view.live(10);

    assertThat(frame).hasSize(10).endsWith("(5 of 30 rows shown)");
    assertThat(frame.get(3)).startsWith("| c0 ");
  }

  @Test
  void anUpdateReplacesTheRowWhereItStands() {
    LiveTable table = new LiveTable();
    table.apply(new Object[] {"a", 1L}, RowKind.INSERT);
    table.apply(new Object[] {"b", 1L}, RowKind.INSERT);
    table.apply(new Object[] {"c", 1L}, RowKind.INSERT);

    table.apply(new Object[] {"a", 1L}, RowKind.UPDATE_BEFORE);
    table.apply(new Object[] {"a", 2L}, RowKind.UPDATE_AFTER);
    table.apply(new Object[] {"zzz", 9L}, RowKind.DELETE);

    assertThat(table.rows()).extracting(row -> row[0] + "=" + row[1]).containsExactly("a=2", "b=1", "c=1");
  }
}
