package io.rivulet.parser;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code RESET key} restores one setting's default; {@code RESET} and {@code RESET ALL} restore all.
 *
 * @param key the setting's name, empty to reset all settings
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record ResetStatement(Optional<String> key, String text, Position position) implements Statement {

    /** Checks that no component is null. */
    public ResetStatement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
