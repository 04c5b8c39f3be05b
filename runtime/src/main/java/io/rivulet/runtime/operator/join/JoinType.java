package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rows a join keeps: the matches only, the unmatched rows of one or both sides padded with
 * nulls, or the left rows that have (or have not) a match.
 *
 * <p>INNER, LEFT, RIGHT and FULL output the left columns followed by the right columns, those of a
 * side that may be padded with nulls becoming nullable. SEMI and ANTI output the left columns only:
 * SEMI each left row that has at least one match (once, however many it has), ANTI each left row
 * that has none, a row whose key holds a null included (the {@code NOT EXISTS} reading, not the
 * {@code NOT IN} one).
 */
public enum JoinType {
  INNER,
  LEFT,
  RIGHT,
  FULL,
  SEMI,
  ANTI;

  /** Whether a left row without a match is still emitted, with nulls for the right columns. */
  public boolean preservesLeft() {
    return this == LEFT || this == FULL;
  }

  /** Whether a right row without a match is still emitted, with nulls for the left columns. */
  public boolean preservesRight() {
    return this == RIGHT || this == FULL;
  }

  /** Whether the output carries the right columns (every type but SEMI and ANTI). */
  public boolean outputsRightColumns() {
    return this != SEMI && this != ANTI;
  }

  /**
   * The output columns for inputs {@code left} and {@code right}: the left columns, then for all
   * but SEMI and ANTI the right columns, the columns of a side padded with nulls made nullable.
   * Names are kept as they are; a planner that needs distinct names renames them.
   */
  public Schema outputSchema(Schema left, Schema right) {
    List<Field> fields = new ArrayList<>(left.size() + right.size());
    for (Field field : left.fields()) {
      fields.add(preservesRight() ? nullable(field) : field);
    }
    if (outputsRightColumns()) {
      for (Field field : right.fields()) {
        fields.add(preservesLeft() ? nullable(field) : field);
      }
    }
    return new Schema(fields);
  }

  private static Field nullable(Field field) {
    return field.nullable() ? field : new Field(field.name(), field.type(), true, field.typeName());
  }
}
