package io.rivulet.runtime.format;

import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads column values from text and writes them back, in the representation {@link DataType}
 * describes; the one place that decides how a value looks in CSV, JSON strings and the console.
 *
 * <p>Timestamps read and write as {@code yyyy-MM-dd HH:mm:ss.SSS}: the wall clock is read as if it
 * were UTC, never in the default time zone, so a value means the same on every machine. On input
 * the fraction is optional (zero to nine digits, truncated to milliseconds), the seconds are
 * optional, a {@code T} may separate date and time, and a date alone means midnight. Dates are
 * {@code yyyy-MM-dd}; times are {@code HH:mm:ss}, with {@code .SSS} when the milliseconds are not
 * zero. Text other than VARCHAR is read with surrounding spaces ignored.
 */
public final class ValueFormat {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final int MAX_QUOTED_TEXT = 60;
  private static final String TIMESTAMP_HINT = "; write it as yyyy-MM-dd HH:mm:ss[.SSS]";
  private static final String DATE_HINT = "; write it as yyyy-MM-dd";
  private static final String TIME_HINT = "; write it as HH:mm:ss[.SSS]";

  private ValueFormat() {}

  /**
   * Reads {@code text} as a value of {@code type}; null text gives null. An empty (or, for types
   * other than VARCHAR, blank) text is read as null for every type but VARCHAR and OTHER.
   *
   * @throws FormatException saying what text could not be read as what type
   */
  public static Object parse(String text, DataType type) {
    if (text == null) {
      return null;
    }
    if (type == DataType.VARCHAR || type == DataType.OTHER) {
      return text;
    }
    if (text.isBlank()) {
      return null;
    }
    return switch (type.storage()) {
      case LONG -> type.fromLong(parseLong(text, 0, text.length(), type));
      case DOUBLE -> type.fromDouble(parseDouble(text, type));
      case BOOLEAN -> parseBoolean(text, 0, text.length());
      case OBJECT -> type == DataType.DECIMAL ? parseDecimal(text) : parseArray(text);
    };
  }

  /**
   * Reads {@code text[start, end)} as the long a LONG vector stores for {@code type}: the integer
   * itself, or epoch milliseconds, epoch days or milliseconds of the day for the time types.
   */
  public static long parseLong(CharSequence text, int start, int end, DataType type) {
    int first = skipSpaces(text, start, end);
    int last = trimSpaces(text, first, end);
    return switch (type) {
      case TIMESTAMP -> parseTimestamp(text, first, last);
      case DATE -> parseDate(text, first, last);
      case TIME -> parseTime(text, first, last);
      case TINYINT, SMALLINT, INTEGER, BIGINT -> parseIntegral(text, first, last, type);
      default -> throw new IllegalArgumentException(type + " values are not stored as longs");
    };
  }

  /** Reads a FLOAT or DOUBLE value; FLOAT text is rounded to float precision. */
  public static double parseDouble(String text, DataType type) {
    String trimmed = text.strip();
    try {
      if (trimmed.isEmpty()
          || Character.isLetter(trimmed.charAt(trimmed.length() - 1))
              && !trimmed.endsWith("NaN")
              && !trimmed.endsWith("Infinity")) {
        // Java would accept 1d and 1f; text files should not.
        throw new NumberFormatException();
      }
      return type == DataType.FLOAT ? Float.parseFloat(trimmed) : Double.parseDouble(trimmed);
    } catch (NumberFormatException e) {
      throw cannotRead(text, 0, text.length(), type, "");
    }
  }

  /** Reads {@code true} or {@code false} in any case. */
  public static boolean parseBoolean(CharSequence text, int start, int end) {
    int first = skipSpaces(text, start, end);
    int last = trimSpaces(text, first, end);
    if (matchesIgnoringCase(text, first, last, "true")) {
      return true;
    }
    if (matchesIgnoringCase(text, first, last, "false")) {
      return false;
    }
    throw cannotRead(text, start, end, DataType.BOOLEAN, "; write true or false");
  }

  public static BigDecimal parseDecimal(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw cannotRead(text, 0, text.length(), DataType.DECIMAL, "");
    }
  }

  /**
   * Reads an array written as {@code [a, b, c]}; elements are strings (or nested arrays), and an
   * element {@code null} is a null element, since the text does not say the element type.
   */
  public static List<Object> parseArray(String text) {
    String trimmed = text.strip();
    if (trimmed.length() < 2
        || trimmed.charAt(0) != '['
        || trimmed.charAt(trimmed.length() - 1) != ']') {
      throw cannotRead(text, 0, text.length(), DataType.ARRAY, "; write it as [a, b, c]");
    }
    String inside = trimmed.substring(1, trimmed.length() - 1);
    if (inside.isBlank()) {
      return Collections.emptyList();
    }
    List<Object> elements = new ArrayList<>();
    int depth = 0;
    int elementStart = 0;
    for (int i = 0; i <= inside.length(); i++) {
      char c = i < inside.length() ? inside.charAt(i) : ',';
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        String element = inside.substring(elementStart, i).strip();
        if (element.startsWith("[")) {
          elements.add(parseArray(element));
        } else {
          elements.add(element.equalsIgnoreCase("null") ? null : element);
        }
        elementStart = i + 1;
      }
    }
    if (depth != 0) {
      throw cannotRead(text, 0, text.length(), DataType.ARRAY, "; its brackets do not match");
    }
    return elements;
  }

  /** Reads {@code yyyy-MM-dd HH:mm:ss[.SSS]} as epoch milliseconds of that wall clock in UTC. */
  public static long parseTimestamp(CharSequence text) {
    return parseLong(text, 0, text.length(), DataType.TIMESTAMP);
  }

  /** Reads {@code yyyy-MM-dd} as days since 1970-01-01. */
  public static int parseDate(CharSequence text) {
    return (int) parseLong(text, 0, text.length(), DataType.DATE);
  }

  /** Reads {@code HH:mm:ss[.SSS]} as milliseconds of the day. */
  public static int parseTime(CharSequence text) {
    return (int) parseLong(text, 0, text.length(), DataType.TIME);
  }

  /** Throws unless {@code value} fits {@code type}'s range (TINYINT, SMALLINT, INTEGER). */
  public static long checkRange(long value, DataType type) {
    long min;
    long max;
    switch (type) {
      case TINYINT -> {
        min = Byte.MIN_VALUE;
        max = Byte.MAX_VALUE;
      }
      case SMALLINT -> {
        min = Short.MIN_VALUE;
        max = Short.MAX_VALUE;
      }
      case INTEGER, DATE, TIME -> {
        min = Integer.MIN_VALUE;
        max = Integer.MAX_VALUE;
      }
      default -> {
        return value;
      }
    }
    if (value < min || value > max) {
      String message = "cannot read %d as %s: it is out of range [%d, %d]";
      throw new FormatException(String.format(Locale.ROOT, message, value, type, min, max));
    }
    return value;
  }

  // ---------------------------------------------------------------- writing

  /**
   * Writes a value of {@code type} as text: TIMESTAMP as {@code yyyy-MM-dd HH:mm:ss.SSS}, DATE as
   * {@code yyyy-MM-dd}, TIME as {@code HH:mm:ss[.SSS]}, DOUBLE as {@link Double#toString}, DECIMAL
   * without exponent, ARRAY as {@code [a, b]}; null as the empty string.
   */
  public static String format(Object value, DataType type) {
    if (value == null) {
      return "";
    }
    if (!(value instanceof Number number)) {
      return type == DataType.ARRAY || type == DataType.OTHER
          ? formatElement(value)
          : value.toString();
    }
    return switch (type) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> Long.toString(number.longValue());
      case FLOAT -> Float.toString(number.floatValue());
      case DOUBLE -> Double.toString(number.doubleValue());
      case TIMESTAMP -> formatTimestamp(number.longValue());
      case DATE -> formatDate(number.intValue());
      case TIME -> formatTime(number.intValue());
      default -> formatElement(value);
    };
  }

  /** Formats epoch milliseconds as the UTC wall clock {@code yyyy-MM-dd HH:mm:ss.SSS}. */
  public static String formatTimestamp(long epochMillis) {
    StringBuilder text = new StringBuilder(23);
    appendDate(text, Math.floorDiv(epochMillis, MILLIS_PER_DAY));
    text.append(' ');
    appendTime(text, (int) Math.floorMod(epochMillis, MILLIS_PER_DAY), true);
    return text.toString();
  }

  public static String formatDate(int epochDay) {
    StringBuilder text = new StringBuilder(10);
    appendDate(text, epochDay);
    return text.toString();
  }

  /**
   * Formats milliseconds of the day as {@code HH:mm:ss}, with {@code .SSS} if they are not zero.
   */
  public static String formatTime(int millisOfDay) {
    StringBuilder text = new StringBuilder(12);
    appendTime(text, millisOfDay, false);
    return text.toString();
  }

  /** Formats a value whose SQL type is not known, such as an array element. */
  static String formatElement(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    } else if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(formatElement(list.get(i)));
      }
      return text.append(']').toString();
    } else if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        text.append(first ? "" : ", ").append(entry.getKey()).append(": ");
        text.append(formatElement(entry.getValue()));
        first = false;
      }
      return text.append('}').toString();
    }
    return value.toString();
  }

  // ---------------------------------------------------------------- internals

  private static long parseIntegral(CharSequence text, int start, int end, DataType type) {
    int i = start;
    boolean negative = false;
    if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    if (i == end) {
      throw cannotRead(text, start, end, type, "");
    }
    // Accumulate negatively so that Long.MIN_VALUE can be read.
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multiplyLimit = limit / 10;
    long result = 0;
    for (; i < end; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw cannotRead(text, start, end, type, "");
      }
      if (result < multiplyLimit || result * 10 < limit + digit) {
        throw cannotRead(text, start, end, type, ": it is out of range");
      }
      result = result * 10 - digit;
    }
    long value = negative ? result : -result;
    if (type != DataType.BIGINT) {
      try {
        checkRange(value, type);
      } catch (FormatException e) {
        throw cannotRead(text, start, end, type, ": it is out of range");
      }
    }
    return value;
  }

  private static long parseTimestamp(CharSequence text, int start, int end) {
    long epochDay = readDate(text, start, end);
    if (epochDay == Long.MIN_VALUE) {
      throw cannotRead(text, start, end, DataType.TIMESTAMP, TIMESTAMP_HINT);
    }
    int position = start + 10;
    if (position == end) {
      return epochDay * MILLIS_PER_DAY;
    }
    char separator = text.charAt(position);
    int millisOfDay = separator == ' ' || separator == 'T' ? readTime(text, position + 1, end) : -1;
    if (millisOfDay < 0) {
      throw cannotRead(text, start, end, DataType.TIMESTAMP, TIMESTAMP_HINT);
    }
    return epochDay * MILLIS_PER_DAY + millisOfDay;
  }

  private static long parseDate(CharSequence text, int start, int end) {
    long epochDay = end - start == 10 ? readDate(text, start, end) : Long.MIN_VALUE;
    if (epochDay == Long.MIN_VALUE) {
      throw cannotRead(text, start, end, DataType.DATE, DATE_HINT);
    }
    return epochDay;
  }

  private static long parseTime(CharSequence text, int start, int end) {
    int millisOfDay = readTime(text, start, end);
    if (millisOfDay < 0) {
      throw cannotRead(text, start, end, DataType.TIME, TIME_HINT);
    }
    return millisOfDay;
  }

  /** The epoch day of {@code yyyy-MM-dd} at {@code start}, or Long.MIN_VALUE if it is not one. */
  private static long readDate(CharSequence text, int start, int end) {
    if (end - start < 10 || text.charAt(start + 4) != '-' || text.charAt(start + 7) != '-') {
      return Long.MIN_VALUE;
    }
    int year = digits(text, start, 4);
    int month = digits(text, start + 5, 2);
    int day = digits(text, start + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
      return Long.MIN_VALUE;
    }
    return epochDay(year, month, day);
  }

  /** The milliseconds of {@code HH:mm[:ss[.fraction]]} filling [start, end), or -1. */
  private static int readTime(CharSequence text, int start, int end) {
    if (end - start < 5 || text.charAt(start + 2) != ':') {
      return -1;
    }
    int hour = digits(text, start, 2);
    int minute = digits(text, start + 3, 2);
    int second = 0;
    int millis = 0;
    int position = start + 5;
    if (position < end) {
      if (end - position < 3 || text.charAt(position) != ':') {
        return -1;
      }
      second = digits(text, position + 1, 2);
      position += 3;
      if (position < end) {
        if (text.charAt(position) != '.' || end - position > 10) {
          return -1;
        }
        int scale = 100;
        for (int i = position + 1; i < end; i++) {
          int digit = text.charAt(i) - '0';
          if (digit < 0 || digit > 9) {
            return -1;
          }
          millis += digit * scale;
          scale /= 10;
        }
      }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return -1;
    }
    return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  }

  /** The number written by {@code count} digits at {@code start}, or -1. */
  private static int digits(CharSequence text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long epochDay(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  /** Appends the date of an epoch day as yyyy-MM-dd (H. Hinnant's civil_from_days). */
  private static void appendDate(StringBuilder text, long epochDay) {
    long shifted = epochDay + 719_468;
    long era = Math.floorDiv(shifted, 146_097);
    long dayOfEra = shifted - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthIndex = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0) {
      text.append('-');
      pad(text, -year, 4);
    } else if (year > 9999) {
      text.append('+').append(year);
    } else {
      pad(text, year, 4);
    }
    text.append('-');
    pad(text, month, 2);
    text.append('-');
    pad(text, day, 2);
  }

  private static void appendTime(StringBuilder text, int millisOfDay, boolean alwaysMillis) {
    int seconds = millisOfDay / 1000;
    pad(text, seconds / 3600, 2);
    text.append(':');
    pad(text, seconds / 60 % 60, 2);
    text.append(':');
    pad(text, seconds % 60, 2);
    int millis = millisOfDay % 1000;
    if (alwaysMillis || millis != 0) {
      text.append('.');
      pad(text, millis, 3);
    }
  }

  private static void pad(StringBuilder text, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      text.append('0');
    }
    text.append(digits);
  }

  private static boolean matchesIgnoringCase(
      CharSequence text, int start, int end, String lowerCaseWord) {
    if (end - start != lowerCaseWord.length()) {
      return false;
    }
    for (int i = 0; i < lowerCaseWord.length(); i++) {
      if (Character.toLowerCase(text.charAt(start + i)) != lowerCaseWord.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int skipSpaces(CharSequence text, int start, int end) {
    while (start < end && text.charAt(start) <= ' ') {
      start++;
    }
    return start;
  }

  private static int trimSpaces(CharSequence text, int start, int end) {
    while (end > start && text.charAt(end - 1) <= ' ') {
      end--;
    }
    return end;
  }

  static FormatException cannotRead(
      CharSequence text, int start, int end, DataType type, String detail) {
    return new FormatException(
        "cannot read " + quote(describe(text, start, end)) + " as " + type + detail);
  }

  /** The text of {@code text[start, end)} as a person would read it. */
  static String describe(CharSequence text, int start, int end) {
    if (text instanceof AsciiView view) {
      return view.decode(start, end);
    }
    return text.subSequence(start, end).toString();
  }

  /** {@code 'text'}, shortened if long, for messages. */
  static String quote(String text) {
    String shown =
        text.length() > MAX_QUOTED_TEXT ? text.substring(0, MAX_QUOTED_TEXT) + "..." : text;
    return "'" + shown.replace("\n", "\\n").replace("\r", "\\r") + "'";
  }
}
