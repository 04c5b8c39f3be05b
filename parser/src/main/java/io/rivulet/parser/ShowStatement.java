package io.rivulet.parser;

import java.util.Objects;

/**
 * {@code SHOW STREAMS | TABLES | VIEWS | QUERIES | FUNCTIONS}: lists catalog objects or running queries.
 *
 * @param kind what to list
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record ShowStatement(Kind kind, String text, Position position) implements Statement {

    /** What a SHOW statement lists. */
    public enum Kind {
        STREAMS,
        TABLES,
        VIEWS,
        QUERIES,
        FUNCTIONS
    }

    /** Checks that no component is null. */
    public ShowStatement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
