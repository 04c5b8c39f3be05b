package io.rivulet.shell.interactive;

import io.rivulet.shell.script.SqlLexer;
import java.util.List;
import org.jline.reader.CompletingParsedLine;

/**
 * The buffer at the prompt as completion sees it: the word being typed ends at the cursor and is
 * a name (letters, digits, '_', '$', and '.' between a qualifier and a column), or the text of an
 * unclosed string, as in {@code WITH ('pa}; completing inside a string closes it.
 */
final class StatementLine implements CompletingParsedLine {
  private final String line;
  private final int cursor;
  private final int wordStart;
  private final boolean quoted;
  private final boolean inComment;

  private StatementLine(String line, int cursor, int wordStart, boolean quoted, boolean inComment) {
    this.line = line;
    this.cursor = cursor;
    this.wordStart = wordStart;
    this.quoted = quoted;
    this.inComment = inComment;
  }

  /** The word at {@code cursor} in {@code line}. */
  static StatementLine at(String line, int cursor) {
    String before = line.substring(0, cursor);
    List<SqlLexer.Token> tokens = SqlLexer.tokenize(before);
    SqlLexer.Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    if (last != null && last.kind() == SqlLexer.Kind.STRING && !last.terminated()) {
      return new StatementLine(line, cursor, last.start(), true, false);
    }
    boolean comment = last != null
        && (last.kind() == SqlLexer.Kind.LINE_COMMENT
            || last.kind() == SqlLexer.Kind.BLOCK_COMMENT && !last.terminated());
    int start = cursor;
    while (start > 0 && (SqlLexer.isWordPart(before.charAt(start - 1)) || before.charAt(start - 1) == '.')) {
      start--;
    }
    return new StatementLine(line, cursor, start, false, comment);
  }

  /** Whether the word is the inside of a string, after its opening quote. */
  boolean quoted() {
    return quoted;
  }

  boolean inComment() {
    return inComment;
  }

  /** Where the word starts in the line, its opening quote included. */
  int wordStart() {
    return wordStart;
  }

  @Override
  public String word() {
    return line.substring(quoted ? wordStart + 1 : wordStart, cursor);
  }

  @Override
  public int wordCursor() {
    return word().length();
  }

  @Override
  public int wordIndex() {
    return 0;
  }

  @Override
  public List<String> words() {
    return List.of(word());
  }

  @Override
  public String line() {
    return line;
  }

  @Override
  public int cursor() {
    return cursor;
  }

  @Override
  public CharSequence escape(CharSequence candidate, boolean complete) {
    if (!quoted) {
      return candidate;
    }
    return "'" + candidate.toString().replace("'", "''") + (complete ? "'" : "");
  }

  @Override
  public int rawWordCursor() {
    return cursor - wordStart;
  }

  @Override
  public int rawWordLength() {
    return cursor - wordStart;
  }
}
