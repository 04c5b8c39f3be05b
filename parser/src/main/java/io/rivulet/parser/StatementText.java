package io.rivulet.parser;

import java.util.Objects;

/**
 * The source text of one statement of a script, as cut by {@link ScriptParser#split(String)}.
 *
 * @param text the text from the statement's first token to its last, without the ';' and without
 *     surrounding whitespace and comments
 * @param position where the text starts in the whole script
 */
public record StatementText(String text, Position position) {

    /** Checks that no component is null. */
    public StatementText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
