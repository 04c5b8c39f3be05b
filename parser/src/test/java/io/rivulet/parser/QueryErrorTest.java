package io.rivulet.parser;

import static io.rivulet.parser.Parsing.at;
import static io.rivulet.parser.Parsing.error;
import static io.rivulet.parser.Parsing.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Syntax errors inside queries: Calcite's findings, positioned in the whole script. */
class QueryErrorTest {

    @Test
    void errorOnTheFirstLineOfAQueryIsShiftedByItsColumn() {
        ParseException error = error("SHOW STREAMS;   SELECT a FORM t");

        assertThat(error.getMessage()).isEqualTo("syntax error at 1:31: unexpected 't', expected one of: EXCEPT, FETCH,"
                + " FROM, INTERSECT, LIMIT, OFFSET, ORDER, MINUS, UNION, ',', end of input");
        assertThat(error.position()).isEqualTo(at(1, 31));
        assertThat(error.offendingToken()).isEqualTo("t");
    }

    @Test
    void errorOnTheSecondLineOfTheThirdStatementsQuery() {
        String script = "SHOW STREAMS;\n"
                + "CREATE VIEW v AS SELECT 1;\n"
                + "INSERT INTO sink SELECT a,\n"
                + "    b c d\n"
                + "  FROM t;\n"
                + "SHOW TABLES";

        ParseException error = error(script);

        assertThat(error.position()).isEqualTo(at(4, 9));
        assertThat(error.offendingToken()).isEqualTo("d");
        assertThat(error.getMessage()).startsWith("syntax error at 4:9: unexpected 'd', expected one of: ");
    }

    @Test
    void columnsAfterTheFirstLineAreNotShifted() {
        ParseException error = error("      SELECT a\n  FROM t\n  GROUP BY a b");

        assertThat(error.position()).isEqualTo(at(3, 14));
        assertThat(error.offendingToken()).isEqualTo("b");
    }

    @Test
    void tabsCountAsOneColumnInQueriesToo() {
        assertThat(error("\tSELECT\ta\tFORM\tt").position()).isEqualTo(at(1, 16));
    }

    @Test
    void columnsCountCodePointsEvenWhereCalciteCountsUtf16Units() {
        assertThat(error("SELECT '\uD83D\uDE00', a FORM t").position()).isEqualTo(at(1, 20));
        assertThat(error("SELECT 'é', a FORM t").position()).isEqualTo(at(1, 20));
        assertThat(error("SELECT a,\n '\uD83D\uDE00\uD83D\uDE00' b c").position()).isEqualTo(at(2, 9));
        assertThat(error("SELECT '\uD83D\uDE00' FROM t WHERE").position()).isEqualTo(at(1, 24));
    }

    @Test
    void endOfInputInsideAQueryIsPlacedJustAfterIt() {
        ParseException error = error("SELECT a\n  FROM t GROUP BY  ;  SHOW TABLES");

        assertThat(error.position()).isEqualTo(at(2, 18));
        assertThat(error.offendingToken()).isNull();
        assertThat(error.getMessage()).startsWith("syntax error at 2:18: unexpected end of input, expected one of: ");
    }

    @Test
    void longListsOfExpectedTokensAreCut() {
        String text = message("SELECT a FROM t WHERE");

        assertThat(text).startsWith("syntax error at 1:22: unexpected end of input, expected one of: an identifier,"
                + " a number, a string, ");
        assertThat(text).endsWith(", ...");
        assertThat(text.split(", ")).hasSizeLessThanOrEqualTo(12);
    }

    @Test
    void reservedKeywordWhereAnotherWasExpected() {
        ParseException error = error("SELECT a\nFROM WHERE x");

        assertThat(error.getMessage()).isEqualTo(
                "syntax error at 2:6: unexpected 'WHERE', expected one of: an identifier, LATERAL, TABLE, '(', UNNEST");
        assertThat(error.offendingToken()).isEqualTo("WHERE");
    }

    @Test
    void troubleAfterAKeywordKeepsCalcitesWording() {
        ParseException error = error("SELECT a FROM t WHERE b = 'x' AND");

        assertThat(error.getMessage()).isEqualTo("syntax error at 1:31: incorrect syntax near the keyword 'AND'");
    }

    @Test
    void unexpectedCharacters() {
        assertThat(message("SHOW TABLES; SELECT a # b FROM t"))
                .isEqualTo("syntax error at 1:23: unexpected character '#'");
        assertThat(message("SELECT a ! b FROM t")).isEqualTo("syntax error at 1:10: unexpected '!'");
    }

    @Test
    void doubleQuotedIdentifiersAreNotPartOfTheDialect() {
        ParseException error = error("SELECT \"a\" FROM t");

        assertThat(error.position()).isEqualTo(at(1, 8));
        assertThat(error.offendingToken()).isEqualTo("\"");
    }

    @Test
    void errorsInExplainedQueriesArePositioned() {
        assertThat(error("EXPLAIN PLAN FOR\n  SELECT * FROM (1)").position()).isEqualTo(at(2, 17));
        assertThat(error("EXPLAIN INSERT INTO s SELECT FROM t").position()).isEqualTo(at(1, 30));
    }

    @Test
    void querySourceParseReportsScriptPositions() {
        QuerySource query = new QuerySource("SELECT a\nFROM t WHERE", at(10, 5));

        assertThatThrownBy(query::parse)
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("syntax error at 11:13: unexpected end of input, expected one of: ")
                .extracting(thrown -> ((ParseException) thrown).position())
                .isEqualTo(at(11, 13));
    }

    @Test
    void querySourceMustHoldAQuery() {
        QuerySource insert = new QuerySource("INSERT INTO s SELECT 1", at(3, 4));

        assertThatThrownBy(insert::parse)
                .isInstanceOf(ParseException.class)
                .hasMessage("syntax error at 3:4: expected a query (SELECT, WITH, VALUES or a parenthesised query),"
                        + " found INSERT");
    }

    @Test
    void messagesNeverCarryCalcitesOwnPositions() {
        for (String script : new String[] {
            "SELECT a FORM t", "SELECT FROM t", "SELECT a FROM t WHERE b = 1 AND", "SELECT #", "SELECT CAST(1 AS)",
            "SELECT a FROM t GROUP BY", "SELECT a ! b", "SELECT 1 FROM t LIMIT 'x'",
        }) {
            assertThat(message(script)).doesNotContain("line ").doesNotContain("column ");
        }
    }
}
