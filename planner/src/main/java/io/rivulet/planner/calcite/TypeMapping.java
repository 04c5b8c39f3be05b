package io.rivulet.planner.calcite;

import io.rivulet.parser.TypeSpec;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Translates between declared types, Calcite's types and the runtime's types. */
public final class TypeMapping {
  private TypeMapping() {}

  /** The Calcite type of a declared column type. */
  public static RelDataType toRelType(TypeSpec spec, boolean nullable, RelDataTypeFactory factory) {
    List<Integer> parameters = spec.parameters();
    RelDataType type =
        switch (spec.name()) {
          case "BOOLEAN" -> factory.createSqlType(SqlTypeName.BOOLEAN);
          case "TINYINT" -> factory.createSqlType(SqlTypeName.TINYINT);
          case "SMALLINT" -> factory.createSqlType(SqlTypeName.SMALLINT);
          case "INTEGER" -> factory.createSqlType(SqlTypeName.INTEGER);
          case "BIGINT" -> factory.createSqlType(SqlTypeName.BIGINT);
          case "FLOAT", "DOUBLE" -> factory.createSqlType(SqlTypeName.DOUBLE);
          case "REAL" -> factory.createSqlType(SqlTypeName.REAL);
          case "DECIMAL" ->
              parameters.isEmpty()
                  ? factory.createSqlType(SqlTypeName.DECIMAL)
                  : parameters.size() == 1
                      ? factory.createSqlType(SqlTypeName.DECIMAL, parameters.get(0))
                      : factory.createSqlType(
                          SqlTypeName.DECIMAL, parameters.get(0), parameters.get(1));
          case "VARCHAR" ->
              parameters.isEmpty()
                  ? factory.createSqlType(SqlTypeName.VARCHAR)
                  : factory.createSqlType(SqlTypeName.VARCHAR, parameters.get(0));
          case "CHAR" ->
              parameters.isEmpty()
                  ? factory.createSqlType(SqlTypeName.CHAR)
                  : factory.createSqlType(SqlTypeName.CHAR, parameters.get(0));
          case "TIMESTAMP" ->
              factory.createSqlType(
                  SqlTypeName.TIMESTAMP, parameters.isEmpty() ? 3 : parameters.get(0));
          case "DATE" -> factory.createSqlType(SqlTypeName.DATE);
          case "TIME" -> factory.createSqlType(SqlTypeName.TIME);
          case "ARRAY" ->
              factory.createArrayType(
                  toRelType(
                      spec.elementType()
                          .orElseThrow(() -> new IllegalArgumentException("ARRAY without element")),
                      true,
                      factory),
                  -1);
          default ->
              throw new RivuletException(
                  Category.VALIDATION, "unsupported column type " + spec);
        };
    return factory.createTypeWithNullability(type, nullable);
  }

  /** The runtime type that holds values of a Calcite type. */
  public static DataType toDataType(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case BOOLEAN -> DataType.BOOLEAN;
      case TINYINT -> DataType.TINYINT;
      case SMALLINT -> DataType.SMALLINT;
      case INTEGER -> DataType.INTEGER;
      case BIGINT -> DataType.BIGINT;
      case REAL -> DataType.FLOAT;
      case FLOAT, DOUBLE -> DataType.DOUBLE;
      case DECIMAL -> DataType.DECIMAL;
      case CHAR, VARCHAR -> DataType.VARCHAR;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> DataType.TIMESTAMP;
      case DATE -> DataType.DATE;
      case TIME, TIME_WITH_LOCAL_TIME_ZONE -> DataType.TIME;
      case ARRAY, MULTISET -> DataType.ARRAY;
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> DataType.INTEGER;
      case INTERVAL_DAY,
          INTERVAL_DAY_HOUR,
          INTERVAL_DAY_MINUTE,
          INTERVAL_DAY_SECOND,
          INTERVAL_HOUR,
          INTERVAL_HOUR_MINUTE,
          INTERVAL_HOUR_SECOND,
          INTERVAL_MINUTE,
          INTERVAL_MINUTE_SECOND,
          INTERVAL_SECOND -> DataType.BIGINT;
      default -> DataType.OTHER;
    };
  }

  /** The runtime schema of a Calcite row type. */
  public static Schema toSchema(RelDataType rowType) {
    return toSchema(rowType, rowType.getFieldNames());
  }

  /** The runtime schema of a Calcite row type, with the given column names. */
  public static Schema toSchema(RelDataType rowType, List<String> names) {
    List<Field> fields = new ArrayList<>();
    List<RelDataTypeField> relFields = rowType.getFieldList();
    for (int i = 0; i < relFields.size(); i++) {
      RelDataType type = relFields.get(i).getType();
      fields.add(new Field(names.get(i), toDataType(type), type.isNullable(), typeName(type)));
    }
    return new Schema(fields);
  }

  /** The SQL name of a type as users write it, e.g. {@code VARCHAR} or {@code DECIMAL(10, 2)}. */
  public static String typeName(RelDataType type) {
    String full = type.getFullTypeString();
    String name = full.endsWith(" NOT NULL") ? full.substring(0, full.length() - 9) : full;
    if (name.startsWith("VARCHAR(") && type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED) {
      return "VARCHAR";
    }
    return name.replace(" CHARACTER SET \"UTF-16LE\"", "").replace(" CHARACTER SET \"ISO-8859-1\"", "");
  }
}
