package io.rivulet.parser;

import java.util.Objects;

/**
 * {@code STOP QUERY id}: ends a running continuous query.
 *
 * @param queryId the query's id, an identifier or a quoted string's content
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record StopQueryStatement(String queryId, String text, Position position) implements Statement {

    /** Checks that no component is null. */
    public StopQueryStatement {
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
