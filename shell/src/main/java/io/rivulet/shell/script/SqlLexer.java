package io.rivulet.shell.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into tokens for the shell: highlighting, completion and variable substitution need
 * to know where strings, comments and words are, on every key press and for incomplete text, so
 * this lexer is small, never fails and keeps whitespace and comments.
 */
public final class SqlLexer {
  /** What a token is. */
  public enum Kind {
    WORD,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    LINE_COMMENT,
    BLOCK_COMMENT,
    PUNCTUATION,
    WHITESPACE
  }

  /**
   * One token: characters {@code [start, end)} of the text.
   *
   * @param terminated false for a string, quoted identifier or block comment the text ends inside
   */
  public record Token(Kind kind, int start, int end, boolean terminated) {
    public String text(CharSequence source) {
      return source.subSequence(start, end).toString();
    }

    /** Whether the token is neither whitespace nor a comment. */
    public boolean significant() {
      return kind != Kind.WHITESPACE && kind != Kind.LINE_COMMENT && kind != Kind.BLOCK_COMMENT;
    }

    /** Whether this is the punctuation character {@code c}. */
    public boolean is(CharSequence source, char c) {
      return kind == Kind.PUNCTUATION && source.charAt(start) == c;
    }
  }

  private SqlLexer() {}

  /** The tokens of {@code text}, covering every character, in order. */
  public static List<Token> tokenize(CharSequence text) {
    List<Token> tokens = new ArrayList<>();
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        while (i < length && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.WHITESPACE, start, i, true));
      } else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
        while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
        tokens.add(new Token(Kind.LINE_COMMENT, start, i, true));
      } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
        int close = indexOf(text, "*/", i + 2);
        i = close < 0 ? length : close + 2;
        tokens.add(new Token(Kind.BLOCK_COMMENT, start, i, close >= 0));
      } else if (c == '\'' || c == '`' || c == '"') {
        int end = closingQuote(text, i, c);
        i = end < 0 ? length : end + 1;
        tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER, start, i, end >= 0));
      } else if (isDigit(c) || c == '.' && i + 1 < length && isDigit(text.charAt(i + 1))) {
        i = number(text, i);
        tokens.add(new Token(Kind.NUMBER, start, i, true));
      } else if (isWordStart(c)) {
        while (i < length && isWordPart(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, start, i, true));
      } else {
        i++;
        tokens.add(new Token(Kind.PUNCTUATION, start, i, true));
      }
    }
    return tokens;
  }

  public static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  public static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The index of the quote closing the one at {@code open}; doubled quotes stand for one. */
  private static int closingQuote(CharSequence text, int open, char quote) {
    int i = open + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }

  private static int number(CharSequence text, int start) {
    int i = start;
    int length = text.length();
    while (i < length && isDigit(text.charAt(i))) {
      i++;
    }
    if (i < length && text.charAt(i) == '.') {
      i++;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
      }
    }
    if (i + 1 < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int exponent = i + 1;
      if (text.charAt(exponent) == '+' || text.charAt(exponent) == '-') {
        exponent++;
      }
      if (exponent < length && isDigit(text.charAt(exponent))) {
        i = exponent;
        while (i < length && isDigit(text.charAt(i))) {
          i++;
        }
      }
    }
    return i;
  }

  private static int indexOf(CharSequence text, String needle, int from) {
    for (int i = from; i + needle.length() <= text.length(); i++) {
      boolean match = true;
      for (int j = 0; j < needle.length() && match; j++) {
        match = text.charAt(i + j) == needle.charAt(j);
      }
      if (match) {
        return i;
      }
    }
    return -1;
  }
}
