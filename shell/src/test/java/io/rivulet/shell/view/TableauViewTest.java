package io.rivulet.shell.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import org.junit.jupiter.api.Test;

/** Tableau mode: each batch as its own table, columns as wide as their types, op when updating. */
class TableauViewTest {
  @Test
  void anUpdatingResultShowsTheKindOfEveryChangeUnderAHeaderPerBatch() {
    TableauView view = new TableauView(Changes.COUNTS, true);

    assertThat(view.append(Changes.of(0).add("+I", "web", 1L).batch())).containsExactly(
        "Batch 0 (1 row)",
        "+----+----------------------+----------------------+",
        "| op | channel              |                    n |",
        "+----+----------------------+----------------------+",
        "| +I | web                  |                    1 |",
        "+----+----------------------+----------------------+");
    assertThat(view.append(Changes.of(1).add("-U", "web", 1L).add("+U", "web", 2L).batch())).containsExactly(
        "Batch 1 (2 rows)",
        "+----+----------------------+----------------------+",
        "| op | channel              |                    n |",
        "+----+----------------------+----------------------+",
        "| -U | web                  |                    1 |",
        "| +U | web                  |                    2 |",
        "+----+----------------------+----------------------+");
    assertThat(view.rows()).isEqualTo(3);
  }

  @Test
  void anAppendOnlyResultHasNoOpColumnAndEmptyBatchesPrintNothing() {
    Schema schema = Schema.of(
        new Field("ts", DataType.TIMESTAMP, true, "TIMESTAMP(3)"),
        new Field("code", DataType.VARCHAR, true, "VARCHAR(4)"),
        Field.of("ok", DataType.BOOLEAN));
    TableauView view = new TableauView(schema, false);

    assertThat(view.append(Changes.of(3, schema).batch())).isEmpty();
    assertThat(view.append(Changes.of(4, schema).add("+I", 0L, "ab", null).batch())).containsExactly(
        "Batch 4 (1 row)",
        "+-------------------------+------+-------+",
        "| ts                      | code | ok    |",
        "+-------------------------+------+-------+",
        "| 1970-01-01 00:00:00.000 | ab   | NULL  |",
        "+-------------------------+------+-------+");
  }

  @Test
  void columnsGrowForLongValuesAndVeryLongTextIsCut() {
    TableauView view = new TableauView(Changes.COUNTS, false);
    String longName = "x".repeat(60);

    assertThat(view.append(Changes.of(0).add("+I", longName, 1L).batch()).get(4))
        .isEqualTo("| " + "x".repeat(37) + "... |                    1 |");
  }
}
