package io.rivulet.runtime.format;

import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Reads values from UTF-8 bytes without making a String: integers, timestamps, doubles, decimals
 * and booleans in their common spellings take a fast path; everything else, and every error, goes
 * through {@link ValueFormat}, so that what is accepted and what the messages say stay exactly as
 * there. The text given has no surrounding spaces and is not empty. One instance serves one thread
 * (it remembers the last date it read, since timestamps in a file mostly share their date).
 */
final class ByteValueReader {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  /** Powers of ten a double holds exactly. */
  private static final double[] DOUBLE_POWERS = new double[16];
  /** Powers of ten a float holds exactly. */
  private static final float[] FLOAT_POWERS = new float[11];

  static {
    double power = 1;
    for (int i = 0; i < DOUBLE_POWERS.length; i++) {
      DOUBLE_POWERS[i] = power;
      if (i < FLOAT_POWERS.length) {
        FLOAT_POWERS[i] = (float) power;
      }
      power *= 10;
    }
  }

  private final AsciiView view = new AsciiView();

  private int lastYear = -1;
  private int lastMonth;
  private int lastDay;
  private long lastEpochDay;

  /** A plain decimal number found by {@link #scanDecimal}: (-1)^negative * magnitude / 10^scale. */
  private long magnitude;

  private boolean negative;
  private int scale;

  /**
   * Reads {@code bytes[start, end)} as the long a LONG vector stores for {@code type}.
   *
   * @throws FormatException as {@link ValueFormat#parseLong} does
   */
  long readLong(byte[] bytes, int start, int end, DataType type, long min, long max) {
    if (type == DataType.TIMESTAMP) {
      long millis = fastTimestamp(bytes, start, end);
      if (millis != Long.MIN_VALUE) {
        return millis;
      }
    } else if (type != DataType.DATE && type != DataType.TIME) {
      int i = start;
      boolean negative = bytes[i] == '-';
      if (negative) {
        i++;
      }
      int digits = end - i;
      if (digits > 0 && digits <= 18) {
        long value = 0;
        int invalid = 0;
        for (; i < end; i++) {
          int digit = bytes[i] - '0';
          invalid |= digit | (9 - digit);
          value = value * 10 + digit;
        }
        if (invalid >= 0) {
          value = negative ? -value : value;
          if (value >= min && value <= max) {
            return value;
          }
        }
      }
    }
    return ValueFormat.parseLong(view.reset(bytes, start, end - start), 0, end - start, type);
  }

  /** Reads a DOUBLE or FLOAT value; FLOAT text is rounded to float precision. */
  double readDouble(byte[] bytes, int start, int end, DataType type) {
    if (scanDecimal(bytes, start, end, 15)) {
      // Both operands are exact, so the one rounding of the division gives the correctly rounded
      // value, as Double.parseDouble does (Clinger's fast path); likewise for floats.
      if (type == DataType.FLOAT) {
        if (magnitude <= (1L << 24) && scale < FLOAT_POWERS.length) {
          float value = (float) magnitude / FLOAT_POWERS[scale];
          return negative ? -value : value;
        }
      } else {
        double value = (double) magnitude / DOUBLE_POWERS[scale];
        return negative ? -value : value;
      }
    }
    return ValueFormat.parseDouble(text(bytes, start, end), type);
  }

  BigDecimal readDecimal(byte[] bytes, int start, int end) {
    if (scanDecimal(bytes, start, end, 18)) {
      return BigDecimal.valueOf(negative ? -magnitude : magnitude, scale);
    }
    return ValueFormat.parseDecimal(text(bytes, start, end));
  }

  boolean readBoolean(byte[] bytes, int start, int end) {
    int length = end - start;
    if (length == 4
        && bytes[start] == 't'
        && bytes[start + 1] == 'r'
        && bytes[start + 2] == 'u'
        && bytes[start + 3] == 'e') {
      return true;
    }
    if (length == 5
        && bytes[start] == 'f'
        && bytes[start + 1] == 'a'
        && bytes[start + 2] == 'l'
        && bytes[start + 3] == 's'
        && bytes[start + 4] == 'e') {
      return false;
    }
    return ValueFormat.parseBoolean(view.reset(bytes, start, length), 0, length);
  }

  /** Any other type, through a String. */
  Object readObject(byte[] bytes, int start, int end, DataType type) {
    return ValueFormat.parse(text(bytes, start, end), type);
  }

  private static String text(byte[] bytes, int start, int end) {
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * Whether the text is {@code [-]digits[.digits]} with at most {@code maxDigits} digits; if so
   * remembers its sign, digits and scale.
   */
  private boolean scanDecimal(byte[] bytes, int start, int end, int maxDigits) {
    int i = start;
    boolean minus = bytes[i] == '-';
    if (minus) {
      i++;
    }
    int digits = 0;
    int point = -1;
    long value = 0;
    for (; i < end; i++) {
      int digit = bytes[i] - '0';
      if (digit >= 0 && digit <= 9) {
        value = value * 10 + digit;
        digits++;
      } else if (bytes[i] == '.' && point < 0 && digits > 0) {
        point = i;
      } else {
        return false;
      }
    }
    if (digits == 0 || digits > maxDigits || point == end - 1) {
      return false;
    }
    magnitude = value;
    negative = minus;
    scale = point < 0 ? 0 : end - point - 1;
    return true;
  }

  /**
   * Epoch milliseconds of {@code yyyy-MM-dd HH:mm:ss[.SSS]} (or with a {@code T}), or
   * Long.MIN_VALUE for any other text, which the general parser then reads or rejects.
   */
  private long fastTimestamp(byte[] bytes, int start, int end) {
    int length = end - start;
    if ((length != 23 && length != 19)
        || bytes[start + 4] != '-'
        || bytes[start + 7] != '-'
        || (bytes[start + 10] != ' ' && bytes[start + 10] != 'T')
        || bytes[start + 13] != ':'
        || bytes[start + 16] != ':'
        || (length == 23 && bytes[start + 19] != '.')) {
      return Long.MIN_VALUE;
    }
    int y0 = bytes[start] - '0';
    int y1 = bytes[start + 1] - '0';
    int y2 = bytes[start + 2] - '0';
    int y3 = bytes[start + 3] - '0';
    int mo0 = bytes[start + 5] - '0';
    int mo1 = bytes[start + 6] - '0';
    int d0 = bytes[start + 8] - '0';
    int d1 = bytes[start + 9] - '0';
    int h0 = bytes[start + 11] - '0';
    int h1 = bytes[start + 12] - '0';
    int mi0 = bytes[start + 14] - '0';
    int mi1 = bytes[start + 15] - '0';
    int s0 = bytes[start + 17] - '0';
    int s1 = bytes[start + 18] - '0';
    int f0 = 0;
    int f1 = 0;
    int f2 = 0;
    if (length == 23) {
      f0 = bytes[start + 20] - '0';
      f1 = bytes[start + 21] - '0';
      f2 = bytes[start + 22] - '0';
    }
    int invalid =
        y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | mo0 | (9 - mo0) | mo1
            | (9 - mo1) | d0 | (9 - d0) | d1 | (9 - d1) | h0 | (9 - h0) | h1 | (9 - h1) | mi0
            | (9 - mi0) | mi1 | (9 - mi1) | s0 | (9 - s0) | s1 | (9 - s1) | f0 | (9 - f0) | f1
            | (9 - f1) | f2 | (9 - f2);
    if (invalid < 0) {
      return Long.MIN_VALUE;
    }
    int year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3;
    int month = mo0 * 10 + mo1;
    int day = d0 * 10 + d1;
    int hour = h0 * 10 + h1;
    int minute = mi0 * 10 + mi1;
    int second = s0 * 10 + s1;
    if (hour > 23 || minute > 59 || second > 59) {
      return Long.MIN_VALUE;
    }
    long epochDay;
    if (year == lastYear && month == lastMonth && day == lastDay) {
      epochDay = lastEpochDay;
    } else {
      if (month < 1 || month > 12 || day < 1 || day > ValueFormat.monthLength(year, month)) {
        return Long.MIN_VALUE;
      }
      epochDay = ValueFormat.epochDay(year, month, day);
      lastYear = year;
      lastMonth = month;
      lastDay = day;
      lastEpochDay = epochDay;
    }
    int millis = f0 * 100 + f1 * 10 + f2;
    return epochDay * MILLIS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  }
}
