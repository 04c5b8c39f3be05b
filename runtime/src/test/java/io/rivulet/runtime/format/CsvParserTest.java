package io.rivulet.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {
  private static final Schema BIDS =
      Schema.of(
          Field.of("auction", DataType.BIGINT),
          Field.of("channel", DataType.VARCHAR),
          Field.of("price", DataType.DOUBLE));

  private static List<List<Object>> rows(Schema schema, char delimiter, String text) {
    Batch batch = RecordParser.parseAll(new CsvParser(schema, delimiter), schema, text);
    return batch.rows().stream().map(Arrays::asList).toList();
  }

  private static List<List<Object>> rows(String text) {
    return rows(BIDS, ',', text);
  }

  @Test
  void readsTypedFields() {
    assertThat(rows("1,web,2.5\n2,app,3\n"))
        .containsExactly(List.of(1L, "web", 2.5), List.of(2L, "app", 3.0));
  }

  @Test
  void lastLineNeedsNoLineBreakAndCarriageReturnsAreDropped() {
    assertThat(rows("1,web,2.5\r\n2,app,3"))
        .containsExactly(List.of(1L, "web", 2.5), List.of(2L, "app", 3.0));
  }

  @Test
  void quotedFieldsHoldDelimitersQuotesAndLineBreaks() {
    assertThat(rows("1,\"a,b\",1\n2,\"say \"\"hi\"\"\",2\n3,\"two\nlines\",3\n4,\"\"\"\",4\n"))
        .containsExactly(
            List.of(1L, "a,b", 1.0),
            List.of(2L, "say \"hi\"", 2.0),
            List.of(3L, "two\nlines", 3.0),
            List.of(4L, "\"", 4.0));
  }

  @Test
  void quotedLineBreakKeepsItsCarriageReturn() {
    assertThat(rows("1,\"a\r\nb\",1\r\n")).containsExactly(List.of(1L, "a\r\nb", 1.0));
  }

  @Test
  void emptyUnquotedFieldIsNullAndQuotedEmptyIsAnEmptyString() {
    assertThat(rows("1,,\n,\"\",\"\"\n"))
        .containsExactly(Arrays.asList(1L, null, null), Arrays.asList(null, "", null));
  }

  @Test
  void spacesAroundNumbersAreIgnoredButKeptInStrings() {
    assertThat(rows(" 1 , web , 2.5 \n")).containsExactly(List.of(1L, " web ", 2.5));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
    assertThat(rows("1,5\" screen,1\n")).containsExactly(List.of(1L, "5\" screen", 1.0));
  }

  @Test
  void emptyLinesAreNoRows() {
    assertThat(rows("\n1,web,1\n\r\n\n2,app,2\n\n")).hasSize(2);
  }

  @Test
  void otherDelimiters() {
    assertThat(rows(BIDS, ';', "1;a,b;15\n")).containsExactly(List.of(1L, "a,b", 15.0));
    assertThat(rows(BIDS, '\t', "1\t\"x\ty\"\t2\n")).containsExactly(List.of(1L, "x\ty", 2.0));
    assertThat(rows(BIDS, '|', "1|web|2\n")).containsExactly(List.of(1L, "web", 2.0));
  }

  @Test
  void delimiterMustBeAsciiAndNotAQuote() {
    assertThatThrownBy(() -> new CsvParser(BIDS, '"')).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CsvParser(BIDS, '\n'))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CsvParser(BIDS, '§')).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wrongFieldCountIsMalformed() {
    assertThatThrownBy(() -> rows("1,web,2\n1,web\n"))
        .isInstanceOf(FormatException.class)
        .hasMessage("line 2: expected 3 fields, found 2");
    assertThatThrownBy(() -> rows("1,web,2,3,4\n"))
        .hasMessage("line 1: expected 3 fields, found 5");
    assertThatThrownBy(() -> rows("1,web,2,\n")).hasMessage("line 1: expected 3 fields, found 4");
  }

  @Test
  void lineNumbersCountLinesInsideQuotedFields() {
    assertThatThrownBy(() -> rows("1,\"a\nb\nc\",1\n2,x\n"))
        .hasMessage("line 4: expected 3 fields, found 2");
  }

  @Test
  void badValuesNameTheirColumn() {
    assertThatThrownBy(() -> rows("abc,web,1\n"))
        .hasMessage("line 1: column 'auction': cannot read 'abc' as BIGINT");
    assertThatThrownBy(() -> rows("1,web,\"cheap\"\n"))
        .hasMessage("line 1: column 'price': cannot read 'cheap' as DOUBLE");
  }

  @Test
  void badQuotingIsMalformed() {
    assertThatThrownBy(() -> rows("1,\"web\"site,1\n"))
        .hasMessage(
            "line 1: field 2 has text after its closing quote; quote the whole field and double"
                + " any quote inside it");
    assertThatThrownBy(() -> rows("1,web,1\n2,\"open,2\n"))
        .hasMessage("line 2: field 2 opens a quote it never closes");
  }

  @Test
  void malformedRowLeavesTheBatchUnchanged() {
    CsvParser parser = new CsvParser(BIDS, ',');
    BatchBuilder builder = new BatchBuilder(BIDS, 4);
    byte[] bad = "7,web,oops".getBytes(StandardCharsets.UTF_8);
    byte[] good = "8,app,1.5".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(bad, 0, bad.length, builder))
        .isInstanceOf(FormatException.class);
    assertThat(parser.parse(good, 0, good.length, builder)).isTrue();
    Batch batch = builder.build();
    assertThat(batch.rows()).containsExactly(new Object[] {8L, "app", 1.5});
  }

  @Test
  void everyColumnType() {
    Schema schema =
        Schema.of(
            Field.of("b", DataType.BOOLEAN),
            Field.of("i", DataType.INTEGER),
            Field.of("s", DataType.SMALLINT),
            Field.of("f", DataType.FLOAT),
            Field.of("d", DataType.DECIMAL),
            Field.of("ts", DataType.TIMESTAMP),
            Field.of("day", DataType.DATE),
            Field.of("t", DataType.TIME),
            Field.of("a", DataType.ARRAY));
    assertThat(
            rows(
                schema,
                ',',
                "TRUE,-5,7,0.5,12.30,1970-01-01 00:00:01.5,1970-01-02,00:00:02,\"[x, y]\"\n"))
        .containsExactly(
            List.of(
                true,
                -5,
                (short) 7,
                0.5f,
                new BigDecimal("12.30"),
                1500L,
                1,
                2000,
                List.of("x", "y")));
  }

  @Test
  void readsUtf8Text() {
    assertThat(rows("1,\"Zürich, 東京\",1\n2,émoji 😀,2\n"))
        .containsExactly(List.of(1L, "Zürich, 東京", 1.0), List.of(2L, "émoji 😀", 2.0));
    assertThatThrownBy(() -> rows("1,web,ü\n"))
        .hasMessage("line 1: column 'price': cannot read 'ü' as DOUBLE");
    assertThatThrownBy(() -> rows("ü,web,1\n"))
        .hasMessage("line 1: column 'auction': cannot read 'ü' as BIGINT");
  }
}
