package io.rivulet.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CSV parser's column-array path: its fast readers agree with {@link ValueFormat} on every
 * spelling, records are read the same wherever buffer boundaries fall, and columns nobody reads
 * are left null.
 */
class CsvParserColumnsTest {
  private static final Schema BIDS =
      Schema.of(
          Field.of("auction", DataType.BIGINT),
          Field.of("price", DataType.BIGINT),
          Field.of("channel", DataType.VARCHAR));

  /** Spellings per type: common ones, edge cases of the fast paths, and mistakes. */
  private static final Map<DataType, List<String>> SPELLINGS =
      Map.of(
          DataType.BIGINT,
          List.of(
              "0", "-0", "7", "+7", "007", " 12 ", "9223372036854775807", "-9223372036854775808",
              "9223372036854775808", "123456789012345678", "-123456789012345678",
              "1234567890123456789", "-", "1.0", "1e3", "12a", "\u0661\u0662", "", "  "),
          DataType.INTEGER,
          List.of("2147483647", "2147483648", "-2147483648", "-2147483649", "42"),
          DataType.TINYINT,
          List.of("127", "128", "-128", "-129", "5"),
          DataType.DOUBLE,
          List.of(
              "0", "-0", "-0.0", "1.5", "0.1", "123456789012345", "1234567890123456", "0.000001",
              "1.", ".5", "1e10", "NaN", "-Infinity", "1d", "3.14159265358979",
              "99999999999999.9", "1.7976931348623157E308", "abc", "0.30000000000000004", "-7.25"),
          DataType.FLOAT,
          List.of("0.1", "16777216", "16777217", "1.5", "-2.25", "3.4028235E38", "0.3", "-0"),
          DataType.DECIMAL,
          List.of(
              "12.30", "-0.00", "0", "123456789012345678", "1234567890123456789.5", "1E+3", "+5",
              ".5", "5.", "abc", "-17.125"),
          DataType.BOOLEAN,
          List.of("true", "false", "TRUE", "False", " true ", "yes"),
          DataType.TIMESTAMP,
          List.of(
              "2024-01-01 00:00:00.000", "2024-01-01T12:34:56.789", "2024-01-01 12:34:56",
              "2024-01-01 12:34", "2024-01-01", "2024-02-29 00:00:00.000",
              "2023-02-29 00:00:00.000", "2024-13-01 00:00:00.000", "2024-00-10 00:00:00.000",
              "2024-01-01 24:00:00.000", "2024-01-01 23:60:00.000", "2024-01-01 23:59:60.000",
              "2024-01-01 00:00:00.1", "2024-01-01 00:00:00.123456", "1969-12-31 23:59:59.999",
              "0001-01-01 00:00:00.000", "2024-01-01 00:00:00;000", "2024-1-01 00:00:00.000",
              "abcd-ef-gh ij:kl:mn.opq", "2024-01-01x00:00:00.000", "2024-01-32 00:00:00.000",
              "2024-04-31 00:00:00", "9999-12-31 23:59:59.999"),
          DataType.DATE,
          List.of("2024-01-02", "2024-02-30", "24-01-02"),
          DataType.TIME,
          List.of("12:00:00.5", "23:59:59", "25:00:00"));

  private static List<List<Object>> rows(Schema schema, boolean[] needed, String text) {
    Batch batch = RecordParser.parseAll(new CsvParser(schema, ',', needed), schema, text);
    return batch.rows().stream().map(Arrays::asList).toList();
  }

  /** What the general reader makes of {@code text} as {@code type}: a value or an error. */
  private static Object expected(String text, DataType type) {
    if (type == DataType.VARCHAR) {
      return text.isEmpty() ? null : text;
    }
    String trimmed = text.strip();
    try {
      return trimmed.isEmpty() ? null : ValueFormat.parse(trimmed, type);
    } catch (FormatException e) {
      return "error: " + e.getMessage();
    }
  }

  private static Object actual(Schema schema, String line) {
    try {
      return rows(schema, null, line).get(0).get(0);
    } catch (FormatException e) {
      return "error: " + e.getMessage().replaceFirst("^line 1: column 'v': ", "");
    }
  }

  @Test
  void fastReadersAgreeWithTheGeneralOneOnEverySpelling() {
    for (Map.Entry<DataType, List<String>> entry : SPELLINGS.entrySet()) {
      DataType type = entry.getKey();
      Schema schema = Schema.of(Field.of("v", type), Field.of("rest", DataType.VARCHAR));
      Schema last = Schema.of(Field.of("rest", DataType.VARCHAR), Field.of("v", type));
      for (String text : entry.getValue()) {
        Object want = expected(text, type);
        assertThat(actual(schema, text + ",x\n")).as("%s %s", type, text).isEqualTo(want);
        // Last on a CRLF line, framed by the fast path; and without a line break at all.
        Object atEnd = last(last, "x," + text + "\r\n");
        assertThat(atEnd).as("%s %s at the end of a CRLF line", type, text).isEqualTo(want);
        assertThat(last(last, "x," + text)).as("%s %s at the end", type, text).isEqualTo(want);
      }
    }
  }

  private static Object last(Schema schema, String line) {
    try {
      return rows(schema, null, line).get(0).get(1);
    } catch (FormatException e) {
      return "error: " + e.getMessage().replaceFirst("^line 1: column 'v': ", "");
    }
  }

  @Test
  void timestampsOfManyDatesInARowAreEachRead() {
    Schema schema = Schema.of(Field.of("ts", DataType.TIMESTAMP));
    StringBuilder text = new StringBuilder();
    List<Object> want = new ArrayList<>();
    for (int day = 1; day <= 28; day += 3) {
      for (String time : List.of("00:00:00.000", "13:14:15.161", "23:59:59.999")) {
        String value = String.format("2024-02-%02d %s", day, time);
        text.append(value).append('\n');
        want.add(ValueFormat.parseTimestamp(value));
      }
    }
    assertThat(rows(schema, null, text.toString()).stream().map(row -> row.get(0)))
        .containsExactlyElementsOf(want);
  }

  @Test
  void columnsNotReadAreNullAndTheirValuesUnchecked() {
    boolean[] needed = {true, false, true};
    assertThat(rows(BIDS, needed, "1,abc,web\n2,\"a \"\"b\"\", c\",app\n3,,\n"))
        .containsExactly(
            Arrays.asList(1L, null, "web"), Arrays.asList(2L, null, "app"), Arrays.asList(3L, null, null));
  }

  @Test
  void rowsStillNeedEveryFieldWhenColumnsAreNotRead() {
    boolean[] needed = {false, false, true};
    assertThatThrownBy(() -> rows(BIDS, needed, "1,2,web\n1,web\n"))
        .hasMessage("line 2: expected 3 fields, found 2");
    assertThatThrownBy(() -> rows(BIDS, needed, "1,2,web,x\n"))
        .hasMessage("line 1: expected 3 fields, found 4");
    assertThatThrownBy(() -> rows(BIDS, needed, "1,\"2\"x,web\n"))
        .hasMessage(
            "line 1: field 2 has text after its closing quote; quote the whole field and double"
                + " any quote inside it");
  }

  @Test
  void noColumnReadStillCountsRows() {
    boolean[] needed = {false, false, false};
    assertThat(rows(BIDS, needed, "1,2,a\n\n3,4,b\n")).hasSize(2);
  }

  @Test
  void recordsAreReadTheSameWhereverBufferBoundariesFall() throws IOException {
    Schema schema =
        Schema.of(
            Field.of("id", DataType.BIGINT),
            Field.of("s", DataType.VARCHAR),
            Field.of("ts", DataType.TIMESTAMP),
            Field.of("x", DataType.DOUBLE));
    String text =
        "1,plain text that is longer than a word,2024-01-01 00:00:00.000,1.5\r\n"
            + "2,\"quoted, with a delimiter\",2024-01-01 00:00:01.000,2\n"
            + "3,\"two\r\nlines and \"\"quotes\"\"\",2024-01-01 00:00:02.5,-3.25\r\n"
            + "4,Z\u00fcrich \u6771\u4eac \ud83d\ude00 caf\u00e9,2024-01-01T00:00:03,4e2\n"
            + "\n"
            + "5,\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9,2024-01-01 00:00:04.000,5\r\n"
            + "6,\"\",2024-01-01 00:00:05.000,\n"
            + "7,\"\ud83d\ude00\",2024-01-01 00:00:06.000,7";
    List<List<Object>> whole = read(schema, text, Integer.MAX_VALUE);
    assertThat(whole).hasSize(7);
    assertThat(whole.get(2).get(1)).isEqualTo("two\r\nlines and \"quotes\"");
    assertThat(whole.get(3).get(1)).isEqualTo("Z\u00fcrich \u6771\u4eac \ud83d\ude00 caf\u00e9");
    assertThat(whole.get(0).get(3)).isEqualTo(1.5);
    assertThat(whole.get(5).get(1)).isEqualTo("");
    for (int chunk = 1; chunk <= 24; chunk++) {
      assertThat(read(schema, text, chunk)).as("chunk %d", chunk).isEqualTo(whole);
    }
  }

  @Test
  void lineNumbersOfErrorsCountQuotedLineBreaksOnTheFastPathToo() throws IOException {
    String text = "1,2,a\n2,3,\"b\nc\"\n3,4,d\n4,x,e\n";
    assertThatThrownBy(() -> rows(BIDS, null, text))
        .hasMessage("line 5: column 'price': cannot read 'x' as BIGINT");
  }

  /** Parses {@code text} from a channel that hands out {@code chunk} bytes at a time. */
  private static List<List<Object>> read(Schema schema, String text, int chunk) throws IOException {
    CsvParser parser = new CsvParser(schema, ',');
    ColumnBuffers rows = parser.newBuffers(2);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (RecordScanner scanner = new RecordScanner(new Trickle(bytes, chunk), 0, parser)) {
      while (scanner.next()) {
        parser.parse(scanner.buffer(), scanner.start(), scanner.end(), rows);
      }
    }
    return rows.build().rows().stream().map(Arrays::asList).toList();
  }

  /** A channel that hands out at most {@code chunk} bytes per read. */
  private static final class Trickle implements ReadableByteChannel {
    private final byte[] bytes;
    private final int chunk;
    private int position;

    Trickle(byte[] bytes, int chunk) {
      this.bytes = bytes;
      this.chunk = chunk;
    }

    @Override
    public int read(ByteBuffer target) {
      if (position == bytes.length) {
        return -1;
      }
      int count = Math.min(Math.min(chunk, target.remaining()), bytes.length - position);
      target.put(bytes, position, count);
      position += count;
      return count;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
