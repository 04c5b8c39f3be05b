package io.rivulet.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import org.junit.jupiter.api.Test;

class TextLineParserTest {
  private static final Schema LINE = Schema.of(Field.of("line", DataType.VARCHAR));

  @Test
  void everyLineIsARowEmptyOnesIncluded() {
    Batch batch =
        RecordParser.parseAll(new TextLineParser(LINE), LINE, "one\r\n\n  three \ncaf\u00e9 \u6771\u4eac");
    assertThat(batch.rows())
        .containsExactly(
            new Object[] {"one"},
            new Object[] {""},
            new Object[] {"  three "},
            new Object[] {"caf\u00e9 \u6771\u4eac"});
  }

  @Test
  void linesNotReadAreCountedWithoutTheirText() {
    Batch batch =
        RecordParser.parseAll(
            new TextLineParser(LINE, new boolean[] {false}), LINE, "a\nb\n\nd");
    assertThat(batch.rowCount()).isEqualTo(4);
    assertThat(batch.rows()).allSatisfy(row -> assertThat(row[0]).isNull());
  }

  @Test
  void onlyOneVarcharColumnHoldsALine() {
    assertThatThrownBy(() -> new TextLineParser(Schema.of(Field.of("n", DataType.BIGINT))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one VARCHAR column");
  }
}
