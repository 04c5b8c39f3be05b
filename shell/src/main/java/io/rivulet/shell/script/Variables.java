package io.rivulet.shell.script;

import io.rivulet.runtime.RivuletException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code --define key=value} variables: {@code ${key}} anywhere in a script but in comments is
 * replaced by its value, {@code $${key}} stands for the text {@code ${key}} itself, and an
 * undefined key is an error at its place.
 */
public final class Variables {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\-]+");

  private final Map<String, String> values;

  public Variables(Map<String, String> values) {
    this.values = new TreeMap<>(values);
  }

  public static Variables none() {
    return new Variables(Map.of());
  }

  /**
   * The text with every {@code ${key}} replaced.
   *
   * @throws RivuletException naming the first undefined key, positioned in {@code text}
   */
  public Substituted substitute(String text) {
    if (text.indexOf("${") < 0) {
      return new Substituted(text, text, List.of());
    }
    StringBuilder result = new StringBuilder(text.length());
    List<Replacement> replacements = new ArrayList<>();
    List<SqlLexer.Token> tokens = SqlLexer.tokenize(text);
    int next = 0;
    int i = 0;
    while (i < text.length()) {
      while (next < tokens.size() && tokens.get(next).end() <= i) {
        next++;
      }
      SqlLexer.Token token = tokens.get(next);
      if (token.kind() == SqlLexer.Kind.LINE_COMMENT || token.kind() == SqlLexer.Kind.BLOCK_COMMENT) {
        result.append(text, i, token.end());
        i = token.end();
        continue;
      }
      char c = text.charAt(i);
      int close = text.startsWith("${", i) || text.startsWith("$${", i) ? text.indexOf('}', i) : -1;
      boolean escaped = text.startsWith("$${", i);
      String key = close < 0 ? null : text.substring(i + (escaped ? 3 : 2), close);
      if (key == null || !KEY.matcher(key).matches()) {
        result.append(c);
        i++;
      } else if (escaped) {
        int outStart = result.length();
        result.append("${");
        replacements.add(new Replacement(i, i + 3, outStart, result.length()));
        i += 3;
      } else {
        String value = values.get(key);
        if (value == null) {
          int[] at = TextPositions.lineAndColumn(text, i);
          throw new RivuletException(RivuletException.Category.VALIDATION,
              "${" + key + "} is not defined; pass --define " + key + "=value",
              new RivuletException.Position(at[0], at[1]), null);
        }
        int outStart = result.length();
        result.append(value);
        replacements.add(new Replacement(i, close + 1, outStart, result.length()));
        i = close + 1;
      }
    }
    return new Substituted(text, result.toString(), List.copyOf(replacements));
  }

  /** A span {@code [inStart, inEnd)} of the original replaced by {@code [outStart, outEnd)}. */
  private record Replacement(int inStart, int inEnd, int outStart, int outEnd) {}

  /** A script after substitution, able to map positions in it back to the text as written. */
  public static final class Substituted {
    private final String original;
    private final String text;
    private final List<Replacement> replacements;

    private Substituted(String original, String text, List<Replacement> replacements) {
      this.original = original;
      this.text = text;
      this.replacements = replacements;
    }

    public String text() {
      return text;
    }

    /** The place in the text as written of a place in the substituted text. */
    public RivuletException.Position original(RivuletException.Position position) {
      if (replacements.isEmpty()) {
        return position;
      }
      int offset = TextPositions.offset(text, position.line(), position.column());
      int originalOffset = offset;
      for (Replacement replacement : replacements) {
        if (replacement.outStart() > offset) {
          break;
        }
        originalOffset = offset < replacement.outEnd()
            ? replacement.inStart()
            : offset - replacement.outEnd() + replacement.inEnd();
      }
      int[] at = TextPositions.lineAndColumn(original, originalOffset);
      return new RivuletException.Position(at[0], at[1]);
    }

    /** The same error placed in the text as written. */
    public RivuletException original(RivuletException error) {
      if (error.position().isEmpty() || replacements.isEmpty()) {
        return error;
      }
      RivuletException placed = new RivuletException(error.category(), error.getMessage(),
          original(error.position().get()), error.getCause());
      placed.setStackTrace(error.getStackTrace());
      return placed;
    }
  }
}
