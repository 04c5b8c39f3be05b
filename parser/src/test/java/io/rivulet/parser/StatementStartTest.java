package io.rivulet.parser;

import static io.rivulet.parser.Parsing.at;
import static io.rivulet.parser.Parsing.error;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors where a statement should begin. */
class StatementStartTest {

    private static final String STATEMENTS = "expected a statement (SELECT, INSERT INTO, CREATE STREAM, CREATE TABLE,"
            + " CREATE VIEW, EXPLAIN, SET, RESET, SHOW, DESCRIBE, DROP, STOP QUERY)";

    @Test
    void unknownStatementStart() {
        ParseException error = error("FOO BAR");

        assertThat(error.getMessage()).isEqualTo("syntax error at 1:1: unexpected 'FOO', " + STATEMENTS);
        assertThat(error.position()).isEqualTo(at(1, 1));
        assertThat(error.offendingToken()).isEqualTo("FOO");
    }

    @Test
    void unknownStatementStartLaterInTheScript() {
        ParseException error = error("SHOW STREAMS;\n\n   UPDATE t SET a = 1;");

        assertThat(error.getMessage()).isEqualTo("syntax error at 3:4: unexpected 'UPDATE', " + STATEMENTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "'text'", ")", "=", "`name`", "stream", "UPSERT", "ALTER"})
    void anythingElseIsNotAStatement(String start) {
        assertThat(error(start + " x").getMessage()).endsWith(STATEMENTS);
    }

    @Test
    void aStringAtTheStartIsQuotedOnce() {
        assertThat(error("'abc' x").getMessage()).isEqualTo("syntax error at 1:1: unexpected 'abc', " + STATEMENTS);
    }

    @Test
    void longTokensAreShortenedInMessages() {
        String longName = "a".repeat(60);

        ParseException error = error("SHOW STREAMS " + longName);

        assertThat(error.getMessage())
                .isEqualTo("syntax error at 1:14: unexpected '" + "a".repeat(37) + "...', expected ';'");
        assertThat(error.offendingToken()).isEqualTo(longName);
    }
}
