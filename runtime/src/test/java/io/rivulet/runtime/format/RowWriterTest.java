package io.rivulet.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowWriterTest {
  private static final Schema SCHEMA =
      Schema.of(
          Field.of("id", DataType.BIGINT),
          Field.of("name", DataType.VARCHAR),
          Field.of("price", DataType.DOUBLE),
          Field.of("amount", DataType.DECIMAL),
          Field.of("ts", DataType.TIMESTAMP),
          Field.of("ok", DataType.BOOLEAN));

  private static Batch sample() {
    return sample(new BigDecimal("1E+2"));
  }

  /** The sample rows, with {@code hundred} in the first row's decimal column. */
  private static Batch sample(BigDecimal hundred) {
    return Batch.ofRows(
        SCHEMA,
        List.of(
            new Object[] {1L, "plain", 2.0, hundred, 1_500L, true},
            new Object[] {2L, "a,b \"q\"\nnext", 0.5, null, null, false},
            new Object[] {null, "", null, new BigDecimal("-0.10"), -1L, null},
            new Object[] {4L, null, 1.0E10, new BigDecimal("3"), 0L, true}));
  }

  private static String write(TextFormat format, boolean changelog, Batch... batches)
      throws IOException {
    StringWriter out = new StringWriter();
    RowWriter writer = RowWriter.create(format, out, SCHEMA, changelog);
    for (Batch batch : batches) {
      writer.write(batch);
    }
    writer.finish();
    return out.toString();
  }

  @Test
  void csvHasAHeaderAndQuotesOnlyWhatNeedsIt() throws IOException {
    assertThat(write(TextFormat.CSV, false, sample()))
        .isEqualTo(
            """
            id,name,price,amount,ts,ok
            1,plain,2.0,100,1970-01-01 00:00:01.500,true
            2,"a,b ""q""
            next",0.5,,,false
            ,"",,-0.10,1969-12-31 23:59:59.999,
            4,,1.0E10,3,1970-01-01 00:00:00.000,true
            """);
  }

  @Test
  void csvReadsBackWhatItWrote() throws IOException {
    String text = write(TextFormat.CSV, false, sample());
    String withoutHeader = text.substring(text.indexOf('\n') + 1);
    Batch read = RecordParser.parseAll(new CsvParser(SCHEMA, ','), SCHEMA, withoutHeader);
    assertThat(read.rows())
        .usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(sample(new BigDecimal("100")).rows());
  }

  @Test
  void csvOfAChangelogStartsWithTheOpColumn() throws IOException {
    BatchBuilder builder = new BatchBuilder(SCHEMA, 2);
    builder.appendRow(new Object[] {1L, "x", 1.0, null, 0L, true}, RowKind.UPDATE_BEFORE);
    builder.appendRow(new Object[] {1L, "y", 2.0, null, 0L, true}, RowKind.UPDATE_AFTER);
    assertThat(write(TextFormat.CSV, true, builder.build()))
        .isEqualTo(
            """
            op,id,name,price,amount,ts,ok
            -U,1,x,1.0,,1970-01-01 00:00:00.000,true
            +U,1,y,2.0,,1970-01-01 00:00:00.000,true
            """);
  }

  @Test
  void nothingIsWrittenForNoRows() throws IOException {
    assertThat(write(TextFormat.CSV, false, Batch.empty(SCHEMA))).isEmpty();
    assertThat(write(TextFormat.JSON, false, Batch.empty(SCHEMA))).isEmpty();
  }

  @Test
  void headerIsWrittenOnceAcrossBatches() throws IOException {
    Batch one =
        Batch.ofRows(SCHEMA, List.<Object[]>of(new Object[] {1L, "a", 1.0, null, 0L, true}));
    assertThat(write(TextFormat.CSV, false, one, one).lines()).hasSize(3);
  }

  @Test
  void jsonLinesWriteOneObjectPerRow() throws IOException {
    assertThat(write(TextFormat.JSON, false, sample()))
        .isEqualTo(
            """
{"id":1,"name":"plain","price":2.0,"amount":100,"ts":"1970-01-01 00:00:01.500","ok":true}
{"id":2,"name":"a,b \\"q\\"\\nnext","price":0.5,"amount":null,"ts":null,"ok":false}
{"id":null,"name":"","price":null,"amount":-0.10,"ts":"1969-12-31 23:59:59.999","ok":null}
{"id":4,"name":null,"price":1.0E10,"amount":3,"ts":"1970-01-01 00:00:00.000","ok":true}
""");
  }

  @Test
  void jsonLinesReadBackWhatTheyWrote() throws IOException {
    String text = write(TextFormat.JSON, false, sample());
    Batch read = RecordParser.parseAll(new JsonLinesParser(SCHEMA), SCHEMA, text);
    assertThat(read.rows())
        .usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(sample(new BigDecimal("100")).rows());
  }

  @Test
  void jsonOfAChangelogHasAnOpField() throws IOException {
    Schema schema = Schema.of(Field.of("word", DataType.VARCHAR), Field.of("tags", DataType.ARRAY));
    BatchBuilder builder = new BatchBuilder(schema, 1);
    builder.appendRow(new Object[] {"cat", Arrays.asList(1L, "x", null)}, RowKind.DELETE);
    StringWriter out = new StringWriter();
    RowWriter writer = RowWriter.create(TextFormat.JSON, out, schema, true);
    writer.write(builder.build());
    writer.finish();
    assertThat(out).hasToString("{\"op\":\"-D\",\"word\":\"cat\",\"tags\":[1,\"x\",null]}\n");
  }
}
