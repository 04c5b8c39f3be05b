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
 * #parse} turns one record into one row. An instance keeps scratch space, so it serves one reader
 * (one thread) at a time.
 */
public interface RecordParser {
  TextFormat format();

  /**
   * The index of the line feed that ends the record starting at {@code start}, or -1 if {@code
   * limit} comes first. Records are lines, except that CSV looks past line feeds inside quoted
   * fields.
   */
  default int findRecordEnd(byte[] buffer, int start, int limit) {
    for (int i = start; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Whether a record may hold line feeds, so that counting lines must look inside records. */
  default boolean recordsMaySpanLines() {
    return false;
  }

  /**
   * Appends the record {@code buffer[start, end)}, without its line break, to {@code builder} as
   * one row; returns false, appending nothing, when the record holds no row (an empty CSV line, a
   * blank JSON line).
   *
   * @throws FormatException when the record is malformed, having appended nothing
   */
  boolean parse(byte[] buffer, int start, int end, BatchBuilder builder);

  /** A parser for {@code format} producing rows of {@code schema}; {@code delimiter} is for CSV. */
  static RecordParser create(TextFormat format, Schema schema, char delimiter) {
    return switch (format) {
      case CSV -> new CsvParser(schema, delimiter);
      case JSON -> new JsonLinesParser(schema);
      case TEXT -> new TextLineParser(schema);
    };
  }

  /**
   * Reads all records of {@code text} into one batch, failing on the first malformed one; for tests
   * and small inputs typed by people.
   *
   * @throws FormatException naming the line of the first malformed record
   */
  static Batch parseAll(RecordParser parser, Schema schema, String text) {
    BatchBuilder builder = new BatchBuilder(schema, 16);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (RecordScanner scanner =
        new RecordScanner(Channels.newChannel(new ByteArrayInputStream(bytes)), 0, parser)) {
      while (scanner.next()) {
        try {
          parser.parse(scanner.buffer(), scanner.start(), scanner.end(), builder);
        } catch (FormatException e) {
          throw new FormatException("line " + scanner.line() + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return builder.build();
  }
}
