package io.rivulet.runtime.format;

import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.nio.charset.StandardCharsets;

/**
 * Reads CSV records (RFC 4180) straight from UTF-8 bytes into rows.
 *
 * <p>A field in double quotes may hold the delimiter, line breaks and doubled quotes; a quote only
 * opens a quoted field at the start of the field. An empty unquoted field is NULL, for VARCHAR too;
 * a quoted empty field {@code ""} is the empty string for VARCHAR and NULL for other types. Spaces
 * around values of types other than VARCHAR are ignored. An empty line is no row. A record with
 * more or fewer fields than the schema has columns is malformed.
 */
public final class CsvParser implements RecordParser {
  private static final byte QUOTE = '"';
  private static final byte QUOTED = 1;
  private static final byte ESCAPED = 2;

  private final Schema schema;
  private final DataType[] types;
  private final byte delimiter;
  private final StagedRow row;
  private final AsciiView view = new AsciiView();
  private final int[] fieldStarts;
  private final int[] fieldEnds;
  private final byte[] fieldFlags;
  private byte[] unescaped = new byte[256];

  /**
   * @param delimiter an ASCII character other than a quote or a line break
   * @throws IllegalArgumentException for another delimiter
   */
  public CsvParser(Schema schema, char delimiter) {
    checkDelimiter(delimiter);
    this.schema = schema;
    this.delimiter = (byte) delimiter;
    int size = schema.size();
    this.types = new DataType[size];
    for (int c = 0; c < size; c++) {
      types[c] = schema.type(c);
    }
    this.row = new StagedRow(schema);
    this.fieldStarts = new int[size];
    this.fieldEnds = new int[size];
    this.fieldFlags = new byte[size];
  }

  /** Throws unless {@code delimiter} can separate CSV fields. */
  public static void checkDelimiter(char delimiter) {
    if (delimiter == 0
        || delimiter > 0x7F
        || delimiter == '"'
        || delimiter == '\n'
        || delimiter == '\r') {
      throw new IllegalArgumentException(
          "a CSV delimiter must be one ASCII character other than a quote or a line break, such"
              + " as ',', ';', '|' or '\\t'");
    }
  }

  @Override
  public TextFormat format() {
    return TextFormat.CSV;
  }

  @Override
  public boolean recordsMaySpanLines() {
    return true;
  }

  @Override
  public int findRecordEnd(byte[] buffer, int start, int limit) {
    boolean fieldStart = true;
    int i = start;
    while (i < limit) {
      byte b = buffer[i];
      if (b == '\n') {
        return i;
      } else if (b == QUOTE && fieldStart) {
        // Skip the quoted field; a quote followed by a quote is an escaped quote.
        i++;
        while (true) {
          if (i >= limit) {
            return -1;
          }
          if (buffer[i] == QUOTE) {
            if (i + 1 >= limit) {
              return -1;
            }
            if (buffer[i + 1] != QUOTE) {
              break;
            }
            i++;
          }
          i++;
        }
        fieldStart = false;
      } else {
        fieldStart = b == delimiter;
      }
      i++;
    }
    return -1;
  }

  @Override
  public boolean parse(byte[] buffer, int start, int end, BatchBuilder builder) {
    if (start == end) {
      return false;
    }
    int found = split(buffer, start, end);
    if (found != types.length) {
      throw new FormatException("expected " + types.length + " fields, found " + found);
    }
    row.clear();
    for (int c = 0; c < types.length; c++) {
      convert(c, buffer);
    }
    row.appendTo(builder);
    return true;
  }

  /** Finds the fields of a record, remembering the first {@code types.length}; returns how many. */
  private int split(byte[] buffer, int start, int end) {
    int field = 0;
    int position = start;
    while (true) {
      int fieldStart;
      int fieldEnd;
      byte flags = 0;
      if (position < end && buffer[position] == QUOTE) {
        flags = QUOTED;
        int i = position + 1;
        fieldStart = i;
        while (true) {
          if (i >= end) {
            throw new FormatException("field " + (field + 1) + " opens a quote it never closes");
          }
          if (buffer[i] == QUOTE) {
            if (i + 1 < end && buffer[i + 1] == QUOTE) {
              flags |= ESCAPED;
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        fieldEnd = i;
        position = i + 1;
        if (position < end && buffer[position] != delimiter) {
          throw new FormatException(
              "field "
                  + (field + 1)
                  + " has text after its closing quote; quote the whole field"
                  + " and double any quote inside it");
        }
      } else {
        fieldStart = position;
        while (position < end && buffer[position] != delimiter) {
          position++;
        }
        fieldEnd = position;
      }
      if (field < types.length) {
        fieldStarts[field] = fieldStart;
        fieldEnds[field] = fieldEnd;
        fieldFlags[field] = flags;
      }
      field++;
      if (position >= end) {
        return field;
      }
      position++;
    }
  }

  private void convert(int column, byte[] buffer) {
    byte[] bytes = buffer;
    int start = fieldStarts[column];
    int end = fieldEnds[column];
    byte flags = fieldFlags[column];
    if ((flags & ESCAPED) != 0) {
      end = unescape(buffer, start, end);
      start = 0;
      bytes = unescaped;
    }
    DataType type = types[column];
    if (type == DataType.VARCHAR || type == DataType.OTHER) {
      if (start < end || (flags & QUOTED) != 0) {
        row.setObject(column, new String(bytes, start, end - start, StandardCharsets.UTF_8));
      }
      return;
    }
    while (start < end && bytes[start] <= ' ' && bytes[start] >= 0) {
      start++;
    }
    while (end > start && bytes[end - 1] <= ' ' && bytes[end - 1] >= 0) {
      end--;
    }
    if (start == end) {
      return;
    }
    try {
      switch (type.storage()) {
        case LONG ->
            row.setLong(
                column,
                ValueFormat.parseLong(view.reset(bytes, start, end - start), 0, end - start, type));
        case BOOLEAN ->
            row.setBoolean(
                column,
                ValueFormat.parseBoolean(view.reset(bytes, start, end - start), 0, end - start));
        case DOUBLE ->
            row.setDouble(
                column,
                ValueFormat.parseDouble(
                    new String(bytes, start, end - start, StandardCharsets.UTF_8), type));
        case OBJECT ->
            row.setObject(
                column,
                ValueFormat.parse(
                    new String(bytes, start, end - start, StandardCharsets.UTF_8), type));
      }
    } catch (FormatException e) {
      throw new FormatException(
          "column '" + schema.field(column).name() + "': " + e.getMessage(), e);
    }
  }

  /** Copies a quoted field's content with doubled quotes made single; returns its length. */
  private int unescape(byte[] buffer, int start, int end) {
    if (unescaped.length < end - start) {
      unescaped = new byte[Math.max(end - start, unescaped.length * 2)];
    }
    int length = 0;
    for (int i = start; i < end; i++) {
      unescaped[length++] = buffer[i];
      if (buffer[i] == QUOTE) {
        i++;
      }
    }
    return length;
  }
}
