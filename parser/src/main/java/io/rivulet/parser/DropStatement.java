package io.rivulet.parser;

import java.util.Objects;

/**
 * {@code DROP STREAM | TABLE | VIEW [IF EXISTS] name}: removes a catalog object.
 *
 * @param kind the kind of object dropped
 * @param name the object's name as written
 * @param ifExists whether IF EXISTS was given
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record DropStatement(Kind kind, String name, boolean ifExists, String text, Position position)
        implements Statement {

    /** The kinds of catalog object a DROP statement removes. */
    public enum Kind {
        STREAM,
        TABLE,
        VIEW
    }

    /** Checks that no component is null. */
    public DropStatement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
