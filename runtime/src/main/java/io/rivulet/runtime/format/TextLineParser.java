package io.rivulet.runtime.format;

import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.nio.charset.StandardCharsets;

/**
 * Reads each line of text as a row of one VARCHAR column; no line is malformed. When nobody reads
 * the column (counting lines), lines are counted without being decoded.
 */
public final class TextLineParser implements RecordParser {
  private final Schema schema;
  private final boolean needed;

  /**
   * @throws IllegalArgumentException unless {@code schema} is exactly one VARCHAR column
   */
  public TextLineParser(Schema schema) {
    this(schema, null);
  }

  /**
   * @param needed whether the column is read ({@code needed[0]}), or null for yes
   * @throws IllegalArgumentException unless {@code schema} is exactly one VARCHAR column
   */
  public TextLineParser(Schema schema, boolean[] needed) {
    if (!isLineSchema(schema)) {
      throw new IllegalArgumentException(
          "format 'text' needs exactly one VARCHAR column, such as (line VARCHAR), not " + schema);
    }
    this.schema = schema;
    this.needed = needed == null || (needed.length > 0 && needed[0]);
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
  public ColumnBuffers newBuffers(int capacity) {
    return new ColumnBuffers(schema, new boolean[] {needed}, capacity);
  }

  @Override
  public boolean parse(byte[] buffer, int start, int end, ColumnBuffers rows) {
    if (needed) {
      rows.setObject(0, new String(buffer, start, end - start, StandardCharsets.UTF_8));
    }
    rows.endRow();
    return true;
  }
}
