package io.rivulet.parser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (columns) [WITH (options)]}: declares a bounded, static input.
 *
 * @param name the table name as written
 * @param ifNotExists whether IF NOT EXISTS was given
 * @param columns the columns in declared order
 * @param options the WITH options in written order
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record CreateTableStatement(
        String name,
        boolean ifNotExists,
        List<ColumnDefinition> columns,
        Map<String, String> options,
        String text,
        Position position)
        implements Statement {

    /** Checks the components and makes unmodifiable copies of the collections, keeping option order. */
    public CreateTableStatement {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
