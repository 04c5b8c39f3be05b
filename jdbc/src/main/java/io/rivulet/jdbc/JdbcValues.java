package io.rivulet.jdbc;

import io.rivulet.runtime.format.ValueFormat;
import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Converts values as the engine holds them (see {@link DataType}: TIMESTAMP as epoch milliseconds
 * of a zone-less wall clock, DATE as days, TIME as milliseconds of the day) into what JDBC getters
 * return. A TIMESTAMP becomes a {@link Timestamp} showing the same wall clock in the JVM's zone,
 * as JDBC does for {@code TIMESTAMP WITHOUT TIME ZONE}. A conversion JDBC does not allow, or one
 * that would lose the value, is an error rather than a guess.
 */
final class JdbcValues {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private JdbcValues() {}

  /** What {@code getObject} returns for a value of {@code column}. */
  static Object object(Object value, JdbcColumn column) {
    if (value == null) {
      return null;
    }
    return switch (column.dataType()) {
      case TIMESTAMP -> Timestamp.valueOf(localDateTime((Long) value));
      case DATE -> java.sql.Date.valueOf(LocalDate.ofEpochDay(((Number) value).longValue()));
      case TIME -> time(localTime(((Number) value).intValue()));
      case ARRAY -> new RivuletArray(JdbcColumn.elementTypeName(column.typeName()), (List<?>) value);
      default -> value;
    };
  }

  static String string(Object value, JdbcColumn column) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return ValueFormat.format(value, column.dataType());
  }

  static boolean bool(Object value, JdbcColumn column) throws SQLException {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof Number number && column.dataType().isNumeric()) {
      return number.doubleValue() != 0;
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      if (trimmed.equalsIgnoreCase("true") || trimmed.equals("1")) {
        return true;
      }
      if (trimmed.equalsIgnoreCase("false") || trimmed.equals("0")) {
        return false;
      }
    }
    throw cannot(value, column, "boolean");
  }

  /** An integral value that must fit between {@code min} and {@code max}. */
  static long integral(Object value, JdbcColumn column, long min, long max, String javaType) throws SQLException {
    if (value == null) {
      return 0;
    }
    if ((value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
        && column.dataType().isNumeric()) {
      long number = ((Number) value).longValue();
      if (number >= min && number <= max) {
        return number;
      }
    }
    BigDecimal decimal = decimal(value, column, javaType);
    BigInteger whole = decimal.toBigInteger();
    if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new SQLDataException("value " + decimal.toPlainString() + " of column '" + column.name()
          + "' does not fit in a " + javaType, "22003");
    }
    return whole.longValue();
  }

  static double floating(Object value, JdbcColumn column, String javaType) throws SQLException {
    if (value == null) {
      return 0;
    }
    if (value instanceof Number number && column.dataType().isNumeric()) {
      return number.doubleValue();
    }
    if (value instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    if (value instanceof String text) {
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw cannot(value, column, javaType);
      }
    }
    throw cannot(value, column, javaType);
  }

  static BigDecimal decimal(Object value, JdbcColumn column, String javaType) throws SQLException {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number && column.dataType().isNumeric()) {
      if (value instanceof Double || value instanceof Float) {
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw cannot(value, column, javaType);
        }
        return BigDecimal.valueOf(d);
      }
      return BigDecimal.valueOf(number.longValue());
    }
    if (value instanceof Boolean bool) {
      return bool ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof String text) {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw cannot(value, column, javaType);
      }
    }
    throw cannot(value, column, javaType);
  }

  static BigDecimal decimal(Object value, JdbcColumn column, int scale) throws SQLException {
    BigDecimal decimal = decimal(value, column, "BigDecimal");
    return decimal == null ? null : decimal.setScale(scale, RoundingMode.HALF_UP);
  }

  /** The wall clock of a TIMESTAMP, DATE (at midnight) or timestamp text. */
  static LocalDateTime localDateTime(Object value, JdbcColumn column) throws SQLException {
    if (value == null) {
      return null;
    }
    switch (column.dataType()) {
      case TIMESTAMP:
        return localDateTime(((Number) value).longValue());
      case DATE:
        return LocalDate.ofEpochDay(((Number) value).longValue()).atStartOfDay();
      case VARCHAR:
        try {
          return Timestamp.valueOf(((String) value).trim()).toLocalDateTime();
        } catch (IllegalArgumentException e) {
          throw cannot(value, column, "Timestamp");
        }
      default:
        throw cannot(value, column, "Timestamp");
    }
  }

  static LocalDate localDate(Object value, JdbcColumn column) throws SQLException {
    if (value == null) {
      return null;
    }
    switch (column.dataType()) {
      case DATE:
        return LocalDate.ofEpochDay(((Number) value).longValue());
      case TIMESTAMP:
        return localDateTime(((Number) value).longValue()).toLocalDate();
      case VARCHAR:
        try {
          return LocalDate.parse(((String) value).trim());
        } catch (java.time.format.DateTimeParseException e) {
          throw cannot(value, column, "Date");
        }
      default:
        throw cannot(value, column, "Date");
    }
  }

  static LocalTime localTime(Object value, JdbcColumn column) throws SQLException {
    if (value == null) {
      return null;
    }
    switch (column.dataType()) {
      case TIME:
        return localTime(((Number) value).intValue());
      case TIMESTAMP:
        return localDateTime(((Number) value).longValue()).toLocalTime();
      case VARCHAR:
        try {
          return LocalTime.parse(((String) value).trim());
        } catch (java.time.format.DateTimeParseException e) {
          throw cannot(value, column, "Time");
        }
      default:
        throw cannot(value, column, "Time");
    }
  }

  /** A wall clock as the {@link Timestamp} of that wall clock in {@code zone}. */
  static Timestamp timestamp(LocalDateTime dateTime, ZoneId zone) {
    return dateTime == null ? null : Timestamp.from(dateTime.atZone(zone).toInstant());
  }

  static java.sql.Date date(LocalDate date, ZoneId zone) {
    return date == null ? null : new java.sql.Date(date.atStartOfDay(zone).toInstant().toEpochMilli());
  }

  static Time time(LocalTime time, ZoneId zone) {
    return time == null ? null : new Time(time.atDate(LocalDate.EPOCH).atZone(zone).toInstant().toEpochMilli());
  }

  static Time time(LocalTime time) {
    return time == null ? null : time(time, ZoneId.systemDefault());
  }

  /** {@code getObject(column, type)} for the types JDBC 4.2 names, and the java.time ones. */
  static <T> T as(Object value, JdbcColumn column, Class<T> type) throws SQLException {
    if (value == null) {
      return null;
    }
    Object converted;
    if (type == Object.class) {
      converted = object(value, column);
    } else if (type == String.class) {
      converted = string(value, column);
    } else if (type == Boolean.class) {
      converted = bool(value, column);
    } else if (type == Byte.class) {
      converted = (byte) integral(value, column, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    } else if (type == Short.class) {
      converted = (short) integral(value, column, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    } else if (type == Integer.class) {
      converted = (int) integral(value, column, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    } else if (type == Long.class) {
      converted = integral(value, column, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    } else if (type == Float.class) {
      converted = (float) floating(value, column, "float");
    } else if (type == Double.class) {
      converted = floating(value, column, "double");
    } else if (type == BigDecimal.class) {
      converted = decimal(value, column, "BigDecimal");
    } else if (type == BigInteger.class) {
      converted = decimal(value, column, "BigInteger").toBigInteger();
    } else if (type == Timestamp.class) {
      converted = Timestamp.valueOf(localDateTime(value, column));
    } else if (type == java.sql.Date.class) {
      converted = java.sql.Date.valueOf(localDate(value, column));
    } else if (type == Time.class) {
      converted = time(localTime(value, column));
    } else if (type == LocalDateTime.class) {
      converted = localDateTime(value, column);
    } else if (type == LocalDate.class) {
      converted = localDate(value, column);
    } else if (type == LocalTime.class) {
      converted = localTime(value, column);
    } else if (type == Instant.class && column.dataType() == DataType.TIMESTAMP) {
      converted = Instant.ofEpochMilli(((Number) value).longValue());
    } else if ((type == java.sql.Array.class || type == List.class) && column.dataType() == DataType.ARRAY) {
      converted = type == List.class ? value : object(value, column);
    } else {
      throw cannot(value, column, type.getSimpleName());
    }
    return type.cast(converted);
  }

  static LocalDateTime localDateTime(long epochMillis) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(epochMillis, 1000), Math.floorMod(epochMillis, 1000) * 1_000_000, ZoneOffset.UTC);
  }

  static LocalTime localTime(int millisOfDay) {
    return LocalTime.ofNanoOfDay(Math.floorMod(millisOfDay, MILLIS_PER_DAY) * 1_000_000L);
  }

  private static SQLException cannot(Object value, JdbcColumn column, String javaType) {
    return new SQLDataException("cannot read " + column.typeName() + " column '" + column.name() + "' (value '"
        + ValueFormat.format(value, column.dataType()) + "') as " + javaType, "22018");
  }
}
