package io.rivulet.parser;

import java.util.Objects;

/**
 * {@code EXPLAIN [PLAN FOR] query} or {@code EXPLAIN [PLAN FOR] INSERT INTO ...}: asks for a plan.
 *
 * @param explained the statement to explain, a {@link QueryStatement} or an {@link InsertStatement}
 * @param text the statement's source text, starting with EXPLAIN
 * @param position where the statement starts
 */
public record ExplainStatement(Statement explained, String text, Position position) implements Statement {

    /** Checks that no component is null and that the explained statement is a query or an INSERT. */
    public ExplainStatement {
        Objects.requireNonNull(explained, "explained");
        if (!(explained instanceof QueryStatement || explained instanceof InsertStatement)) {
            throw new IllegalArgumentException("only a query or an INSERT can be explained: " + explained);
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
