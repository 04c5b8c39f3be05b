package io.rivulet.planner.codegen.vector;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * String functions. Each calls the Calcite function the row path calls (or an exact equivalent),
 * so results are identical; what the vector path saves is the boxing and row building around it.
 * A function that throws needs the row path, which reports the error with the row.
 */
final class Strings {
  private Strings() {}

  /** A function of one string to a string (LOWER, TRIM, REPLACE with literal arguments, ...). */
  record Map(VectorExpression operand, UnaryOperator<String> function) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] x = ((Values.Objects) operand.evaluate(frame, rows)).values();
      Object[] out = new Object[frame.size()];
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          String value = (String) x[row];
          if (value != null) {
            out[row] = function.apply(value);
          }
        }
      } catch (RuntimeException e) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Objects(out);
    }
  }

  /** A function of one string to an INTEGER (CHAR_LENGTH, POSITION of a literal). */
  record Measure(VectorExpression operand, ToIntFunction<String> function)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] x = ((Values.Objects) operand.evaluate(frame, rows)).values();
      long[] out = new long[frame.size()];
      boolean[] nulls = null;
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          String value = (String) x[row];
          if (value != null) {
            out[row] = function.applyAsInt(value);
          } else {
            if (nulls == null) {
              nulls = new boolean[frame.size()];
            }
            nulls[row] = true;
          }
        }
      } catch (RuntimeException e) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Longs(out, nulls);
    }
  }

  /** A predicate of one string (LIKE a literal pattern). */
  record Test(VectorExpression operand, Predicate<String> predicate) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] x = ((Values.Objects) operand.evaluate(frame, rows)).values();
      boolean[] out = new boolean[frame.size()];
      boolean[] nulls = null;
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          String value = (String) x[row];
          if (value != null) {
            out[row] = predicate.test(value);
          } else {
            if (nulls == null) {
              nulls = new boolean[frame.size()];
            }
            nulls[row] = true;
          }
        }
      } catch (RuntimeException e) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Booleans(out, nulls);
    }
  }

  /** SUBSTRING(s FROM start [FOR length]) with INTEGER operands. */
  record Substring(VectorExpression string, VectorExpression start, VectorExpression length)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] x = ((Values.Objects) string.evaluate(frame, rows)).values();
      Values.Longs from = (Values.Longs) start.evaluate(frame, rows);
      Values.Longs count = length == null ? null : (Values.Longs) length.evaluate(frame, rows);
      Object[] out = new Object[frame.size()];
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          String value = (String) x[row];
          if (value == null || from.isNull(row) || (count != null && count.isNull(row))) {
            continue;
          }
          int begin = (int) from.values()[row];
          out[row] =
              count == null
                  ? SqlFunctions.substring(value, begin)
                  : SqlFunctions.substring(value, begin, (int) count.values()[row]);
        }
      } catch (RuntimeException e) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Objects(out);
    }
  }

  /** POSITION(needle IN haystack [FROM start]). */
  record Position(VectorExpression needle, VectorExpression haystack, VectorExpression start)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] n = ((Values.Objects) needle.evaluate(frame, rows)).values();
      Object[] h = ((Values.Objects) haystack.evaluate(frame, rows)).values();
      Values.Longs from = start == null ? null : (Values.Longs) start.evaluate(frame, rows);
      long[] out = new long[frame.size()];
      boolean[] nulls = null;
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          if (n[row] == null || h[row] == null || (from != null && from.isNull(row))) {
            if (nulls == null) {
              nulls = new boolean[frame.size()];
            }
            nulls[row] = true;
            continue;
          }
          out[row] =
              from == null
                  ? SqlFunctions.position((String) n[row], (String) h[row])
                  : SqlFunctions.position((String) n[row], (String) h[row], (int) from.values()[row]);
        }
      } catch (RuntimeException e) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Longs(out, nulls);
    }
  }

  /** REPLACE(s, search, replacement). */
  record Replace(VectorExpression string, VectorExpression search, VectorExpression replacement)
      implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] x = ((Values.Objects) string.evaluate(frame, rows)).values();
      Object[] s = ((Values.Objects) search.evaluate(frame, rows)).values();
      Object[] r = ((Values.Objects) replacement.evaluate(frame, rows)).values();
      Object[] out = new Object[frame.size()];
      int[] positions = rows.positions();
      try {
        for (int i = 0; i < rows.count(); i++) {
          int row = positions[i];
          if (x[row] != null && s[row] != null && r[row] != null) {
            out[row] = SqlFunctions.replace((String) x[row], (String) s[row], (String) r[row], true);
          }
        }
      } catch (RuntimeException e) {
        throw NeedsRowPath.INSTANCE;
      }
      return new Values.Objects(out);
    }
  }

  /** {@code ||} and CONCAT: NULL when any operand is NULL. */
  record Concat(List<VectorExpression> operands) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[][] parts = new Object[operands.size()][];
      for (int p = 0; p < parts.length; p++) {
        parts[p] = ((Values.Objects) operands.get(p).evaluate(frame, rows)).values();
      }
      Object[] out = new Object[frame.size()];
      int[] positions = rows.positions();
      StringBuilder text = new StringBuilder();
      rowLoop:
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        if (parts.length == 2) {
          Object a = parts[0][row];
          Object b = parts[1][row];
          if (a != null && b != null) {
            out[row] = ((String) a).concat((String) b);
          }
          continue;
        }
        text.setLength(0);
        for (Object[] part : parts) {
          Object value = part[row];
          if (value == null) {
            continue rowLoop;
          }
          text.append((String) value);
        }
        out[row] = text.toString();
      }
      return new Values.Objects(out);
    }
  }

  /** SPLIT(s, delimiter) as a list, for UNNEST and other uses of the whole array. */
  record Split(VectorExpression string, VectorExpression delimiter) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] x = ((Values.Objects) string.evaluate(frame, rows)).values();
      Object[] d = ((Values.Objects) delimiter.evaluate(frame, rows)).values();
      Object[] out = new Object[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        if (x[row] != null && d[row] != null) {
          out[row] = SqlFunctions.split((String) x[row], (String) d[row]);
        }
      }
      return new Values.Objects(out);
    }
  }

  /**
   * Where the pieces of {@code SPLIT(s, delimiter)} start, found once for all the items of one
   * string and delimiter a program takes (q22's {@code SPLIT(url, '/')[4]}, {@code [5]}, {@code
   * [6]}): per row, the starts of pieces 1 to {@code pieces + 1}, -1 from the first that does not
   * exist. {@code pieces} grows while the program is compiled, as items ask for more.
   */
  static final class SplitPieces implements VectorExpression {
    private final VectorExpression string;
    private final String delimiter;
    private int pieces;

    SplitPieces(VectorExpression string, String delimiter) {
      if (delimiter.isEmpty()) {
        throw new IllegalArgumentException("an empty delimiter has no pieces to find");
      }
      this.string = string;
      this.delimiter = delimiter;
    }

    /** Makes the starts of pieces up to {@code index} available; during compilation only. */
    void need(int index) {
      pieces = Math.max(pieces, index);
    }

    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Object[] x = ((Values.Objects) string.evaluate(frame, rows)).values();
      int stride = pieces + 1;
      int[] starts = new int[frame.size() * stride];
      int[] positions = rows.positions();
      int length = delimiter.length();
      char single = delimiter.charAt(0);
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        String value = (String) x[row];
        int base = row * stride;
        // Calcite's split gives no pieces for an empty string.
        int start = value == null || value.isEmpty() ? -1 : 0;
        starts[base] = start;
        for (int k = 1; k < stride; k++) {
          if (start >= 0) {
            int next = length == 1 ? value.indexOf(single, start) : value.indexOf(delimiter, start);
            start = next < 0 ? -1 : next + length;
          }
          starts[base + k] = start;
        }
      }
      return new Values.Pieces(x, starts, stride, length);
    }

    @Override
    public String toString() {
      return "SplitPieces[" + string + ", " + delimiter + ", " + pieces + "]";
    }
  }

  /** {@code SPLIT(s, delimiter)[index]} from the pieces found by a {@link SplitPieces}. */
  record SplitItem(VectorExpression pieces, int index) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      Values.Pieces found = (Values.Pieces) pieces.evaluate(frame, rows);
      Object[] x = found.strings();
      int[] starts = found.starts();
      int stride = found.stride();
      Object[] out = new Object[frame.size()];
      int[] positions = rows.positions();
      for (int i = 0; i < rows.count(); i++) {
        int row = positions[i];
        int at = row * stride + index - 1;
        int start = starts[at];
        if (start >= 0) {
          String value = (String) x[row];
          int next = starts[at + 1];
          out[row] = value.substring(start, next < 0 ? value.length() : next - found.delimiterLength());
        }
      }
      return new Values.Objects(out);
    }
  }

  /**
   * {@code SPLIT(s, delimiter)[index]} without building the list: the index-th piece (from 1),
   * NULL when there are fewer pieces, as Calcite's split and safe array item give it.
   */
  static String splitPart(String value, String delimiter, int index) {
    if (value.isEmpty() || index < 1) {
      return null;
    }
    if (delimiter.isEmpty()) {
      return index == 1 ? value : null;
    }
    if (delimiter.length() == 1) {
      return splitPart(value, delimiter.charAt(0), index);
    }
    int start = 0;
    for (int piece = 1; piece < index; piece++) {
      int next = value.indexOf(delimiter, start);
      if (next < 0) {
        return null;
      }
      start = next + delimiter.length();
    }
    int end = value.indexOf(delimiter, start);
    return end < 0 ? value.substring(start) : value.substring(start, end);
  }

  private static String splitPart(String value, char delimiter, int index) {
    int start = 0;
    for (int piece = 1; piece < index; piece++) {
      int next = value.indexOf(delimiter, start);
      if (next < 0) {
        return null;
      }
      start = next + 1;
    }
    int end = value.indexOf(delimiter, start);
    return end < 0 ? value.substring(start) : value.substring(start, end);
  }

  /**
   * {@code LOWER}: {@code toLowerCase(Locale.ROOT)} as Calcite's, with a fast path for ASCII, the
   * common case, where only A-Z change; a string already lower-case is returned as it is. Any other
   * character takes the JDK's path (the Kelvin sign lower-cases to an ASCII k, for one).
   */
  static String lower(String value) {
    int length = value.length();
    int i = 0;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        return value.toLowerCase(Locale.ROOT);
      }
      if (c >= 'A' && c <= 'Z') {
        break;
      }
    }
    if (i == length) {
      return value;
    }
    byte[] bytes = new byte[length];
    for (int j = 0; j < i; j++) {
      bytes[j] = (byte) value.charAt(j);
    }
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        return value.toLowerCase(Locale.ROOT);
      }
      bytes[i] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /**
   * {@code LOWER(value).equals(lowered)} without building the lower-case string when {@code value}
   * is ASCII. Before its first non-ASCII character, LOWER changes only A-Z and keeps every
   * position, so a difference there decides; a non-ASCII character (which may lower-case to ASCII,
   * or to two characters) sends the value to {@link #lower}.
   */
  static boolean lowerEquals(String value, String lowered) {
    int length = value.length();
    if (length != lowered.length()) {
      for (int i = 0; i < length; i++) {
        if (value.charAt(i) >= 0x80) {
          return lower(value).equals(lowered);
        }
      }
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        return lower(value).equals(lowered);
      }
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lowered.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code LOWER(value)} is one of {@code lowered}. */
  static boolean lowerEqualsAny(String value, String[] lowered) {
    for (String candidate : lowered) {
      if (lowerEquals(value, candidate)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code CHAR_LENGTH(REPLACE(value, search, replacement))} without building the replaced string:
   * String.replace replaces non-overlapping occurrences from the left, and an empty search
   * replaces nothing in Calcite's REPLACE.
   */
  static int replacedLength(String value, String search, String replacement) {
    if (search.isEmpty()) {
      return value.length();
    }
    int occurrences = 0;
    if (search.length() == 1) {
      char c = search.charAt(0);
      for (int i = value.indexOf(c); i >= 0; i = value.indexOf(c, i + 1)) {
        occurrences++;
      }
    } else {
      for (int i = value.indexOf(search); i >= 0; i = value.indexOf(search, i + search.length())) {
        occurrences++;
      }
    }
    return value.length() + occurrences * (replacement.length() - search.length());
  }

  /**
   * A LIKE pattern without escape whose only wildcards are {@code %} at its ends, as a plain
   * string test; null for any other pattern. {@code %} matches any characters, line breaks too.
   */
  static Predicate<String> simpleLike(String pattern) {
    if (pattern.indexOf('_') >= 0) {
      return null;
    }
    boolean leading = pattern.startsWith("%");
    boolean trailing = pattern.length() > (leading ? 1 : 0) && pattern.endsWith("%");
    String middle =
        pattern.substring(leading ? 1 : 0, pattern.length() - (trailing ? 1 : 0));
    if (middle.indexOf('%') >= 0) {
      return null;
    }
    if (leading && trailing) {
      return value -> value.contains(middle);
    }
    if (leading) {
      return value -> value.endsWith(middle);
    }
    if (trailing) {
      return value -> value.startsWith(middle);
    }
    return value -> value.equals(middle);
  }
}
