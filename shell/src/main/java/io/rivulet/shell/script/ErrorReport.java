package io.rivulet.shell.script;

import io.rivulet.runtime.RivuletException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An error as the interactive shell shows it: the message with its line and column, then the line
 * of the statement it is in with a caret under the place.
 *
 * <pre>
 * validation error at line 1, column 8: Column 'prize' not found in any table
 *   1 | SELECT prize FROM bids;
 *     |        ^^^^^
 * </pre>
 */
public final class ErrorReport {
  private ErrorReport() {}

  /** The lines reporting {@code error}, which is positioned in {@code source}. */
  public static List<String> lines(RivuletException error, String source) {
    List<String> lines = new ArrayList<>();
    Optional<RivuletException.Position> position = error.position();
    String label = error.category().label();
    if (position.isEmpty()) {
      lines.add(label + ": " + error.getMessage());
      return lines;
    }
    int line = position.get().line();
    int column = position.get().column();
    lines.add(label + " at line " + line + ", column " + column + ": " + error.getMessage());
    String text = TextPositions.line(source, line);
    if (text.isBlank() && column <= 1) {
      return lines;
    }
    String number = Integer.toString(line);
    String gutter = " ".repeat(number.length() + 3) + "| ";
    lines.add("  " + number + " | " + text);
    lines.add(gutter + indent(text, column) + "^".repeat(caretWidth(source, line, column)));
    return lines;
  }

  /** Blanks as wide as the text before {@code column}, keeping tabs so that the caret lines up. */
  private static String indent(String text, int column) {
    StringBuilder indent = new StringBuilder();
    int[] codePoints = text.codePoints().toArray();
    for (int i = 0; i < column - 1; i++) {
      indent.append(i < codePoints.length && codePoints[i] == '\t' ? '\t' : ' ');
    }
    return indent.toString();
  }

  /** The width of the token at the place, so that a misspelt name is underlined whole. */
  private static int caretWidth(String source, int line, int column) {
    int offset = TextPositions.offset(source, line, column);
    int lineEnd = source.indexOf('\n', offset);
    if (lineEnd < 0) {
      lineEnd = source.length();
    }
    for (SqlLexer.Token token : SqlLexer.tokenize(source)) {
      if (token.start() == offset && token.kind() != SqlLexer.Kind.WHITESPACE) {
        int end = Math.min(token.end(), lineEnd);
        return Math.max(1, Character.codePointCount(source, offset, end));
      }
      if (token.start() > offset) {
        break;
      }
    }
    return 1;
  }
}
