package io.rivulet.runtime.format;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes rows as CSV, with a header line of column names before the first row; a field is quoted
 * when it holds the delimiter, a quote or a line break, and an empty string is written as {@code
 * ""} so that it reads back as an empty string rather than NULL.
 */
public final class CsvWriter implements RowWriter {
  /** The name of the change-kind column of a changelog. */
  public static final String OP_COLUMN = "op";

  private final Writer out;
  private final Schema schema;
  private final boolean changelog;
  private final char delimiter;
  private boolean headerWritten;

  public CsvWriter(Writer out, Schema schema, boolean changelog, char delimiter) {
    CsvParser.checkDelimiter(delimiter);
    this.out = out;
    this.schema = schema;
    this.changelog = changelog;
    this.delimiter = delimiter;
  }

  @Override
  public void write(Batch batch) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    if (!headerWritten) {
      writeHeader();
    }
    StringBuilder line = new StringBuilder(128);
    for (int r = 0; r < batch.rowCount(); r++) {
      line.setLength(0);
      if (changelog) {
        line.append(batch.kind(r).shortName()).append(delimiter);
      }
      for (int c = 0; c < schema.size(); c++) {
        if (c > 0) {
          line.append(delimiter);
        }
        appendField(line, batch.column(c), r, schema.type(c));
      }
      line.append('\n');
      out.append(line);
    }
  }

  @Override
  public void finish() {}

  private void writeHeader() throws IOException {
    StringBuilder line = new StringBuilder();
    if (changelog) {
      line.append(OP_COLUMN).append(delimiter);
    }
    for (int c = 0; c < schema.size(); c++) {
      if (c > 0) {
        line.append(delimiter);
      }
      appendText(line, schema.field(c).name());
    }
    out.append(line.append('\n'));
    headerWritten = true;
  }

  private void appendField(StringBuilder line, ColumnVector column, int row, DataType type) {
    if (column.isNull(row)) {
      return;
    }
    if (column instanceof LongVector longs
        && type != DataType.TIMESTAMP
        && type != DataType.DATE
        && type != DataType.TIME) {
      line.append(longs.getLong(row));
      return;
    }
    String text = ValueFormat.format(column.get(row), type);
    if (text.isEmpty()) {
      line.append("\"\"");
    } else {
      appendText(line, text);
    }
  }

  private void appendText(StringBuilder line, String text) {
    boolean quote = false;
    for (int i = 0; i < text.length() && !quote; i++) {
      char c = text.charAt(i);
      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      line.append(text);
      return;
    }
    line.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        line.append('"');
      }
      line.append(c);
    }
    line.append('"');
  }
}
