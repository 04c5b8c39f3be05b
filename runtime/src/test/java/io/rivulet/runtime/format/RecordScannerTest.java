package io.rivulet.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordScannerTest {
  private static final Schema LINE = Schema.of(Field.of("line", DataType.VARCHAR));

  /** A channel that hands out at most {@code chunk} bytes per read, to cross every boundary. */
  private static final class TrickleChannel implements ReadableByteChannel {
    private final byte[] bytes;
    private final int chunk;
    private int position;

    TrickleChannel(String text, int chunk) {
      this.bytes = text.getBytes(StandardCharsets.UTF_8);
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

  private record Record(String text, long offset, long line) {}

  private static List<Record> scan(String text, int chunk, RecordParser parser, boolean skipFirst)
      throws IOException {
    List<Record> records = new ArrayList<>();
    try (RecordScanner scanner = new RecordScanner(new TrickleChannel(text, chunk), 0, parser)) {
      if (skipFirst) {
        scanner.skipLine();
      }
      while (scanner.next()) {
        String record =
            new String(
                scanner.buffer(),
                scanner.start(),
                scanner.end() - scanner.start(),
                StandardCharsets.UTF_8);
        records.add(new Record(record, scanner.offset(), scanner.line()));
      }
    }
    return records;
  }

  @Test
  void cutsLinesWithOffsetsAndNumbers() throws IOException {
    for (int chunk : new int[] {1, 2, 3, 1000}) {
      assertThat(scan("ab\r\n\ncd\nlast", chunk, new TextLineParser(LINE), false))
          .as("chunk %d", chunk)
          .containsExactly(
              new Record("ab", 0, 1),
              new Record("", 4, 2),
              new Record("cd", 5, 3),
              new Record("last", 8, 4));
    }
  }

  @Test
  void noRecordAfterAFinalLineBreak() throws IOException {
    assertThat(scan("a\n", 1, new TextLineParser(LINE), false))
        .containsExactly(new Record("a", 0, 1));
    assertThat(scan("", 1, new TextLineParser(LINE), false)).isEmpty();
  }

  @Test
  void skipsAByteOrderMarkAtTheStart() throws IOException {
    assertThat(scan("\uFEFFa\nb", 1, new TextLineParser(LINE), false))
        .containsExactly(new Record("a", 3, 1), new Record("b", 5, 2));
  }

  @Test
  void skipLineDropsThePartialFirstLine() throws IOException {
    assertThat(scan("tail of a line\nnext\n", 4, new TextLineParser(LINE), true))
        .containsExactly(new Record("next", 15, 1));
    assertThat(scan("no line break", 4, new TextLineParser(LINE), true)).isEmpty();
  }

  @Test
  void csvRecordsSpanQuotedLineBreaksAcrossReads() throws IOException {
    Schema schema = Schema.of(Field.of("a", DataType.VARCHAR), Field.of("b", DataType.VARCHAR));
    String text = "\"x\ny\",\"q\"\"\n\"\nz,w\n";
    for (int chunk : new int[] {1, 2, 5, 100}) {
      assertThat(scan(text, chunk, new CsvParser(schema, ','), false))
          .as("chunk %d", chunk)
          .containsExactly(new Record("\"x\ny\",\"q\"\"\n\"", 0, 1), new Record("z,w", 13, 4));
    }
  }

  @Test
  void recordsLongerThanTheBufferGrowIt() throws IOException {
    String longLine = "x".repeat(300_000);
    List<Record> records = scan(longLine + "\nshort\n", 70_000, new TextLineParser(LINE), false);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).text()).isEqualTo(longLine);
    assertThat(records.get(1)).isEqualTo(new Record("short", 300_001, 2));
  }
}
