package io.rivulet.shell.interactive;

import io.rivulet.parser.ScriptParser;
import io.rivulet.shell.script.SqlLexer;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells jline when the input is finished: a statement goes on, line after line under the
 * continuation prompt, until it ends with a ';' (one in a string or a comment does not count);
 * HELP, QUIT and EXIT need none. For completion it finds the word at the cursor.
 */
public final class StatementLineParser implements Parser {
  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !isComplete(line)) {
      throw new EOFError(-1, -1, "a statement ends with ;", ";");
    }
    return StatementLine.at(line, Math.min(cursor, line.length()));
  }

  /** Whether {@code input} can run as it is: complete statements, a shell command, or nothing. */
  public static boolean isComplete(String input) {
    if (ShellCommand.of(input).isPresent()) {
      return true;
    }
    java.util.List<SqlLexer.Token> tokens = SqlLexer.tokenize(input);
    if (tokens.stream().allMatch(token -> !token.significant() && token.terminated())) {
      return true;
    }
    return ScriptParser.isComplete(input);
  }

  @Override
  public boolean isEscapeChar(char ch) {
    return false;
  }
}
