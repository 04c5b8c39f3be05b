package io.rivulet.parser;

import java.util.Objects;

/**
 * {@code INSERT INTO target query}: a continuous query writing its rows to a sink.
 *
 * @param target the name of the stream or table written to, as written
 * @param query the query producing the rows
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record InsertStatement(String target, QuerySource query, String text, Position position) implements Statement {

    /** Checks that no component is null. */
    public InsertStatement {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
