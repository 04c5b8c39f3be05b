package io.rivulet.parser;

import java.util.Objects;

/**
 * A query on its own (starting with SELECT, WITH, VALUES or a parenthesis), whose rows go to the client.
 *
 * @param query the query; its text is the statement's text
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record QueryStatement(QuerySource query, String text, Position position) implements Statement {

    /** Checks that no component is null. */
    public QueryStatement {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
