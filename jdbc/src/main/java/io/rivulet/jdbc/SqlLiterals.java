package io.rivulet.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Renders Java values as SQL literals of Rivulet's dialect, for binding {@code ?} parameters:
 * strings quoted with embedded quotes doubled, numbers typed by their Java class, temporal values
 * as {@code TIMESTAMP '...'}, {@code DATE '...'} and {@code TIME '...'} literals, null as NULL.
 */
final class SqlLiterals {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private SqlLiterals() {}

  /** A literal of the type that fits the value's Java class. */
  static String render(Object value) throws SQLException {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String || value instanceof Character) {
      return string(value.toString());
    }
    if (value instanceof Boolean bool) {
      return bool ? "TRUE" : "FALSE";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      long number = ((Number) value).longValue();
      return number == Long.MIN_VALUE ? "(-9223372036854775807 - 1)" : Long.toString(number);
    }
    if (value instanceof BigInteger || value instanceof BigDecimal) {
      return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
    if (value instanceof Double number) {
      return approximate(Double.toString(number), "DOUBLE");
    }
    if (value instanceof Float number) {
      return "CAST(" + approximate(Float.toString(number), "REAL") + " AS REAL)";
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp(timestamp.toLocalDateTime());
    }
    if (value instanceof java.sql.Date date) {
      return date(date.toLocalDate());
    }
    if (value instanceof java.sql.Time time) {
      return time(Instant.ofEpochMilli(time.getTime()).atZone(ZoneId.systemDefault()).toLocalTime());
    }
    if (value instanceof java.util.Date date) {
      return timestamp(LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault()));
    }
    if (value instanceof LocalDateTime dateTime) {
      return timestamp(dateTime);
    }
    if (value instanceof LocalDate date) {
      return date(date);
    }
    if (value instanceof LocalTime time) {
      return time(time);
    }
    if (value instanceof Instant instant) {
      return timestamp(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
    if (value instanceof java.sql.Array array) {
      return array(Arrays.asList((Object[]) array.getArray()));
    }
    if (value instanceof Object[] elements) {
      return array(Arrays.asList(elements));
    }
    if (value instanceof List<?> elements) {
      return array(elements);
    }
    if (value instanceof byte[]) {
      throw new SQLFeatureNotSupportedException("Rivulet has no binary type; bind a String instead");
    }
    throw new SQLException("cannot bind a parameter of class " + value.getClass().getName()
        + "; bind a String, a number, a Boolean, a Timestamp, Date or Time, or a java.time "
        + "LocalDateTime, LocalDate or LocalTime", "22023");
  }

  /** A literal of the given {@link Types} type (as {@code setObject(index, value, type)} asks). */
  static String render(Object value, int sqlType) throws SQLException {
    if (value == null) {
      return nullOf(sqlType);
    }
    try {
      switch (sqlType) {
        case Types.BOOLEAN, Types.BIT -> {
          return render(toBoolean(value));
        }
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
          long number = value instanceof Number n ? new BigDecimal(n.toString()).longValueExact()
              : value instanceof Boolean b ? (b ? 1 : 0) : Long.parseLong(value.toString().trim());
          return "CAST(" + render(number) + " AS " + typeName(sqlType) + ")";
        }
        case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
          double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
          return "CAST(" + approximate(Double.toString(number), "DOUBLE") + " AS " + typeName(sqlType) + ")";
        }
        case Types.DECIMAL, Types.NUMERIC -> {
          return new BigDecimal(value.toString().trim()).toPlainString();
        }
        case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> {
          return value instanceof String text ? string(text) : "CAST(" + render(value) + " AS VARCHAR)";
        }
        case Types.TIMESTAMP -> {
          return value instanceof String text ? timestamp(java.sql.Timestamp.valueOf(text.trim()).toLocalDateTime())
              : value instanceof java.sql.Date date ? timestamp(date.toLocalDate().atStartOfDay())
              : value instanceof LocalDate date ? timestamp(date.atStartOfDay())
              : "CAST(" + render(value) + " AS TIMESTAMP)";
        }
        case Types.DATE -> {
          return value instanceof String text ? date(LocalDate.parse(text.trim()))
              : value instanceof LocalDateTime dateTime ? date(dateTime.toLocalDate())
              : value instanceof java.sql.Timestamp timestamp ? date(timestamp.toLocalDateTime().toLocalDate())
              : "CAST(" + render(value) + " AS DATE)";
        }
        case Types.TIME -> {
          return value instanceof String text ? time(LocalTime.parse(text.trim()))
              : value instanceof LocalDateTime dateTime ? time(dateTime.toLocalTime())
              : value instanceof java.sql.Timestamp timestamp ? time(timestamp.toLocalDateTime().toLocalTime())
              : "CAST(" + render(value) + " AS TIME)";
        }
        case Types.ARRAY, Types.JAVA_OBJECT, Types.OTHER -> {
          return render(value);
        }
        default -> throw new SQLFeatureNotSupportedException(
            "cannot bind a parameter as java.sql.Types " + sqlType + "; Rivulet has no such type");
      }
    } catch (NumberFormatException | ArithmeticException | java.time.format.DateTimeParseException e) {
      throw new SQLException("cannot convert '" + value + "' to " + typeName(sqlType) + ": " + e.getMessage(),
          "22018", e);
    } catch (IllegalArgumentException e) {
      throw new SQLException("cannot convert '" + value + "' to " + typeName(sqlType) + ": " + e.getMessage(),
          "22007", e);
    }
  }

  /** A typed NULL where the type is known, so that the planner can type it. */
  static String nullOf(int sqlType) {
    String type = typeName(sqlType);
    return type.equals("NULL") ? "NULL" : "CAST(NULL AS " + type + ")";
  }

  static String string(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String timestamp(LocalDateTime dateTime) {
    return "TIMESTAMP '" + TIMESTAMP.format(dateTime) + "'";
  }

  static String date(LocalDate date) {
    return "DATE '" + DATE.format(date) + "'";
  }

  static String time(LocalTime time) {
    return "TIME '" + (time.getNano() / 1_000_000 == 0 ? SECONDS : TIME).format(time) + "'";
  }

  private static String approximate(String digits, String type) {
    if (digits.equals("NaN") || digits.endsWith("Infinity")) {
      return "CAST('" + digits + "' AS " + type + ")";
    }
    return digits.contains("E") ? digits : digits + "E0";
  }

  private static String array(List<?> elements) throws SQLException {
    if (elements.isEmpty()) {
      throw new SQLException("cannot bind an empty array: its element type is unknown", "22023");
    }
    List<String> rendered = new ArrayList<>(elements.size());
    for (Object element : elements) {
      rendered.add(render(element));
    }
    return "ARRAY[" + String.join(", ", rendered) + "]";
  }

  private static boolean toBoolean(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof Number number) {
      return number.doubleValue() != 0;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equals("1")) {
      return true;
    }
    if (text.equalsIgnoreCase("false") || text.equals("0")) {
      return false;
    }
    throw new IllegalArgumentException("not a boolean");
  }

  /** The SQL type name for a {@link Types} code, or NULL when Rivulet has no such type. */
  static String typeName(int sqlType) {
    return switch (sqlType) {
      case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
      case Types.TINYINT -> "TINYINT";
      case Types.SMALLINT -> "SMALLINT";
      case Types.INTEGER -> "INTEGER";
      case Types.BIGINT -> "BIGINT";
      case Types.REAL -> "REAL";
      case Types.FLOAT, Types.DOUBLE -> "DOUBLE";
      case Types.DECIMAL, Types.NUMERIC -> "DECIMAL";
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> "VARCHAR";
      case Types.DATE -> "DATE";
      case Types.TIME -> "TIME";
      case Types.TIMESTAMP -> "TIMESTAMP";
      default -> "NULL";
    };
  }
}
