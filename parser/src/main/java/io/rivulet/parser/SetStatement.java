package io.rivulet.parser;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SET key = value} changes a setting; {@code SET} alone lists them.
 *
 * @param key the setting's name (a quoted string's content or a dotted path), empty for a bare SET
 * @param value the value: a quoted string's content, or a number, a number followed by a unit, an
 *     identifier or true/false as written; empty exactly when the key is
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record SetStatement(Optional<String> key, Optional<String> value, String text, Position position)
        implements Statement {

    /** Checks that the key and the value are both present or both empty. */
    public SetStatement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isPresent() != value.isPresent()) {
            throw new IllegalArgumentException("a SET statement has both a key and a value, or neither");
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
