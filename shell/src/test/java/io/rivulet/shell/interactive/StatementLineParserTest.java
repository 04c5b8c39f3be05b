package io.rivulet.shell.interactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** A statement goes on under the continuation prompt until its ';'. */
class StatementLineParserTest {
  private final StatementLineParser parser = new StatementLineParser();

  @Test
  void aStatementIsCompleteAtItsSemicolon() {
    assertThat(StatementLineParser.isComplete("SELECT 1;")).isTrue();
    assertThat(StatementLineParser.isComplete("CREATE STREAM s (a BIGINT)\nWITH ('connector' = 'file');  ")).isTrue();
    assertThat(StatementLineParser.isComplete("SELECT 1; -- done")).isTrue();
    assertThat(StatementLineParser.isComplete("SELECT 1")).isFalse();
    assertThat(StatementLineParser.isComplete("SELECT ';")).isFalse();
    assertThat(StatementLineParser.isComplete("SELECT 1 -- ;")).isFalse();
    assertThat(StatementLineParser.isComplete("SELECT 1 /* ; */")).isFalse();
  }

  @Test
  void commandsAndEmptyInputNeedNoSemicolon() {
    assertThat(StatementLineParser.isComplete("help")).isTrue();
    assertThat(StatementLineParser.isComplete("  QUIT ")).isTrue();
    assertThat(StatementLineParser.isComplete("exit;")).isTrue();
    assertThat(StatementLineParser.isComplete("")).isTrue();
    assertThat(StatementLineParser.isComplete("-- just a note")).isTrue();
    assertThat(StatementLineParser.isComplete("/* still open")).isFalse();
  }

  @Test
  void acceptingAnUnfinishedStatementAsksForMoreLines() {
    assertThatThrownBy(() -> parser.parse("SELECT a\nFROM t", 15, ParseContext.ACCEPT_LINE))
        .isInstanceOf(EOFError.class);
    assertThat(parser.parse("SELECT a\nFROM t;", 16, ParseContext.ACCEPT_LINE).line()).isEqualTo("SELECT a\nFROM t;");
  }

  @Test
  void theWordAtTheCursorIsANameWithItsQualifier() {
    assertThat(parser.parse("SELECT b.pri FROM bids b", 12, ParseContext.COMPLETE).word()).isEqualTo("b.pri");
    assertThat(parser.parse("SELECT ", 7, ParseContext.COMPLETE).word()).isEmpty();
  }
}
