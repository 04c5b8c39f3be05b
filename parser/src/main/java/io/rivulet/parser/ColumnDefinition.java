package io.rivulet.parser;

import java.util.Objects;

/**
 * One column of a CREATE STREAM or CREATE TABLE statement.
 *
 * @param name the column name as written (without back-quotes)
 * @param type the declared type; {@code TIMESTAMP(3)} for a processing-time column
 * @param notNull whether the column was declared NOT NULL (always true for a processing-time column)
 * @param proctime whether the column was declared as {@code name AS PROCTIME()}
 * @param position where the column's name is in the whole script
 */
public record ColumnDefinition(String name, TypeSpec type, boolean notNull, boolean proctime, Position position) {

    /** Checks that no component is null. */
    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(position, "position");
    }
}
