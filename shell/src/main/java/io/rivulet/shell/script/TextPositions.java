package io.rivulet.shell.script;

/**
 * Converts between character offsets in a text and the one-based line and column that error
 * positions use: lines end at {@code '\n'} and columns count code points, a tab as one.
 */
public final class TextPositions {
  private TextPositions() {}

  /** The offset of {@code line:column}, clamped to the text when it lies past an end. */
  public static int offset(CharSequence text, int line, int column) {
    int offset = 0;
    for (int current = 1; current < line; current++) {
      int newline = indexOfNewline(text, offset);
      if (newline < 0) {
        return text.length();
      }
      offset = newline + 1;
    }
    for (int current = 1; current < column && offset < text.length(); current++) {
      char c = text.charAt(offset);
      if (c == '\n') {
        break;
      }
      offset += Character.isHighSurrogate(c) && offset + 1 < text.length() ? 2 : 1;
    }
    return offset;
  }

  /** The line (index 0) and column (index 1) of {@code offset}. */
  public static int[] lineAndColumn(CharSequence text, int offset) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = 1 + Character.codePointCount(text, lineStart, end);
    return new int[] {line, column};
  }

  /** The text of one-based line {@code line}, without its line break; empty past the end. */
  public static String line(CharSequence text, int line) {
    int start = offset(text, line, 1);
    if (start >= text.length() && line > 1 && lineAndColumn(text, text.length())[0] < line) {
      return "";
    }
    int end = indexOfNewline(text, start);
    String content = text.subSequence(start, end < 0 ? text.length() : end).toString();
    return content.endsWith("\r") ? content.substring(0, content.length() - 1) : content;
  }

  private static int indexOfNewline(CharSequence text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        return i;
      }
    }
    return -1;
  }
}
