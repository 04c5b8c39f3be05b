package io.rivulet.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;

/**
 * Parses Rivulet scripts: statements separated by ';', with DDL and commands read by an ANTLR
 * grammar and queries checked by Calcite's parser.
 */
public final class ScriptParser {

    private ScriptParser() {}

    /**
     * Parses a whole script into its statements, in order; empty statements are skipped and the last
     * statement may omit its ';'.
     *
     * @throws ParseException at the first error, positioned in the whole script
     */
    public static List<Statement> parse(String script) {
        ScriptTokens tokens = ScriptTokens.lex(script);
        List<ScriptTokens.StatementTokens> pieces = tokens.statements();
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (i == pieces.size() - 1) {
                tokens.failIfUnterminated();
            }
            Statement statement = parse(pieces.get(i), tokens);
            checkQueries(statement);
            statements.add(statement);
        }
        return List.copyOf(statements);
    }

    /**
     * Splits a script into the texts of its statements without checking what they say, for a shell
     * that sends statements one by one; empty statements are skipped.
     *
     * @throws ParseException when the script ends inside a string, a quoted identifier or a comment
     */
    public static List<StatementText> split(String script) {
        ScriptTokens tokens = ScriptTokens.lex(script);
        tokens.failIfUnterminated();
        List<StatementText> texts = new ArrayList<>();
        for (ScriptTokens.StatementTokens piece : tokens.statements()) {
            texts.add(new StatementText(tokens.text(piece.first(), piece.last()), ScriptTokens.position(piece.first())));
        }
        return List.copyOf(texts);
    }

    /**
     * Tells whether text ends with a ';' that ends a statement, ignoring trailing whitespace and comments;
     * a shell shows its continuation prompt until it does. A ';' inside a string, a quoted identifier or
     * a comment does not count.
     */
    public static boolean isComplete(String text) {
        return ScriptTokens.lex(text).endsWithSemicolon();
    }

    private static Statement parse(ScriptTokens.StatementTokens piece, ScriptTokens tokens) {
        List<Token> source = new ArrayList<>(piece.tokens());
        source.add(piece.end());
        RivuletSqlParser parser = new RivuletSqlParser(new CommonTokenStream(new ListTokenSource(source)));
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrorStrategy());
        return new StatementBuilder(tokens).visit(parser.singleStatement().statement());
    }

    /** Parses every query of a statement with Calcite, so that syntax errors in queries surface now. */
    private static void checkQueries(Statement statement) {
        if (statement instanceof QueryStatement query) {
            query.query().parse();
        } else if (statement instanceof InsertStatement insert) {
            insert.query().parse();
        } else if (statement instanceof CreateViewStatement view) {
            view.query().parse();
        } else if (statement instanceof ExplainStatement explain) {
            checkQueries(explain.explained());
        }
    }
}
