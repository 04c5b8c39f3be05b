package io.rivulet.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Reads names and string literals as written, without their quotes. */
final class Names {

    private Names() {}

    /** Returns an identifier's name: back-quotes removed and doubled back-quotes undone, case kept. */
    static String identifier(RivuletSqlParser.IdentifierContext context) {
        return identifier(context.start);
    }

    /** Returns the name an identifier token stands for. */
    static String identifier(Token token) {
        if (token.getType() != RivuletSqlParser.QUOTED_IDENTIFIER) {
            return token.getText();
        }
        String text = token.getText();
        String name = text.substring(1, text.length() - 1).replace("``", "`");
        if (name.isEmpty()) {
            throw SyntaxErrors.at(token, "a quoted identifier cannot be empty");
        }
        return name;
    }

    /** Tells whether a token can stand for a name (a plain or back-quoted identifier, a non-reserved keyword). */
    static boolean isIdentifier(Token token) {
        return SyntaxErrors.IDENTIFIER_START.contains(token.getType());
    }

    /** Returns a word in upper case, for comparisons and lookups that ignore case. */
    static String upper(String word) {
        return word.toUpperCase(Locale.ROOT);
    }

    /** Returns a dotted setting path's words joined with '.', identifiers unquoted and keywords as written. */
    static String path(RivuletSqlParser.SettingPathContext context) {
        List<String> names = new ArrayList<>();
        for (RivuletSqlParser.WordContext word : context.word()) {
            names.add(word(word));
        }
        return String.join(".", names);
    }

    /** Returns a word as written, or the name it stands for when it is a back-quoted identifier. */
    static String word(RivuletSqlParser.WordContext context) {
        return context.identifier() != null ? identifier(context.identifier()) : context.getText();
    }

    /** Returns the content of a single-quoted string token, with doubled quotes undone. */
    static String string(Token token) {
        String text = token.getText();
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    /** Returns the tokens of a parse tree in order. */
    static List<Token> tokens(ParseTree tree) {
        List<Token> tokens = new ArrayList<>();
        collect(tree, tokens);
        return tokens;
    }

    private static void collect(ParseTree tree, List<Token> tokens) {
        if (tree instanceof TerminalNode terminal) {
            tokens.add(terminal.getSymbol());
            return;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            collect(tree.getChild(i), tokens);
        }
    }
}
