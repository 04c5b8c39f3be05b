package io.rivulet.runtime.format;

import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.nio.charset.StandardCharsets;

/**
 * Reads CSV records (RFC 4180) straight from UTF-8 bytes into column arrays.
 *
 * <p>A field in double quotes may hold the delimiter, line breaks and doubled quotes; a quote only
 * opens a quoted field at the start of the field. An empty unquoted field is NULL, for VARCHAR too;
 * a quoted empty field {@code ""} is the empty string for VARCHAR and NULL for other types. Spaces
 * around values of types other than VARCHAR are ignored. An empty line is no row. A record with
 * more or fewer fields than the schema has columns is malformed. Fields of columns nobody reads
 * are counted but not converted, so a bad value there goes unnoticed.
 *
 * <p>Only VARCHAR (and other object) fields become Strings; numbers, times and booleans are read
 * from the bytes. Finding a record's end eight bytes at a time also finds its fields, which {@link
 * #parse} then uses rather than splitting the record again; records with quotes take the slower
 * byte-by-byte path.
 */
public final class CsvParser implements RecordParser {
  private static final byte QUOTE = '"';
  private static final byte LINE_FEED = '\n';
  private static final byte QUOTED = 1;
  private static final byte ESCAPED = 2;
  private static final long QUOTES = Bytes.broadcast(QUOTE);
  private static final long LINE_FEEDS = Bytes.broadcast(LINE_FEED);

  private final Schema schema;
  private final DataType[] types;
  private final boolean[] needed;
  /** The columns read, in order. */
  private final int[] neededColumns;
  private final long[] minimums;
  private final long[] maximums;
  private final byte delimiter;
  private final long delimiters;
  private final ByteValueReader values = new ByteValueReader();
  private final int[] fieldStarts;
  private final int[] fieldEnds;
  private final byte[] fieldFlags;
  private byte[] unescaped = new byte[256];

  /**
   * The record {@link #findRecordEnd} last found and split: its buffer, start, the index of its
   * line feed and its field count; {@code framedStart} is -1 when there is none.
   */
  private byte[] framedBuffer;

  private int framedStart = -1;
  private int framedEnd;
  private int framedFields;

  /** A parser of every column of {@code schema}. */
  public CsvParser(Schema schema, char delimiter) {
    this(schema, delimiter, null);
  }

  /**
   * @param delimiter an ASCII character other than a quote or a line break
   * @param needed which columns are read, or null for all; the others are left null
   * @throws IllegalArgumentException for another delimiter
   */
  public CsvParser(Schema schema, char delimiter, boolean[] needed) {
    checkDelimiter(delimiter);
    this.schema = schema;
    this.delimiter = (byte) delimiter;
    this.delimiters = Bytes.broadcast(this.delimiter);
    int size = schema.size();
    this.types = new DataType[size];
    this.needed = new boolean[size];
    this.minimums = new long[size];
    this.maximums = new long[size];
    int count = 0;
    for (int c = 0; c < size; c++) {
      types[c] = schema.type(c);
      this.needed[c] = needed == null || (c < needed.length && needed[c]);
      count += this.needed[c] ? 1 : 0;
      minimums[c] = Long.MIN_VALUE;
      maximums[c] = Long.MAX_VALUE;
      switch (types[c]) {
        case TINYINT -> range(c, Byte.MIN_VALUE, Byte.MAX_VALUE);
        case SMALLINT -> range(c, Short.MIN_VALUE, Short.MAX_VALUE);
        case INTEGER -> range(c, Integer.MIN_VALUE, Integer.MAX_VALUE);
        default -> {}
      }
    }
    this.neededColumns = new int[count];
    for (int c = 0, i = 0; c < size; c++) {
      if (this.needed[c]) {
        neededColumns[i++] = c;
      }
    }
    this.fieldStarts = new int[size];
    this.fieldEnds = new int[size];
    this.fieldFlags = new byte[size];
  }

  private void range(int column, long min, long max) {
    minimums[column] = min;
    maximums[column] = max;
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
  public ColumnBuffers newBuffers(int capacity) {
    return new ColumnBuffers(schema, needed, capacity);
  }

  /** Only a record with a quote may: one without was framed at its first line feed. */
  @Override
  public boolean recordsMaySpanLines() {
    return framedStart < 0;
  }

  @Override
  public int findRecordEnd(byte[] buffer, int start, int limit) {
    framedStart = -1;
    int columns = types.length;
    int field = 0;
    int fieldStart = start;
    int i = start;
    for (; i + Long.BYTES <= limit; i += Long.BYTES) {
      long found = Bytes.mayMatchAny(Bytes.word(buffer, i), delimiters, LINE_FEEDS, QUOTES);
      while (found != 0) {
        int position = i + Bytes.firstByte(found);
        found &= found - 1;
        byte b = buffer[position];
        if (b == delimiter || b == LINE_FEED) {
          if (field < columns) {
            fieldStarts[field] = fieldStart;
            fieldEnds[field] = position;
            fieldFlags[field] = 0;
          }
          field++;
          if (b == LINE_FEED) {
            return framed(buffer, start, position, field);
          }
          fieldStart = position + 1;
        } else if (b == QUOTE) {
          return findQuotedRecordEnd(buffer, start, limit);
        }
      }
    }
    for (; i < limit; i++) {
      byte b = buffer[i];
      if (b == QUOTE) {
        return findQuotedRecordEnd(buffer, start, limit);
      } else if (b == delimiter || b == LINE_FEED) {
        if (field < columns) {
          fieldStarts[field] = fieldStart;
          fieldEnds[field] = i;
          fieldFlags[field] = 0;
        }
        field++;
        if (b == LINE_FEED) {
          return framed(buffer, start, i, field);
        }
        fieldStart = i + 1;
      }
    }
    return -1;
  }

  private int framed(byte[] buffer, int start, int lineFeed, int fields) {
    framedBuffer = buffer;
    framedStart = start;
    framedEnd = lineFeed;
    framedFields = fields;
    return lineFeed;
  }

  /** The end of a record holding a quote, byte by byte; its fields are split again later. */
  private int findQuotedRecordEnd(byte[] buffer, int start, int limit) {
    framedStart = -1;
    boolean fieldStart = true;
    int i = start;
    while (i < limit) {
      byte b = buffer[i];
      if (b == LINE_FEED) {
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
  public boolean parse(byte[] buffer, int start, int end, ColumnBuffers rows) {
    if (start == end) {
      return false;
    }
    int found;
    if (start == framedStart
        && buffer == framedBuffer
        && (end == framedEnd || (end == framedEnd - 1 && buffer[end] == '\r'))) {
      // Split while framing; the line feed, and a carriage return before it, end the last field.
      found = framedFields;
      if (found <= types.length) {
        fieldEnds[found - 1] = end;
      }
    } else {
      found = split(buffer, start, end);
    }
    framedStart = -1;
    if (found != types.length) {
      throw new FormatException("expected " + types.length + " fields, found " + found);
    }
    for (int column : neededColumns) {
      convert(column, buffer, rows);
    }
    rows.endRow();
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

  private void convert(int column, byte[] buffer, ColumnBuffers rows) {
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
      rows.setObject(
          column,
          start < end || (flags & QUOTED) != 0
              ? new String(bytes, start, end - start, StandardCharsets.UTF_8)
              : null);
      return;
    }
    while (start < end && bytes[start] <= ' ' && bytes[start] >= 0) {
      start++;
    }
    while (end > start && bytes[end - 1] <= ' ' && bytes[end - 1] >= 0) {
      end--;
    }
    if (start == end) {
      rows.setNull(column);
      return;
    }
    try {
      switch (type.storage()) {
        case LONG ->
            rows.setLong(
                column,
                values.readLong(bytes, start, end, type, minimums[column], maximums[column]));
        case DOUBLE -> rows.setDouble(column, values.readDouble(bytes, start, end, type));
        case BOOLEAN -> rows.setBoolean(column, values.readBoolean(bytes, start, end));
        case OBJECT ->
            rows.setObject(
                column,
                type == DataType.DECIMAL
                    ? values.readDecimal(bytes, start, end)
                    : values.readObject(bytes, start, end, type));
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
