package io.rivulet.jdbc;

import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A result column as JDBC describes it: its {@link Types} code, type name, precision, scale and
 * Java class, derived from the planned SQL type name and the run-time type of its values.
 *
 * @param dataType how values are held at run time (see {@link JdbcValues})
 */
record JdbcColumn(
    String name,
    DataType dataType,
    int sqlType,
    String typeName,
    boolean nullable,
    int precision,
    int scale,
    String className) {

  private static final Pattern PARAMETERS = Pattern.compile("\\((\\d+)(?:,\\s*(\\d+))?\\)");

  /** The JDBC view of a schema field. */
  static JdbcColumn of(Field field) {
    String typeName = field.typeName().toUpperCase(Locale.ROOT);
    if (typeName.endsWith(" NOT NULL")) {
      typeName = typeName.substring(0, typeName.length() - 9);
    }
    int sqlType = sqlType(typeName, field.type());
    int[] parameters = parameters(typeName);
    int precision;
    int scale = 0;
    switch (sqlType) {
      case Types.BOOLEAN -> precision = 1;
      case Types.TINYINT -> precision = 3;
      case Types.SMALLINT -> precision = 5;
      case Types.INTEGER -> precision = 10;
      case Types.BIGINT -> precision = 19;
      case Types.REAL -> precision = 7;
      case Types.FLOAT, Types.DOUBLE -> precision = 15;
      case Types.DECIMAL -> {
        precision = parameters.length > 0 ? parameters[0] : 19;
        scale = parameters.length > 1 ? parameters[1] : 0;
      }
      case Types.CHAR, Types.VARCHAR -> precision = parameters.length > 0 ? parameters[0] : Integer.MAX_VALUE;
      case Types.DATE -> precision = 10;
      case Types.TIME -> {
        scale = parameters.length > 0 ? parameters[0] : 0;
        precision = 8 + (scale > 0 ? scale + 1 : 0);
      }
      case Types.TIMESTAMP -> {
        scale = parameters.length > 0 ? parameters[0] : 3;
        precision = 19 + (scale > 0 ? scale + 1 : 0);
      }
      default -> precision = 0;
    }
    return new JdbcColumn(field.name(), field.type(), sqlType, typeName, field.nullable(), precision, scale,
        className(sqlType));
  }

  static List<JdbcColumn> of(List<Field> fields) {
    return fields.stream().map(JdbcColumn::of).toList();
  }

  /** The {@link Types} code of a SQL type name, falling back on the run-time type. */
  static int sqlType(String typeName, DataType dataType) {
    String upper = typeName.toUpperCase(Locale.ROOT);
    if (upper.startsWith("ARRAY") || upper.endsWith(" ARRAY") || upper.endsWith(" MULTISET")) {
      return Types.ARRAY;
    }
    String base = upper.split("[(<\\s]", 2)[0];
    switch (base) {
      case "BOOLEAN":
        return Types.BOOLEAN;
      case "TINYINT":
        return Types.TINYINT;
      case "SMALLINT":
        return Types.SMALLINT;
      case "INTEGER":
      case "INT":
        return Types.INTEGER;
      case "BIGINT":
        return Types.BIGINT;
      case "REAL":
        return Types.REAL;
      case "FLOAT":
        return Types.FLOAT;
      case "DOUBLE":
        return Types.DOUBLE;
      case "DECIMAL":
      case "NUMERIC":
        return Types.DECIMAL;
      case "CHAR":
        return Types.CHAR;
      case "VARCHAR":
        return Types.VARCHAR;
      case "DATE":
        return Types.DATE;
      case "TIME":
      case "TIME_WITH_LOCAL_TIME_ZONE":
        return Types.TIME;
      case "TIMESTAMP":
      case "TIMESTAMP_WITH_LOCAL_TIME_ZONE":
        return Types.TIMESTAMP;
      default:
        return sqlType(dataType);
    }
  }

  /** The {@link Types} code of values held as {@code dataType}. */
  static int sqlType(DataType dataType) {
    return switch (dataType) {
      case BOOLEAN -> Types.BOOLEAN;
      case TINYINT -> Types.TINYINT;
      case SMALLINT -> Types.SMALLINT;
      case INTEGER -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case FLOAT -> Types.REAL;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.DECIMAL;
      case VARCHAR -> Types.VARCHAR;
      case TIMESTAMP -> Types.TIMESTAMP;
      case DATE -> Types.DATE;
      case TIME -> Types.TIME;
      case ARRAY -> Types.ARRAY;
      case OTHER -> Types.OTHER;
    };
  }

  static String className(int sqlType) {
    return switch (sqlType) {
      case Types.BOOLEAN -> Boolean.class.getName();
      case Types.TINYINT -> Byte.class.getName();
      case Types.SMALLINT -> Short.class.getName();
      case Types.INTEGER -> Integer.class.getName();
      case Types.BIGINT -> Long.class.getName();
      case Types.REAL -> Float.class.getName();
      case Types.FLOAT, Types.DOUBLE -> Double.class.getName();
      case Types.DECIMAL -> java.math.BigDecimal.class.getName();
      case Types.CHAR, Types.VARCHAR -> String.class.getName();
      case Types.DATE -> java.sql.Date.class.getName();
      case Types.TIME -> java.sql.Time.class.getName();
      case Types.TIMESTAMP -> java.sql.Timestamp.class.getName();
      case Types.ARRAY -> java.sql.Array.class.getName();
      default -> Object.class.getName();
    };
  }

  /** The base name of an array's elements, e.g. VARCHAR for {@code VARCHAR ARRAY} or {@code ARRAY<VARCHAR>}. */
  static String elementTypeName(String typeName) {
    String upper = typeName.toUpperCase(Locale.ROOT);
    if (upper.startsWith("ARRAY<") && upper.endsWith(">")) {
      return upper.substring(6, upper.length() - 1).trim();
    }
    if (upper.endsWith(" ARRAY")) {
      return upper.substring(0, upper.length() - 6).trim();
    }
    return "OTHER";
  }

  private static int[] parameters(String typeName) {
    if (typeName.contains("<") || typeName.contains("ARRAY")) {
      return new int[0];
    }
    Matcher matcher = PARAMETERS.matcher(typeName);
    if (!matcher.find()) {
      return new int[0];
    }
    return matcher.group(2) == null
        ? new int[] {Integer.parseInt(matcher.group(1))}
        : new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
  }

  /** The width a tool needs to show any value of this column. */
  int displaySize() {
    return switch (sqlType) {
      case Types.BOOLEAN -> 5;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> precision + 1;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> 24;
      case Types.DECIMAL -> precision + 2;
      case Types.CHAR, Types.VARCHAR, Types.DATE, Types.TIME, Types.TIMESTAMP -> precision;
      default -> Integer.MAX_VALUE;
    };
  }

  boolean signed() {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
          Types.DECIMAL -> true;
      default -> false;
    };
  }
}
