package io.rivulet.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** A script cut into tokens, and the tokens cut into statements at the top-level ';' tokens. */
final class ScriptTokens {

    private final CharStream input;
    private final List<Token> tokens;
    private final Token endOfInput;

    private ScriptTokens(CharStream input, List<Token> tokens, Token endOfInput) {
        this.input = input;
        this.tokens = tokens;
        this.endOfInput = endOfInput;
    }

    /** Lexes a whole script, keeping the tokens that are neither whitespace nor comments; never fails. */
    static ScriptTokens lex(String script) {
        CharStream input = CharStreams.fromString(script);
        RivuletSqlLexer lexer = new RivuletSqlLexer(input);
        // The lexer has a rule for every character, so it reports nothing; this keeps stderr quiet regardless.
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        Token token = lexer.nextToken();
        while (token.getType() != Token.EOF) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(token);
            }
            token = lexer.nextToken();
        }
        return new ScriptTokens(input, tokens, token);
    }

    /** Returns the one-based position of a token's first character in the whole script. */
    static Position position(Token token) {
        return new Position(token.getLine(), token.getCharPositionInLine() + 1);
    }

    /** Returns the script's text from the first character of one token to the last character of another. */
    String text(Token first, Token last) {
        return input.getText(Interval.of(first.getStartIndex(), last.getStopIndex()));
    }

    /** Tells whether the last token is a ';', that is, whether the script ends with a complete statement. */
    boolean endsWithSemicolon() {
        return !tokens.isEmpty() && tokens.get(tokens.size() - 1).getType() == RivuletSqlLexer.SEMICOLON;
    }

    /** Fails when the script ends inside a string, a quoted identifier or a comment. */
    void failIfUnterminated() {
        if (tokens.isEmpty()) {
            return;
        }
        // An unterminated token runs to the end of the script, so only the last one can be.
        Token last = tokens.get(tokens.size() - 1);
        String detail = switch (last.getType()) {
            case RivuletSqlLexer.UNTERMINATED_STRING -> "unterminated string: the closing quote (') is missing";
            case RivuletSqlLexer.UNTERMINATED_QUOTED_IDENTIFIER ->
                    "unterminated quoted identifier: the closing back-quote (`) is missing";
            case RivuletSqlLexer.UNTERMINATED_DOUBLE_QUOTED ->
                    "unterminated double-quoted text: the closing double quote (\") is missing";
            case RivuletSqlLexer.UNTERMINATED_BLOCK_COMMENT -> "unterminated comment: the closing */ is missing";
            default -> null;
        };
        if (detail == null) {
            return;
        }
        throw new ParseException(detail, position(last), SyntaxErrors.shorten(last.getText()));
    }

    /** Returns the statements' tokens, skipping empty statements; the last one may lack its ';'. */
    List<StatementTokens> statements() {
        List<StatementTokens> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            if (token.getType() == RivuletSqlLexer.SEMICOLON) {
                if (!current.isEmpty()) {
                    statements.add(new StatementTokens(List.copyOf(current), endToken(token, ";")));
                    current.clear();
                }
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            statements.add(new StatementTokens(List.copyOf(current), endToken(endOfInput, null)));
        }
        return statements;
    }

    /** The end-of-file token a statement's parser sees, placed on the ';' or at the end of the script. */
    private static Token endToken(Token at, String text) {
        CommonToken end = new CommonToken(Token.EOF, text);
        end.setLine(at.getLine());
        end.setCharPositionInLine(at.getCharPositionInLine());
        end.setStartIndex(at.getStartIndex());
        end.setStopIndex(at.getStartIndex() - 1);
        return end;
    }

    /**
     * The tokens of one statement, without the ';'.
     *
     * @param tokens the statement's tokens, never empty
     * @param end an end-of-file token standing for the ';' (text ";") or the end of the script (no text)
     */
    record StatementTokens(List<Token> tokens, Token end) {

        /** Returns the statement's first token. */
        Token first() {
            return tokens.get(0);
        }

        /** Returns the statement's last token before the ';'. */
        Token last() {
            return tokens.get(tokens.size() - 1);
        }
    }
}
