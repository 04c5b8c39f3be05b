package io.rivulet.jdbc;

import io.rivulet.runtime.RivuletException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with {@code ?} parameter markers, as given to {@code prepareStatement}. Binding replaces
 * each marker by a SQL literal; positions in errors about the bound text are mapped back to the
 * text as written. A {@code ?} inside a string, a quoted identifier or a comment is not a marker.
 */
final class SqlTemplate {
  private final String sql;
  private final int[] markers;

  private SqlTemplate(String sql, int[] markers) {
    this.sql = sql;
    this.markers = markers;
  }

  static SqlTemplate parse(String sql) {
    List<Integer> found = new ArrayList<>();
    int i = 0;
    int length = sql.length();
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '`' || c == '"') {
        i = skipQuoted(sql, i, c);
      } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? length : end + 1;
      } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? length : end + 2;
      } else {
        if (c == '?') {
          found.add(i);
        }
        i++;
      }
    }
    return new SqlTemplate(sql, found.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The index after a quoted run starting at {@code start}; a doubled quote stays inside. */
  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  String sql() {
    return sql;
  }

  int parameterCount() {
    return markers.length;
  }

  /** The text with marker {@code i} replaced by {@code literals[i]}. */
  Bound bind(String[] literals) {
    StringBuilder text = new StringBuilder(sql.length() + 16 * markers.length);
    int[] starts = new int[markers.length];
    int[] lengths = new int[markers.length];
    int copied = 0;
    for (int i = 0; i < markers.length; i++) {
      text.append(sql, copied, markers[i]);
      starts[i] = text.length();
      lengths[i] = literals[i].length();
      text.append(literals[i]);
      copied = markers[i] + 1;
    }
    text.append(sql, copied, sql.length());
    return new Bound(text.toString(), new PositionMap(sql, text.toString(), markers, starts, lengths));
  }

  /** SQL text ready to run and how to place its errors in the text as written. */
  record Bound(String text, PositionMap positions) {}

  /** Maps a line:column of bound text back to the text as written; columns count code points. */
  static final class PositionMap {
    private final String written;
    private final String bound;
    private final int[] markers;
    private final int[] starts;
    private final int[] lengths;

    private PositionMap(String written, String bound, int[] markers, int[] starts, int[] lengths) {
      this.written = written;
      this.bound = bound;
      this.markers = markers;
      this.starts = starts;
      this.lengths = lengths;
    }

    /** The map of text that was not rewritten. */
    static PositionMap identity() {
      return new PositionMap("", "", new int[0], new int[0], new int[0]);
    }

    RivuletException.Position map(RivuletException.Position position) {
      if (markers.length == 0) {
        return position;
      }
      int offset = offset(bound, position.line(), position.column());
      int delta = 0;
      int original = -1;
      for (int i = 0; i < markers.length && original < 0; i++) {
        if (offset < starts[i]) {
          original = offset - delta;
        } else if (offset < starts[i] + lengths[i]) {
          original = markers[i];
        } else {
          delta += lengths[i] - 1;
        }
      }
      if (original < 0) {
        original = offset - delta;
      }
      return position(written, Math.max(0, Math.min(original, written.length())));
    }

    private static int offset(String text, int line, int column) {
      int i = 0;
      for (int l = 1; l < line && i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          l++;
        }
      }
      for (int c = 1; c < column && i < text.length() && text.charAt(i) != '\n'; c++) {
        i += Character.charCount(text.codePointAt(i));
      }
      return i;
    }

    private static RivuletException.Position position(String text, int offset) {
      int line = 1;
      int column = 1;
      for (int i = 0; i < offset; ) {
        if (text.charAt(i) == '\n') {
          line++;
          column = 1;
          i++;
        } else {
          column++;
          i += Character.charCount(text.codePointAt(i));
        }
      }
      return new RivuletException.Position(line, column);
    }
  }
}
