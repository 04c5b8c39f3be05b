package io.rivulet.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** Shortcuts for the parser tests. */
final class Parsing {

    private Parsing() {}

    /** Parses a script that must hold exactly one statement, of the given kind. */
    static <T extends Statement> T single(String script, Class<T> kind) {
        List<Statement> statements = ScriptParser.parse(script);
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0)).isInstanceOf(kind);
        return kind.cast(statements.get(0));
    }

    /** Parses a script that must fail, and returns the error. */
    static ParseException error(String script) {
        ParseException error = catchThrowableOfType(ParseException.class, () -> ScriptParser.parse(script));
        assertThat(error).as("parsing %s should fail", script).isNotNull();
        assertThat(error.getMessage()).doesNotContain("\n");
        return error;
    }

    /** Returns the one-line message of a script's error. */
    static String message(String script) {
        return error(script).getMessage();
    }

    static Position at(int line, int column) {
        return new Position(line, column);
    }
}
