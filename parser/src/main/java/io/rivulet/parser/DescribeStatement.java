package io.rivulet.parser;

import java.util.Objects;

/**
 * {@code DESCRIBE name} or {@code DESC name}: shows the columns of a stream, table or view.
 *
 * @param name the described object's name as written
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record DescribeStatement(String name, String text, Position position) implements Statement {

    /** Checks that no component is null. */
    public DescribeStatement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
