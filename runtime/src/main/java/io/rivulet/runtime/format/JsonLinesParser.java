package io.rivulet.runtime.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON lines, one object per line, into rows: fields are matched to columns by name, ignoring
 * case; a missing field is NULL and a field no column names is ignored.
 *
 * <p>Values are converted to the column's type: numbers, strings in the format {@link ValueFormat}
 * reads, and booleans. A TIMESTAMP may be a string or a number of epoch milliseconds, a DATE a
 * string or a number of epoch days, a TIME a string or milliseconds of the day. An ARRAY column
 * takes a JSON array (elements become Long, Double, String, Boolean, List or Map); a VARCHAR column
 * given an object or array keeps its JSON text, and an empty string is NULL for every type but
 * VARCHAR. A blank line is no row; a line that is not one JSON object is malformed.
 */
public final class JsonLinesParser implements RecordParser {
  static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** Names seen are cached with their column; a file with ever new names stops caching here. */
  private static final int MAX_CACHED_NAMES = 4096;

  private final Schema schema;
  private final DataType[] types;
  private final boolean[] needed;
  /** The columns read, in order. */
  private final int[] neededColumns;
  /** Which columns the line being read has set. */
  private final boolean[] seen;
  private final Map<String, Integer> columnsByName = new HashMap<>();
  private final CharsView chars = new CharsView();

  /** A parser of every column of {@code schema}. */
  public JsonLinesParser(Schema schema) {
    this(schema, null);
  }

  /**
   * @param needed which columns are read, or null for all; fields of the others are skipped
   */
  public JsonLinesParser(Schema schema, boolean[] needed) {
    this.schema = schema;
    this.types = new DataType[schema.size()];
    this.needed = new boolean[types.length];
    this.seen = new boolean[types.length];
    int count = 0;
    for (int c = 0; c < types.length; c++) {
      types[c] = schema.type(c);
      this.needed[c] = needed == null || (c < needed.length && needed[c]);
      count += this.needed[c] ? 1 : 0;
      columnsByName.putIfAbsent(schema.field(c).name(), c);
    }
    this.neededColumns = new int[count];
    for (int c = 0, i = 0; c < types.length; c++) {
      if (this.needed[c]) {
        neededColumns[i++] = c;
      }
    }
  }

  @Override
  public TextFormat format() {
    return TextFormat.JSON;
  }

  @Override
  public ColumnBuffers newBuffers(int capacity) {
    return new ColumnBuffers(schema, needed, capacity);
  }

  @Override
  public boolean parse(byte[] buffer, int start, int end, ColumnBuffers rows) {
    if (isBlank(buffer, start, end)) {
      return false;
    }
    Arrays.fill(seen, false);
    try (JsonParser parser = FACTORY.createParser(buffer, start, end - start)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new FormatException("the line is not a JSON object; write one object per line");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int column = column(parser.currentName());
        JsonToken token = parser.nextToken();
        if (column < 0 || !needed[column]) {
          parser.skipChildren();
        } else {
          readValue(parser, token, column, rows);
          seen[column] = true;
        }
      }
      if (parser.nextToken() != null) {
        throw new FormatException("the line holds more than one JSON value; write one per line");
      }
    } catch (JsonProcessingException e) {
      throw new FormatException("the line is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FormatException("the line is not valid JSON: " + e.getMessage(), e);
    }
    for (int column : neededColumns) {
      if (!seen[column]) {
        rows.setNull(column);
      }
    }
    rows.endRow();
    return true;
  }

  private int column(String name) {
    Integer column = columnsByName.get(name);
    if (column == null) {
      column = schema.indexOf(name).orElse(-1);
      if (columnsByName.size() < MAX_CACHED_NAMES) {
        columnsByName.put(name, column);
      }
    }
    return column;
  }

  private void readValue(JsonParser parser, JsonToken token, int column, ColumnBuffers rows)
      throws IOException {
    DataType type = types[column];
    if (token == JsonToken.VALUE_NULL
        || (token == JsonToken.VALUE_STRING
            && type != DataType.VARCHAR
            && type != DataType.OTHER
            && chars.reset(parser).isBlank())) {
      rows.setNull(column);
      return;
    }
    try {
      switch (type.storage()) {
        case BOOLEAN -> rows.setBoolean(column, readBoolean(parser, token, type));
        case LONG -> rows.setLong(column, readLong(parser, token, type));
        case DOUBLE -> rows.setDouble(column, readDouble(parser, token, type));
        case OBJECT -> rows.setObject(column, readObject(parser, token, type));
      }
    } catch (FormatException e) {
      throw new FormatException(
          "field '" + schema.field(column).name() + "': " + e.getMessage(), e);
    }
  }

  private static boolean readBoolean(JsonParser parser, JsonToken token, DataType type)
      throws IOException {
    return switch (token) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_STRING -> {
        String text = parser.getText();
        yield ValueFormat.parseBoolean(text, 0, text.length());
      }
      default -> throw mismatch(parser, token, type);
    };
  }

  private long readLong(JsonParser parser, JsonToken token, DataType type) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      CharsView text = chars.reset(parser);
      return ValueFormat.parseLong(text, 0, text.length(), type);
    }
    if (token == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return ValueFormat.checkRange(parser.getLongValue(), type);
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT && !parser.isNaN()) {
      // 5.0 is a whole number; 5.5 is not.
      BigDecimal decimal = parser.getDecimalValue();
      try {
        return ValueFormat.checkRange(decimal.longValueExact(), type);
      } catch (ArithmeticException e) {
        throw mismatch(parser, token, type);
      }
    }
    throw mismatch(parser, token, type);
  }

  private static double readDouble(JsonParser parser, JsonToken token, DataType type)
      throws IOException {
    return switch (token) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          type == DataType.FLOAT ? parser.getFloatValue() : parser.getDoubleValue();
      case VALUE_STRING -> ValueFormat.parseDouble(parser.getText(), type);
      default -> throw mismatch(parser, token, type);
    };
  }

  private static Object readObject(JsonParser parser, JsonToken token, DataType type)
      throws IOException {
    if (type == DataType.VARCHAR || type == DataType.OTHER) {
      return switch (token) {
        case START_OBJECT, START_ARRAY -> jsonText(parser);
        default -> parser.getText();
      };
    }
    if (type == DataType.DECIMAL) {
      return switch (token) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
        case VALUE_STRING -> ValueFormat.parse(parser.getText(), type);
        default -> throw mismatch(parser, token, type);
      };
    }
    return switch (token) {
      case START_ARRAY -> readList(parser);
      case VALUE_STRING -> ValueFormat.parse(parser.getText(), type);
      default -> throw mismatch(parser, token, type);
    };
  }

  /** The elements of the array the parser is at, in their natural Java types. */
  private static List<Object> readList(JsonParser parser) throws IOException {
    List<Object> elements = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      elements.add(readNatural(parser, token));
    }
    return elements;
  }

  private static Object readNatural(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT ->
          parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? new BigDecimal(parser.getBigIntegerValue())
              : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case START_ARRAY -> readList(parser);
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          object.put(name, readNatural(parser, parser.nextToken()));
        }
        yield object;
      }
      default -> null;
    };
  }

  private static String jsonText(JsonParser parser) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(text)) {
      generator.copyCurrentStructure(parser);
    }
    return text.toString();
  }

  private static FormatException mismatch(JsonParser parser, JsonToken token, DataType type)
      throws IOException {
    String shown =
        switch (token) {
          case START_OBJECT -> "an object";
          case START_ARRAY -> "an array";
          case VALUE_STRING -> ValueFormat.quote(parser.getText());
          default -> parser.getText();
        };
    return new FormatException("cannot read " + shown + " as " + type);
  }

  private static boolean isBlank(byte[] buffer, int start, int end) {
    for (int i = start; i < end; i++) {
      if (buffer[i] != ' ' && buffer[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** A reusable view of the characters of the parser's current string token, to read in place. */
  private static final class CharsView implements CharSequence {
    private char[] characters;
    private int offset;
    private int length;

    CharsView reset(JsonParser parser) throws IOException {
      characters = parser.getTextCharacters();
      offset = parser.getTextOffset();
      length = parser.getTextLength();
      return this;
    }

    /** Whether every character is white space, as {@link String#isBlank} says. */
    boolean isBlank() {
      for (int i = 0; i < length; i++) {
        if (!Character.isWhitespace(characters[offset + i])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      return characters[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(characters, offset + start, end - start);
    }

    @Override
    public String toString() {
      return new String(characters, offset, length);
    }
  }
}
