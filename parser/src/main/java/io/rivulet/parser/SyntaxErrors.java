package io.rivulet.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;

/** Builds the one-line messages of syntax errors found by the ANTLR parser. */
final class SyntaxErrors {

    /** What a statement may start with, listed when a script has something else where a statement belongs. */
    static final String STATEMENT_KINDS = "a statement (SELECT, INSERT INTO, CREATE STREAM, CREATE TABLE, CREATE VIEW,"
            + " EXPLAIN, SET, RESET, SHOW, DESCRIBE, DROP, STOP QUERY)";

    private static final int MAXIMUM_QUOTED_LENGTH = 40;
    private static final int MAXIMUM_LISTED = 12;

    private static final ATN GRAMMAR = RivuletSqlParser._ATN;
    private static final IntervalSet STATEMENT_START = firstTokens(RivuletSqlParser.RULE_statement);
    private static final IntervalSet QUERY_START = firstTokens(RivuletSqlParser.RULE_query);
    private static final IntervalSet WORD_START = firstTokens(RivuletSqlParser.RULE_word);
    private static final IntervalSet TYPE_START = firstTokens(RivuletSqlParser.RULE_type);
    /** The token types that can be an identifier: plain, back-quoted, and non-reserved keywords. */
    static final IntervalSet IDENTIFIER_START = firstTokens(RivuletSqlParser.RULE_identifier);

    private SyntaxErrors() {}

    private static IntervalSet firstTokens(int rule) {
        return GRAMMAR.nextTokens(GRAMMAR.ruleToStartState[rule]);
    }

    /**
     * Returns the error for an unexpected token.
     *
     * @param token the offending token; an end-of-file token whose text is ";" stands for the ';' ending
     *     the statement, one without text for the end of the script
     * @param expected the token types the grammar allowed there
     * @param context the innermost rule being parsed, for wording that depends on it
     */
    static ParseException unexpected(Token token, IntervalSet expected, ParseTree context) {
        String offending = token.getText();
        String found = offending == null ? "end of input" : quote(offending);
        String expectation = expectation(describe(expected, context));
        String detail = "unexpected " + found + (expectation.isEmpty() ? "" : ", " + expectation)
                + hint(token, context);
        return new ParseException(detail, ScriptTokens.position(token), offending);
    }

    /** Returns an error located at a token, naming that token as the offending one. */
    static ParseException at(Token token, String detail) {
        return new ParseException(detail, ScriptTokens.position(token), token.getText());
    }

    /** Quotes text written by the user for a message: one line, shortened when long. */
    static String quote(String text) {
        String oneLine = shorten(text);
        // A string literal already carries its quotes; quoting it again would only confuse.
        return oneLine.startsWith("'") ? oneLine : "'" + oneLine + "'";
    }

    /** Puts text written by the user on one line, shortened when long. */
    static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.length() > MAXIMUM_QUOTED_LENGTH) {
            oneLine = oneLine.substring(0, MAXIMUM_QUOTED_LENGTH - 3) + "...";
        }
        return oneLine;
    }

    /** Words a list of expected things: "expected X", "expected X or Y" or "expected one of: X, Y, Z". */
    static String expectation(List<String> items) {
        List<String> listed = items;
        if (items.size() > MAXIMUM_LISTED) {
            listed = new ArrayList<>(items.subList(0, MAXIMUM_LISTED - 2));
            listed.add("...");
        }
        return switch (listed.size()) {
            case 0 -> "";
            case 1 -> "expected " + listed.get(0);
            case 2 -> "expected " + listed.get(0) + " or " + listed.get(1);
            default -> "expected one of: " + String.join(", ", listed);
        };
    }

    private static List<String> describe(IntervalSet expected, ParseTree context) {
        List<String> items = new ArrayList<>();
        if (containsAll(expected, STATEMENT_START)) {
            items.add(STATEMENT_KINDS);
            return items;
        }
        IntervalSet remaining = new IntervalSet(expected);
        if (containsAll(remaining, QUERY_START)) {
            items.add("a query");
            remaining = remaining.subtract(QUERY_START);
        }
        if (containsAll(remaining, WORD_START)) {
            // Where any word will do (in setting names), keywords need no mention of their own.
            items.add("an identifier");
            remaining = remaining.subtract(WORD_START);
        }
        if (containsAll(remaining, TYPE_START)) {
            items.add("a data type");
            remaining = remaining.subtract(TYPE_START);
        }
        if (containsAll(remaining, IDENTIFIER_START)) {
            items.add("an identifier");
            remaining = remaining.subtract(IDENTIFIER_START);
        }
        if (remaining.contains(RivuletSqlParser.STRING)) {
            items.add("a string");
        }
        if (remaining.contains(RivuletSqlParser.DECIMAL_VALUE)) {
            items.add("a number");
        } else if (remaining.contains(RivuletSqlParser.INTEGER_VALUE)) {
            items.add("an integer");
        }
        for (int type : remaining.toList()) {
            if (type != Token.EOF && type != RivuletSqlParser.STRING && type != RivuletSqlParser.DECIMAL_VALUE
                    && type != RivuletSqlParser.INTEGER_VALUE) {
                items.add(tokenName(type, context));
            }
        }
        if (remaining.contains(Token.EOF)) {
            // Each statement is parsed on its own, so its end is the ';' that closes it.
            items.add("';'");
        }
        return items;
    }

    private static boolean containsAll(IntervalSet set, IntervalSet subset) {
        return subset.subtract(set).isNil();
    }

    private static String tokenName(int type, ParseTree context) {
        return switch (type) {
            case RivuletSqlParser.INSERT -> "INSERT INTO";
            case RivuletSqlParser.PLAN -> "PLAN FOR";
            case RivuletSqlParser.OR -> "OR REPLACE";
            case RivuletSqlParser.STOP -> "STOP QUERY";
            case RivuletSqlParser.IF ->
                    within(context, RivuletSqlParser.DropStatementContext.class) ? "IF EXISTS" : "IF NOT EXISTS";
            default -> {
                // Punctuation shows as written, in quotes; keywords by name.
                String literal = RivuletSqlParser.VOCABULARY.getLiteralName(type);
                if (literal != null && !Character.isLetter(literal.charAt(1))) {
                    yield literal;
                }
                String symbolic = RivuletSqlParser.VOCABULARY.getSymbolicName(type);
                yield symbolic != null ? symbolic : RivuletSqlParser.VOCABULARY.getDisplayName(type);
            }
        };
    }

    private static boolean within(ParseTree context, Class<? extends ParseTree> rule) {
        for (ParseTree tree = context; tree != null; tree = tree.getParent()) {
            if (rule.isInstance(tree)) {
                return true;
            }
        }
        return false;
    }

    /** Suggests quoting where an unquoted name ran into a '-', which only quoted names may contain. */
    private static String hint(Token token, ParseTree context) {
        if (token.getType() != RivuletSqlParser.MINUS) {
            return "";
        }
        ParseTree statement = statement(context);
        if (statement instanceof RivuletSqlParser.SetStatementContext
                || statement instanceof RivuletSqlParser.ResetStatementContext) {
            return "; quote a key that contains '-', as in 'watermark.idle-timeout'";
        }
        if (statement instanceof RivuletSqlParser.StopQueryStatementContext) {
            return "; quote a query id that contains '-', as in STOP QUERY 'q-1'";
        }
        return "";
    }

    /** Returns the kind-specific rule of the statement being parsed, even once the parser has left it. */
    private static ParseTree statement(ParseTree context) {
        ParseTree root = context;
        while (root != null && root.getParent() != null) {
            root = root.getParent();
        }
        if (root instanceof RivuletSqlParser.SingleStatementContext single) {
            RivuletSqlParser.StatementContext statement = single.statement();
            if (statement != null && statement.getChildCount() > 0) {
                return statement.getChild(0);
            }
        }
        return null;
    }
}
