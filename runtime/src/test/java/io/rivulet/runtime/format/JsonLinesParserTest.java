package io.rivulet.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesParserTest {
  private static List<Object> one(Schema schema, String line) {
    Batch batch = RecordParser.parseAll(new JsonLinesParser(schema), schema, line);
    assertThat(batch.rowCount()).isEqualTo(1);
    return Arrays.asList(batch.row(0));
  }

  private static Object value(DataType type, String json) {
    return one(Schema.of(Field.of("v", type)), "{\"v\": " + json + "}").get(0);
  }

  @Test
  void fieldsMatchColumnsIgnoringCaseAndMissingFieldsAreNull() {
    Schema schema =
        Schema.of(Field.of("Auction", DataType.BIGINT), Field.of("channel", DataType.VARCHAR));
    assertThat(one(schema, "{\"auction\": 7, \"CHANNEL\": \"web\", \"extra\": {\"x\": [1]}}"))
        .containsExactly(7L, "web");
    assertThat(one(schema, "{\"channel\": \"app\"}")).containsExactly(null, "app");
    assertThat(one(schema, "{}")).containsExactly(null, null);
    assertThat(one(schema, "{\"auction\": null}")).containsExactly(null, null);
  }

  @Test
  void fieldsOfColumnsNotReadAreSkippedAndLeftNull() {
    Schema schema =
        Schema.of(
            Field.of("auction", DataType.BIGINT),
            Field.of("price", DataType.BIGINT),
            Field.of("channel", DataType.VARCHAR));
    JsonLinesParser parser = new JsonLinesParser(schema, new boolean[] {true, false, true});
    Batch batch =
        RecordParser.parseAll(
            parser,
            schema,
            "{\"auction\": 1, \"price\": \"not a number\", \"channel\": \"web\"}\n"
                + "{\"price\": {\"nested\": [1, 2]}, \"auction\": 2}\n"
                + "{\"channel\": \"app\", \"price\": 3}\n");
    assertThat(batch.rows().stream().map(Arrays::asList))
        .containsExactly(
            Arrays.asList(1L, null, "web"), Arrays.asList(2L, null, null), Arrays.asList(null, null, "app"));
    assertThatThrownBy(() -> RecordParser.parseAll(parser, schema, "{\"price\": [1, }\n"))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("line 1: the line is not valid JSON");
  }

  @Test
  void aRowFailingHalfWayLeavesNoValuesBehind() {
    Schema schema = Schema.of(Field.of("a", DataType.BIGINT), Field.of("b", DataType.BIGINT));
    JsonLinesParser parser = new JsonLinesParser(schema);
    ColumnBuffers rows = parser.newBuffers(4);
    byte[] bad = "{\"a\": 1, \"b\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] good = "{\"b\": 2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(bad, 0, bad.length, rows))
        .hasMessage("field 'b': cannot read 'x' as BIGINT");
    assertThat(parser.parse(good, 0, good.length, rows)).isTrue();
    assertThat(rows.build().rows()).containsExactly(new Object[] {null, 2L});
  }

  @Test
  void numbersAndStringsBecomeIntegers() {
    assertThat(value(DataType.BIGINT, "42")).isEqualTo(42L);
    assertThat(value(DataType.BIGINT, "\"42\"")).isEqualTo(42L);
    assertThat(value(DataType.BIGINT, "5.0")).isEqualTo(5L);
    assertThat(value(DataType.INTEGER, "-3")).isEqualTo(-3);
    assertThat(value(DataType.BIGINT, "\"\"")).isNull();
    assertThatThrownBy(() -> value(DataType.BIGINT, "5.5"))
        .hasMessage("line 1: field 'v': cannot read 5.5 as BIGINT");
    assertThatThrownBy(() -> value(DataType.INTEGER, "3000000000"))
        .hasMessage(
            "line 1: field 'v': cannot read 3000000000 as INTEGER: it is out of range"
                + " [-2147483648, 2147483647]");
    assertThatThrownBy(() -> value(DataType.BIGINT, "99999999999999999999"))
        .hasMessage("line 1: field 'v': cannot read 99999999999999999999 as BIGINT");
    assertThatThrownBy(() -> value(DataType.BIGINT, "true"))
        .hasMessage("line 1: field 'v': cannot read true as BIGINT");
    assertThatThrownBy(() -> value(DataType.BIGINT, "\"ten\""))
        .hasMessage("line 1: field 'v': cannot read 'ten' as BIGINT");
    assertThatThrownBy(() -> value(DataType.BIGINT, "{\"a\": 1}"))
        .hasMessage("line 1: field 'v': cannot read an object as BIGINT");
  }

  @Test
  void floatingPointAndDecimals() {
    assertThat(value(DataType.DOUBLE, "2")).isEqualTo(2.0);
    assertThat(value(DataType.DOUBLE, "1.5e2")).isEqualTo(150.0);
    assertThat(value(DataType.DOUBLE, "\"0.25\"")).isEqualTo(0.25);
    assertThat(value(DataType.FLOAT, "0.1")).isEqualTo(0.1f);
    assertThat(value(DataType.DECIMAL, "0.1")).isEqualTo(new BigDecimal("0.1"));
    assertThat(value(DataType.DECIMAL, "\"12.50\"")).isEqualTo(new BigDecimal("12.50"));
    assertThatThrownBy(() -> value(DataType.DOUBLE, "[1]"))
        .hasMessage("line 1: field 'v': cannot read an array as DOUBLE");
  }

  @Test
  void booleans() {
    assertThat(value(DataType.BOOLEAN, "true")).isEqualTo(true);
    assertThat(value(DataType.BOOLEAN, "\"FALSE\"")).isEqualTo(false);
    assertThatThrownBy(() -> value(DataType.BOOLEAN, "1"))
        .hasMessage("line 1: field 'v': cannot read 1 as BOOLEAN");
  }

  @Test
  void timestampsAreStringsOrEpochMillis() {
    assertThat(value(DataType.TIMESTAMP, "\"1970-01-01 00:00:01.250\"")).isEqualTo(1250L);
    assertThat(value(DataType.TIMESTAMP, "\"1970-01-01T00:00:01\"")).isEqualTo(1000L);
    assertThat(value(DataType.TIMESTAMP, "1700000000000")).isEqualTo(1_700_000_000_000L);
    assertThat(value(DataType.DATE, "\"1970-01-11\"")).isEqualTo(10);
    assertThat(value(DataType.DATE, "10")).isEqualTo(10);
    assertThat(value(DataType.TIME, "\"00:01:00\"")).isEqualTo(60_000);
    assertThatThrownBy(() -> value(DataType.TIMESTAMP, "\"yesterday\""))
        .hasMessage(
            "line 1: field 'v': cannot read 'yesterday' as TIMESTAMP; write it as yyyy-MM-dd"
                + " HH:mm:ss[.SSS]");
  }

  @Test
  void stringsTakeAnyScalarAndKeepNestedJsonText() {
    assertThat(value(DataType.VARCHAR, "\"héllo\"")).isEqualTo("héllo");
    assertThat(value(DataType.VARCHAR, "12.50")).isEqualTo("12.50");
    assertThat(value(DataType.VARCHAR, "true")).isEqualTo("true");
    assertThat(value(DataType.VARCHAR, "{\"a\": [1, \"x\"]}")).isEqualTo("{\"a\":[1,\"x\"]}");
    assertThat(value(DataType.VARCHAR, "\"\"")).isEqualTo("");
  }

  @Test
  void arraysBecomeListsOfNaturalValues() {
    assertThat(value(DataType.ARRAY, "[1, 2.5, \"x\", true, null, [3], {\"k\": 4}]"))
        .isEqualTo(Arrays.asList(1L, 2.5, "x", true, null, List.of(3L), Map.of("k", 4L)));
    assertThat(value(DataType.ARRAY, "\"[a, b]\"")).isEqualTo(List.of("a", "b"));
    assertThatThrownBy(() -> value(DataType.ARRAY, "7"))
        .hasMessage("line 1: field 'v': cannot read 7 as ARRAY");
  }

  @Test
  void aLineThatIsNotOneObjectIsMalformed() {
    Schema schema = Schema.of(Field.of("v", DataType.BIGINT));
    JsonLinesParser parser = new JsonLinesParser(schema);
    assertThatThrownBy(() -> RecordParser.parseAll(parser, schema, "{\"v\": 1}\n[1, 2]\n"))
        .isInstanceOf(FormatException.class)
        .hasMessage("line 2: the line is not a JSON object; write one object per line");
    assertThatThrownBy(() -> RecordParser.parseAll(parser, schema, "42\n"))
        .hasMessage("line 1: the line is not a JSON object; write one object per line");
    assertThatThrownBy(() -> RecordParser.parseAll(parser, schema, "{\"v\": 1} {\"v\": 2}\n"))
        .hasMessage("line 1: the line holds more than one JSON value; write one per line");
    assertThatThrownBy(() -> RecordParser.parseAll(parser, schema, "{\"v\": 1\n"))
        .hasMessageStartingWith("line 1: the line is not valid JSON: Unexpected end-of-input");
    assertThatThrownBy(() -> RecordParser.parseAll(parser, schema, "{v: 1}\n"))
        .hasMessageStartingWith("line 1: the line is not valid JSON: ");
  }

  @Test
  void blankLinesAreNoRows() {
    Schema schema = Schema.of(Field.of("v", DataType.BIGINT));
    Batch batch =
        RecordParser.parseAll(new JsonLinesParser(schema), schema, "\n{\"v\":1}\r\n  \n{\"v\":2}");
    assertThat(batch.rows()).containsExactly(new Object[] {1L}, new Object[] {2L});
  }
}
