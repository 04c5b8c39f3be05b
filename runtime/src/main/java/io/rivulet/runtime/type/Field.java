package io.rivulet.runtime.type;

import java.util.Objects;

/**
 * A named, typed column of a schema.
 *
 * @param name the column name as the user wrote it
 * @param type the run-time type
 * @param nullable whether the column may hold nulls
 * @param typeName the SQL type as shown to users, e.g. {@code VARCHAR} or {@code TIMESTAMP(3)}
 */
public record Field(String name, DataType type, boolean nullable, String typeName) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(typeName, "typeName");
  }

  public static Field of(String name, DataType type) {
    return new Field(name, type, true, type.name());
  }

  public Field withName(String newName) {
    return newName.equals(name) ? this : new Field(newName, type, nullable, typeName);
  }
}
