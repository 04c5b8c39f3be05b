package io.rivulet.shell.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell's lexer: every character in a token, quotes and comments that may be unclosed. */
class SqlLexerTest {
  private static List<String> kinds(String text) {
    return SqlLexer.tokenize(text).stream()
        .filter(SqlLexer.Token::significant)
        .map(token -> token.kind() + ":" + token.text(text) + (token.terminated() ? "" : "…"))
        .toList();
  }

  @Test
  void cutsWordsNumbersStringsAndPunctuation() {
    assertThat(kinds("SELECT a1, 'it''s', `x y`, 1.5e3 FROM t;")).containsExactly(
        "WORD:SELECT", "WORD:a1", "PUNCTUATION:,", "STRING:'it''s'", "PUNCTUATION:,",
        "QUOTED_IDENTIFIER:`x y`", "PUNCTUATION:,", "NUMBER:1.5e3", "WORD:FROM", "WORD:t", "PUNCTUATION:;");
  }

  @Test
  void knowsCommentsAndWhatIsLeftOpen() {
    String text = "a -- b ; c\n/* d */ 'e";
    assertThat(SqlLexer.tokenize(text)).extracting(SqlLexer.Token::kind).containsExactly(
        SqlLexer.Kind.WORD, SqlLexer.Kind.WHITESPACE, SqlLexer.Kind.LINE_COMMENT, SqlLexer.Kind.WHITESPACE,
        SqlLexer.Kind.BLOCK_COMMENT, SqlLexer.Kind.WHITESPACE, SqlLexer.Kind.STRING);
    assertThat(kinds("x /* open")).containsExactly("WORD:x");
    assertThat(SqlLexer.tokenize("x /* open").get(2).terminated()).isFalse();
    assertThat(kinds("'open")).containsExactly("STRING:'open…");
  }
}
