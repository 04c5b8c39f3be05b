package io.rivulet.parser;

import static io.rivulet.parser.Parsing.at;
import static io.rivulet.parser.Parsing.error;
import static io.rivulet.parser.Parsing.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How scripts are cut into statements: separators, comments, quotes, positions, split and isComplete. */
class ScriptStructureTest {

    @Test
    void emptyScriptsHaveNoStatements() {
        assertThat(ScriptParser.parse("")).isEmpty();
        assertThat(ScriptParser.parse("  \n\t ")).isEmpty();
        assertThat(ScriptParser.parse(";;  ;\n;")).isEmpty();
        assertThat(ScriptParser.parse("-- only a comment\n/* and another; */")).isEmpty();
    }

    @Test
    void statementsAreSeparatedBySemicolonsAndTheLastMayOmitIt() {
        List<Statement> statements = ScriptParser.parse("SHOW STREAMS; SHOW TABLES;\nSHOW VIEWS");

        assertThat(statements).containsExactly(
                new ShowStatement(ShowStatement.Kind.STREAMS, "SHOW STREAMS", at(1, 1)),
                new ShowStatement(ShowStatement.Kind.TABLES, "SHOW TABLES", at(1, 15)),
                new ShowStatement(ShowStatement.Kind.VIEWS, "SHOW VIEWS", at(2, 1)));
    }

    @Test
    void emptyStatementsAreSkipped() {
        List<Statement> statements = ScriptParser.parse(";;SHOW STREAMS;;\n ; SHOW TABLES;;");

        assertThat(statements).extracting(Statement::text).containsExactly("SHOW STREAMS", "SHOW TABLES");
        assertThat(statements).extracting(Statement::position).containsExactly(at(1, 3), at(2, 4));
    }

    @Test
    void semicolonsInsideStringsQuotedIdentifiersAndCommentsDoNotEndAStatement() {
        String script = "SELECT 'a;b', `c;d` /* e; */ FROM t -- f;\n WHERE x = 'it''s;'; SHOW TABLES";

        List<Statement> statements = ScriptParser.parse(script);

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).text())
                .isEqualTo("SELECT 'a;b', `c;d` /* e; */ FROM t -- f;\n WHERE x = 'it''s;'");
        assertThat(statements.get(1)).isEqualTo(new ShowStatement(ShowStatement.Kind.TABLES, "SHOW TABLES", at(2, 22)));
    }

    @Test
    void commentsAroundStatementsAreNotPartOfTheirText() {
        String script = "-- the streams\nSHOW STREAMS -- trailing\n; /* before */ SHOW /* inside */ TABLES /* after */";

        List<Statement> statements = ScriptParser.parse(script);

        assertThat(statements).containsExactly(
                new ShowStatement(ShowStatement.Kind.STREAMS, "SHOW STREAMS", at(2, 1)),
                new ShowStatement(ShowStatement.Kind.TABLES, "SHOW /* inside */ TABLES", at(3, 16)));
    }

    @Test
    void keywordsIgnoreCase() {
        assertThat(single("show Streams", ShowStatement.class).kind()).isEqualTo(ShowStatement.Kind.STREAMS);
        assertThat(single("Drop stream IF exists s", DropStatement.class).ifExists()).isTrue();
        assertThat(single("select 1", QueryStatement.class).query().sql()).isEqualTo("select 1");
    }

    @Test
    void positionsAreThoseOfTheWholeScript() {
        String script = "SHOW STREAMS;\n\n  -- a comment\n  CREATE TABLE t (\n    a INT,\n\tb VARCHAR\n  );\nSELECT 1";

        List<Statement> statements = ScriptParser.parse(script);

        assertThat(statements).extracting(Statement::position).containsExactly(at(1, 1), at(4, 3), at(8, 1));
        CreateTableStatement table = (CreateTableStatement) statements.get(1);
        assertThat(table.columns()).extracting(ColumnDefinition::position).containsExactly(at(5, 5), at(6, 2));
        assertThat(table.text()).isEqualTo("CREATE TABLE t (\n    a INT,\n\tb VARCHAR\n  )");
    }

    @Test
    void queryTextIsExactlyAsWrittenIncludingCommentsAndHints() {
        String script = "INSERT INTO sink\n  SELECT /*+ hint */ a -- why\n  FROM t  ;";

        InsertStatement insert = single(script, InsertStatement.class);

        assertThat(insert.query()).isEqualTo(new QuerySource("SELECT /*+ hint */ a -- why\n  FROM t", at(2, 3)));
        assertThat(insert.text()).isEqualTo("INSERT INTO sink\n  SELECT /*+ hint */ a -- why\n  FROM t");
    }

    @Test
    void theFirstErrorStopsParsing() {
        ParseException error = error("SHOW STREAMS; SHOW NOTHING; SHOW MORE");

        assertThat(error.position()).isEqualTo(at(1, 20));
        assertThat(error.offendingToken()).isEqualTo("NOTHING");
    }

    @Test
    void errorsInEarlierStatementsComeBeforeErrorsInLaterQueries() {
        ParseException error = error("SELECT FROM t;\nSHOW NOTHING");

        assertThat(error.position()).isEqualTo(at(1, 8));
    }

    @Test
    void unterminatedStringIsAnErrorAtItsStart() {
        ParseException error = error("SHOW STREAMS;\nSELECT 'abc;\nSHOW TABLES;");

        assertThat(error.getMessage()).isEqualTo("syntax error at 2:8: unterminated string: the closing quote (') is missing");
        assertThat(error.position()).isEqualTo(at(2, 8));
        assertThat(error.offendingToken()).isEqualTo("'abc; SHOW TABLES;");
    }

    @Test
    void unterminatedQuotedIdentifierIsAnErrorAtItsStart() {
        assertThat(Parsing.message("DESCRIBE `my table"))
                .isEqualTo("syntax error at 1:10: unterminated quoted identifier: the closing back-quote (`) is missing");
    }

    @Test
    void unterminatedCommentIsAnErrorAtItsStart() {
        assertThat(Parsing.message("SHOW STREAMS; /* not closed; SHOW TABLES;"))
                .isEqualTo("syntax error at 1:15: unterminated comment: the closing */ is missing");
        assertThat(Parsing.message("/* never closed *"))
                .isEqualTo("syntax error at 1:1: unterminated comment: the closing */ is missing");
    }

    @Test
    void unterminatedDoubleQuotedTextIsAnErrorAtItsStart() {
        assertThat(Parsing.message("SELECT \"a;"))
                .isEqualTo("syntax error at 1:8: unterminated double-quoted text: the closing double quote (\") is missing");
    }

    @Test
    void aCommentAtTheEndOfTheLastLineNeedsNoNewline() {
        assertThat(ScriptParser.parse("SHOW STREAMS -- done")).hasSize(1);
    }

    @Test
    void splitReturnsTrimmedTextsWithTheirPositions() {
        String script = "  SELECT ';' FROM t; -- x;\n /* ; */ CREATE VIEW `a;b` AS\n  SELECT 1 ;;  \nSHOW STREAMS";

        assertThat(ScriptParser.split(script)).containsExactly(
                new StatementText("SELECT ';' FROM t", at(1, 3)),
                new StatementText("CREATE VIEW `a;b` AS\n  SELECT 1", at(2, 10)),
                new StatementText("SHOW STREAMS", at(4, 1)));
    }

    @Test
    void splitDoesNotValidateStatements() {
        assertThat(ScriptParser.split("NOT SQL AT ALL; SELECT FROM WHERE"))
                .extracting(StatementText::text)
                .containsExactly("NOT SQL AT ALL", "SELECT FROM WHERE");
        assertThat(ScriptParser.split(" ;; -- nothing\n")).isEmpty();
    }

    @Test
    void splitRejectsUnterminatedStrings() {
        assertThatThrownBy(() -> ScriptParser.split("SELECT 1; SELECT 'x"))
                .isInstanceOf(ParseException.class)
                .hasMessage("syntax error at 1:18: unterminated string: the closing quote (') is missing");
    }

    @Test
    void isCompleteWhenTheTextEndsWithATopLevelSemicolon() {
        assertThat(ScriptParser.isComplete("SELECT 1;")).isTrue();
        assertThat(ScriptParser.isComplete("SELECT 1;  \n")).isTrue();
        assertThat(ScriptParser.isComplete("SELECT 1; -- done")).isTrue();
        assertThat(ScriptParser.isComplete("SELECT 1; /* done */ ")).isTrue();
        assertThat(ScriptParser.isComplete(";")).isTrue();
        assertThat(ScriptParser.isComplete("SELECT 1; SELECT 2;")).isTrue();
    }

    @Test
    void isNotCompleteWithoutATopLevelSemicolonAtTheEnd() {
        assertThat(ScriptParser.isComplete("")).isFalse();
        assertThat(ScriptParser.isComplete("   ")).isFalse();
        assertThat(ScriptParser.isComplete("SELECT 1")).isFalse();
        assertThat(ScriptParser.isComplete("SELECT 1; SELECT 2")).isFalse();
        assertThat(ScriptParser.isComplete("SELECT ';")).isFalse();
        assertThat(ScriptParser.isComplete("SELECT `;")).isFalse();
        assertThat(ScriptParser.isComplete("SELECT 1 -- ;")).isFalse();
        assertThat(ScriptParser.isComplete("SELECT 1 /* ; */")).isFalse();
        assertThat(ScriptParser.isComplete("SELECT 1; /* still in a comment")).isFalse();
        assertThat(ScriptParser.isComplete("SELECT 'it''s;")).isFalse();
    }

    @Test
    void statementsWithTabsAndWindowsLineEndsKeepTheirPositions() {
        List<Statement> statements = ScriptParser.parse("SHOW STREAMS;\r\n\tRESET k;\r\n");

        assertThat(statements.get(1)).isEqualTo(new ResetStatement(Optional.of("k"), "RESET k", at(2, 2)));
    }

    @Test
    void nothingIsPrintedForErrors() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            error("CREATE FOO");
            error("SHOW STREAMS x");
            error("CREATE STREAM s (a INT b INT)");
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }
}
