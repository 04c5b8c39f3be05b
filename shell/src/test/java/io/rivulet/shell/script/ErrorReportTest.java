package io.rivulet.shell.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.RivuletException.Position;
import org.junit.jupiter.api.Test;

/** Errors at the prompt: message, line and column, and a caret under the place. */
class ErrorReportTest {
  @Test
  void underlinesTheNameTheErrorIsAbout() {
    RivuletException error = new RivuletException(Category.VALIDATION,
        "Column 'prize' not found in any table", new Position(2, 8), null);

    assertThat(ErrorReport.lines(error, "SELECT auction,\n       prize FROM bids;")).containsExactly(
        "validation error at line 2, column 8: Column 'prize' not found in any table",
        "  2 |        prize FROM bids;",
        "    |        ^^^^^");
  }

  @Test
  void keepsTabsSoThatTheCaretLinesUp() {
    RivuletException error = new RivuletException(Category.SYNTAX, "unexpected ';'", new Position(1, 4), null);

    assertThat(ErrorReport.lines(error, "\tx ;")).containsExactly(
        "syntax error at line 1, column 4: unexpected ';'",
        "  1 | \tx ;",
        "    | \t  ^");
  }

  @Test
  void anErrorWithoutAPlaceIsOneLine() {
    RivuletException error = new RivuletException(Category.CONNECTOR, "cannot read /nope");

    assertThat(ErrorReport.lines(error, "SELECT 1")).containsExactly("connector error: cannot read /nope");
  }
}
