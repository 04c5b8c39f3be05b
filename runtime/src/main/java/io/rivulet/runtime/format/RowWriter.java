package io.rivulet.runtime.format;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the rows of batches as text in one format to one output, such as one file of a file sink;
 * for a changelog the first column written is {@code op}, the row's change kind.
 */
public interface RowWriter {
  /** Writes the rows of {@code batch}, whose columns are those of the writer's schema. */
  void write(Batch batch) throws IOException;

  /** Writes out anything buffered; the underlying writer is neither flushed nor closed. */
  void finish() throws IOException;

  /**
   * A writer of {@code format} (CSV with a header line before the first row, or JSON lines).
   *
   * @param schema the columns, without {@code op}
   * @param changelog whether to write the change kind of each row as a first column {@code op}
   */
  static RowWriter create(TextFormat format, Writer out, Schema schema, boolean changelog) {
    return switch (format) {
      case CSV -> new CsvWriter(out, schema, changelog, ',');
      case JSON -> new JsonLinesWriter(out, schema, changelog);
      case TEXT ->
          throw new IllegalArgumentException("format 'text' cannot be written; use csv or json");
    };
  }
}
