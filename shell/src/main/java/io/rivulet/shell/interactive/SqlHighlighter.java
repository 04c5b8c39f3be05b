package io.rivulet.shell.interactive;

import io.rivulet.shell.script.SqlLexer;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours what is typed at the prompt: keywords, strings, numbers and comments. */
public final class SqlHighlighter implements Highlighter {
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
  static final AttributedStyle COMMENT =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK).italic();
  static final AttributedStyle QUOTED_NAME = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return highlight(buffer);
  }

  /** The buffer with its tokens styled. */
  public AttributedString highlight(String buffer) {
    AttributedStringBuilder text = new AttributedStringBuilder(buffer.length());
    for (SqlLexer.Token token : SqlLexer.tokenize(buffer)) {
      String part = token.text(buffer);
      AttributedStyle style = switch (token.kind()) {
        case WORD -> Keywords.isKeyword(part) ? KEYWORD : AttributedStyle.DEFAULT;
        case STRING -> STRING;
        case NUMBER -> NUMBER;
        case LINE_COMMENT, BLOCK_COMMENT -> COMMENT;
        case QUOTED_IDENTIFIER -> QUOTED_NAME;
        default -> AttributedStyle.DEFAULT;
      };
      text.styled(style, part);
    }
    return text.toAttributedString();
  }
}
