package io.rivulet.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {
  private static final Schema SCHEMA =
      Schema.of(
          Field.of("word", DataType.VARCHAR),
          Field.of("n", DataType.BIGINT),
          Field.of("window_start", DataType.TIMESTAMP));

  @Test
  void alignsNumbersRightAndTextLeft() {
    List<Object[]> rows =
        List.of(new Object[] {"cat", 12345L, 0L}, new Object[] {"a\tb", null, null});
    assertThat(TableRenderer.render(SCHEMA, rows))
        .isEqualTo(
            """
            +------+-------+-------------------------+
            | word |     n | window_start            |
            +------+-------+-------------------------+
            | cat  | 12345 | 1970-01-01 00:00:00.000 |
            | a\\tb |  NULL | NULL                    |
            +------+-------+-------------------------+
            """);
  }

  @Test
  void changelogRowsShowTheirKind() {
    BatchBuilder builder = new BatchBuilder(SCHEMA, 2);
    builder.appendRow(new Object[] {"dog", 1L, 0L}, RowKind.UPDATE_BEFORE);
    builder.appendRow(new Object[] {"dog", 2L, 0L}, RowKind.UPDATE_AFTER);
    assertThat(TableRenderer.render(builder.build(), true))
        .isEqualTo(
            """
            +----+------+---+-------------------------+
            | op | word | n | window_start            |
            +----+------+---+-------------------------+
            | -U | dog  | 1 | 1970-01-01 00:00:00.000 |
            | +U | dog  | 2 | 1970-01-01 00:00:00.000 |
            +----+------+---+-------------------------+
            """);
  }

  @Test
  void noRowsStillShowTheHeader() {
    assertThat(TableRenderer.render(Schema.of(Field.of("x", DataType.VARCHAR)), List.of()))
        .isEqualTo(
            """
            +---+
            | x |
            +---+
            +---+
            """);
  }

  @Test
  void widthCountsCharactersNotUtf16Units() {
    assertThat(
            TableRenderer.render(
                Schema.of(Field.of("e", DataType.VARCHAR)), List.<Object[]>of(new Object[] {"😀"})))
        .isEqualTo(
            """
            +---+
            | e |
            +---+
            | 😀 |
            +---+
            """);
  }
}
