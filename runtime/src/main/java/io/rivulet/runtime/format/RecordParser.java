package io.rivulet.runtime.format;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.type.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;

/**
 * Reads the records of one text format, given as UTF-8 bytes, into rows of a batch.
 *
 * <p>A {@link RecordScanner} cuts the input into records with {@link #findRecordEnd}; {@link
 * #parse} turns one record into one row of {@link ColumnBuffers}. A parser may be told which
 * columns are read: it leaves the others null without reading their values. An instance keeps
 * scratch space, so it serves one reader (one thread) at a time.
 */
public interface RecordParser {
  TextFormat format();

  /**
   * The index of the line feed that ends the record starting at {@code start}, or -1 if {@code
   * limit} comes first. Records are lines, except that CSV looks past line feeds inside quoted
   * fields.
   */
  default int findRecordEnd(byte[] buffer, int start, int limit) {
    return Bytes.indexOf(buffer, start, limit, (byte) '\n');
  }

  /**
   * Whether the record {@link #findRecordEnd} found last (or, when it found none, any record) may
   * hold line feeds, so that counting lines must look inside it.
   */
  default boolean recordsMaySpanLines() {
    return false;
  }

  /** Empty buffers for the rows this parser makes: its schema, the columns it reads. */
  ColumnBuffers newBuffers(int capacity);

  /**
   * Writes the record {@code buffer[start, end)}, without its line break, into {@code rows} as one
   * row; returns false, writing nothing, when the record holds no row (an empty CSV line, a blank
   * JSON line).
   *
   * @param rows buffers made by {@link #newBuffers}
   * @throws FormatException when the record is malformed, having ended no row
   */
  boolean parse(byte[] buffer, int start, int end, ColumnBuffers rows);

  /**
   * Appends the record to {@code builder} as one row, as {@link #parse(byte[], int, int,
   * ColumnBuffers)} would write it; for callers building their own batches, one row at a time.
   */
  default boolean parse(byte[] buffer, int start, int end, BatchBuilder builder) {
    ColumnBuffers row = newBuffers(1);
    if (!parse(buffer, start, end, row)) {
      return false;
    }
    for (int c = 0; c < builder.schema().size(); c++) {
      builder.column(c).append(row.get(0, c));
    }
    builder.endRow();
    return true;
  }

  /** A parser for {@code format} producing rows of {@code schema}; {@code delimiter} is for CSV. */
  static RecordParser create(TextFormat format, Schema schema, char delimiter) {
    return create(format, schema, delimiter, null);
  }

  /**
   * A parser for {@code format} producing rows of {@code schema} that reads only the columns
   * {@code needed} says (all when it is null); {@code delimiter} is for CSV.
   */
  static RecordParser create(TextFormat format, Schema schema, char delimiter, boolean[] needed) {
    return switch (format) {
      case CSV -> new CsvParser(schema, delimiter, needed);
      case JSON -> new JsonLinesParser(schema, needed);
      case TEXT -> new TextLineParser(schema, needed);
    };
  }

  /**
   * Reads all records of {@code text} into one batch, failing on the first malformed one; for tests
   * and small inputs typed by people.
   *
   * @throws FormatException naming the line of the first malformed record
   */
  static Batch parseAll(RecordParser parser, Schema schema, String text) {
    ColumnBuffers rows = parser.newBuffers(16);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (RecordScanner scanner =
        new RecordScanner(Channels.newChannel(new ByteArrayInputStream(bytes)), 0, parser)) {
      while (scanner.next()) {
        try {
          parser.parse(scanner.buffer(), scanner.start(), scanner.end(), rows);
        } catch (FormatException e) {
          throw new FormatException("line " + scanner.line() + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.build();
  }
}
