package io.rivulet.runtime.format;

import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.nio.charset.StandardCharsets;

/** Reads each line of text as a row of one VARCHAR column; no line is malformed. */
public final class TextLineParser implements RecordParser {

  /**
   * @throws IllegalArgumentException unless {@code schema} is exactly one VARCHAR column
   */
  public TextLineParser(Schema schema) {
    if (!isLineSchema(schema)) {
      throw new IllegalArgumentException(
          "format 'text' needs exactly one VARCHAR column, such as (line VARCHAR), not " + schema);
    }
  }

  /** Whether {@code schema} is one VARCHAR column, the only schema plain lines can fill. */
  public static boolean isLineSchema(Schema schema) {
    return schema.size() == 1 && schema.type(0) == DataType.VARCHAR;
  }

  @Override
  public TextFormat format() {
    return TextFormat.TEXT;
  }

  @Override
  public boolean parse(byte[] buffer, int start, int end, BatchBuilder builder) {
    builder.column(0).append(new String(buffer, start, end - start, StandardCharsets.UTF_8));
    builder.endRow();
    return true;
  }
}
