package io.rivulet.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.impl.Token;

/** Rewrites Calcite's syntax errors as one-line messages positioned in the whole script. */
final class QueryErrors {

    private static final Pattern CALCITE_POSITION = Pattern.compile("\\s*\\bat line \\d+, column \\d+");
    private static final Pattern NEAR_KEYWORD = Pattern.compile("^Incorrect syntax near the keyword '([^']+)'");
    private static final Pattern LEXICAL_ERROR =
            Pattern.compile("^Lexical error.*Encountered: (<EOF>|\"(.+)\" \\(\\d+\\)),? after : \"(.*)\"", Pattern.DOTALL);
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int END_OF_FILE_KIND = 0;

    private QueryErrors() {}

    /**
     * Returns the error for a Calcite parse failure.
     *
     * @param error Calcite's error, positioned in the query text
     * @param sql the query text
     * @param start where the query text starts in the whole script
     */
    static ParseException translate(SqlParseException error, String sql, Position start) {
        if (error.getCause() instanceof org.apache.calcite.sql.parser.impl.ParseException cause
                && cause.currentToken != null
                && cause.currentToken.next != null) {
            return unexpectedToken(cause, sql, start);
        }
        String message = error.getMessage() == null ? "invalid query" : error.getMessage();
        Position position = scriptPosition(sql, error.getPos(), start);
        Matcher nearKeyword = NEAR_KEYWORD.matcher(message);
        if (nearKeyword.find()) {
            return nearKeyword(nearKeyword.group(1), error, position);
        }
        Matcher lexical = LEXICAL_ERROR.matcher(message);
        if (lexical.find()) {
            return lexical(lexical.group(2), lexical.group(3), position);
        }
        String detail = CALCITE_POSITION.matcher(message).replaceAll("").replaceAll("\\s+", " ").strip();
        return new ParseException(detail, position, null);
    }

    private static boolean isReservedWord(String word) {
        return KEYWORD.matcher(word).matches()
                && org.apache.calcite.sql.parser.SqlParser.create("", QuerySource.parserConfig())
                        .getMetadata()
                        .isReservedWord(word.toUpperCase(java.util.Locale.ROOT));
    }

    private static ParseException unexpectedToken(
            org.apache.calcite.sql.parser.impl.ParseException cause, String sql, Position start) {
        Token next = cause.currentToken.next;
        String suffix = suffix(expected(cause.expectedTokenSequences, cause.tokenImage));
        if (next.kind == END_OF_FILE_KIND) {
            return new ParseException("unexpected end of input" + suffix, positionAfter(sql, start), null);
        }
        Position position = scriptPosition(sql, next.beginLine, next.beginColumn, start);
        if (suffix.contains("an identifier") && isReservedWord(next.image)) {
            return new ParseException(
                    "unexpected " + SyntaxErrors.quote(next.image)
                            + ", which is a reserved word; to use it as a name, quote it: `" + next.image + "`",
                    position,
                    next.image);
        }
        return new ParseException("unexpected " + SyntaxErrors.quote(next.image) + suffix, position, next.image);
    }

    /**
     * Calcite words errors at reserved keywords its own way. When some expected sequence starts with the
     * keyword itself, the trouble lies after it and Calcite cannot say where, so its wording is kept.
     */
    private static ParseException nearKeyword(String keyword, SqlParseException error, Position position) {
        int[][] sequences = error.getExpectedTokenSequences();
        String[] images = error.getTokenImages();
        boolean troubleAfterKeyword = false;
        if (sequences != null && images != null) {
            for (int[] sequence : sequences) {
                if (sequence.length > 0 && images[sequence[0]].equalsIgnoreCase("\"" + keyword + "\"")) {
                    troubleAfterKeyword = true;
                }
            }
        }
        String detail = troubleAfterKeyword
                ? "incorrect syntax near the keyword " + SyntaxErrors.quote(keyword)
                : "unexpected " + SyntaxErrors.quote(keyword) + suffix(expected(sequences, images));
        return new ParseException(detail, position, keyword);
    }

    /** Calcite's lexer reports the character it stopped at and the text it had read of the token so far. */
    private static ParseException lexical(String character, String tokenSoFar, Position position) {
        if (!tokenSoFar.isEmpty()) {
            Position tokenStart = position.column() > tokenSoFar.length()
                    ? new Position(position.line(), position.column() - tokenSoFar.length())
                    : position;
            return new ParseException("unexpected " + SyntaxErrors.quote(tokenSoFar), tokenStart, tokenSoFar);
        }
        if (character == null) {
            return new ParseException("unexpected end of input", position, null);
        }
        return new ParseException("unexpected character " + SyntaxErrors.quote(character), position, character);
    }

    private static String suffix(List<String> expected) {
        String expectation = SyntaxErrors.expectation(expected);
        return expectation.isEmpty() ? "" : ", " + expectation;
    }

    /** Describes the first tokens of Calcite's expected sequences: kinds of token first, end of input last. */
    private static List<String> expected(int[][] sequences, String[] images) {
        if (sequences == null || images == null) {
            return List.of();
        }
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> tokens = new LinkedHashSet<>();
        boolean endOfInput = false;
        for (int[] sequence : sequences) {
            if (sequence.length == 0) {
                continue;
            }
            String image = images[sequence[0]];
            if (image.equals("<EOF>")) {
                endOfInput = true;
            } else if (image.startsWith("<") && image.endsWith(">")) {
                String kind = kind(image.substring(1, image.length() - 1));
                if (kind != null) {
                    kinds.add(kind);
                }
            } else if (image.length() > 2 && image.startsWith("\"") && image.endsWith("\"")) {
                String literal = image.substring(1, image.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                tokens.add(KEYWORD.matcher(literal).matches() ? literal : "'" + literal + "'");
            }
        }
        List<String> items = new ArrayList<>();
        for (String kind : List.of("an identifier", "a number", "a string")) {
            if (kinds.remove(kind)) {
                items.add(kind);
            }
        }
        items.addAll(kinds);
        items.addAll(tokens);
        if (endOfInput) {
            items.add("end of input");
        }
        return items;
    }

    /** Names a kind of token of Calcite's grammar, or returns null for JDBC escapes nobody means to type. */
    private static String kind(String name) {
        if (name.contains("IDENTIFIER")) {
            return "an identifier";
        }
        if (name.contains("STRING")) {
            return "a string";
        }
        if (name.contains("NUMERIC") || name.contains("INTEGER")) {
            return "a number";
        }
        if (name.startsWith("LBRACE")) {
            return null;
        }
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Position scriptPosition(String sql, SqlParserPos position, Position start) {
        if (position == null || position.getLineNum() < 1 || position.getColumnNum() < 1) {
            return start;
        }
        return scriptPosition(sql, position.getLineNum(), position.getColumnNum(), start);
    }

    /**
     * Maps Calcite's position in the query text to the whole script. Calcite counts columns in UTF-16
     * units while scripts count them in code points, as ANTLR does; they differ after emoji and other
     * characters outside the Basic Multilingual Plane.
     */
    private static Position scriptPosition(String sql, int line, int column, Position start) {
        String[] lines = sql.split("\n", -1);
        if (line <= lines.length) {
            String text = lines[line - 1];
            int units = Math.min(column - 1, text.length());
            column = text.codePointCount(0, units) + 1 + (column - 1 - units);
        }
        return scriptPosition(line, column, start);
    }

    /** Maps a one-based line and column in the query text to the whole script. */
    static Position scriptPosition(int line, int column, Position start) {
        if (line == 1) {
            return new Position(start.line(), start.column() + column - 1);
        }
        return new Position(start.line() + line - 1, column);
    }

    /** Returns the position just after the query's last character, where its input ends. */
    private static Position positionAfter(String sql, Position start) {
        int line = (int) sql.chars().filter(character -> character == '\n').count() + 1;
        String lastLine = sql.substring(sql.lastIndexOf('\n') + 1);
        return scriptPosition(line, lastLine.codePointCount(0, lastLine.length()) + 1, start);
    }
}
