package io.rivulet.shell.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Keywords, strings, numbers and comments get their colours; names stay plain. */
class SqlHighlighterTest {
  private final SqlHighlighter highlighter = new SqlHighlighter();

  private static AttributedStyle styleAt(AttributedString text, String buffer, String part) {
    return text.styleAt(buffer.indexOf(part));
  }

  @Test
  void coloursEachKindOfToken() {
    String buffer = "select name, 42 FROM t WHERE s = 'it''s' -- note\n/* block */ AND `from` > 1.5";
    AttributedString text = highlighter.highlight(buffer);

    assertThat(text.toString()).isEqualTo(buffer);
    assertThat(styleAt(text, buffer, "select")).isEqualTo(SqlHighlighter.KEYWORD);
    assertThat(styleAt(text, buffer, "FROM")).isEqualTo(SqlHighlighter.KEYWORD);
    assertThat(styleAt(text, buffer, "name")).isEqualTo(AttributedStyle.DEFAULT);
    assertThat(styleAt(text, buffer, "42")).isEqualTo(SqlHighlighter.NUMBER);
    assertThat(styleAt(text, buffer, "1.5")).isEqualTo(SqlHighlighter.NUMBER);
    assertThat(styleAt(text, buffer, "'it''s'")).isEqualTo(SqlHighlighter.STRING);
    assertThat(text.styleAt(buffer.indexOf("'s'") + 1)).isEqualTo(SqlHighlighter.STRING);
    assertThat(styleAt(text, buffer, "-- note")).isEqualTo(SqlHighlighter.COMMENT);
    assertThat(styleAt(text, buffer, "block")).isEqualTo(SqlHighlighter.COMMENT);
    assertThat(styleAt(text, buffer, "`from`")).isEqualTo(SqlHighlighter.QUOTED_NAME);
  }

  @Test
  void anUnclosedStringIsAStringToTheEnd() {
    String buffer = "SELECT 'abc FROM";
    AttributedString text = highlighter.highlight(buffer);

    assertThat(styleAt(text, buffer, "FROM")).isEqualTo(SqlHighlighter.STRING);
  }
}
