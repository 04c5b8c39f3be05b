package io.rivulet.parser;

import java.io.Serializable;

/**
 * A one-based line and column in a whole script; its string form is {@code line:column}.
 *
 * @param line the line, starting at 1
 * @param column the column within the line, starting at 1, counted in Unicode code points (a tab counts
 *     as one)
 */
public record Position(int line, int column) implements Serializable {

    /** Checks that both coordinates are one-based. */
    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are one-based, got " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
