package io.rivulet.parser;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name [(column, ...)] AS query}: names a query.
 *
 * @param name the view name as written
 * @param orReplace whether OR REPLACE was given
 * @param ifNotExists whether IF NOT EXISTS was given (never together with OR REPLACE)
 * @param columnNames the column names given after the view name, empty when there is no list
 * @param query the view's query
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record CreateViewStatement(
        String name,
        boolean orReplace,
        boolean ifNotExists,
        List<String> columnNames,
        QuerySource query,
        String text,
        Position position)
        implements Statement {

    /** Checks the components and copies the column names. */
    public CreateViewStatement {
        Objects.requireNonNull(name, "name");
        columnNames = List.copyOf(columnNames);
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
