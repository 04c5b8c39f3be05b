package io.rivulet.runtime.operator.unnest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentStringsTest {
  private final RecentStrings recent = new RecentStrings();

  @Test
  void aRecurringPieceIsTheStringHandedOutBefore() {
    String first = recent.piece("hello world", 0, 5);
    String again = recent.piece("say hello", 4, 9);
    assertThat(first).isEqualTo("hello");
    assertThat(again).isSameAs(first);
  }

  @Test
  void piecesWithEqualHashCodesStayApart() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    String aa = recent.piece("Aa BB", 0, 2);
    String bb = recent.piece("Aa BB", 3, 5);
    assertThat(aa).isEqualTo("Aa");
    assertThat(bb).isEqualTo("BB");
    assertThat(recent.piece("xAa", 1, 3)).isEqualTo("Aa");
  }

  @Test
  void theGivenHashIsTrustedOnlyTogetherWithTheCharacters() {
    String ab = recent.piece("ab!", 0, 2, "ab".hashCode());
    // "ba" under the hash of "ab" lands in its slot, is not taken for it, and replaces it.
    assertThat(recent.piece("ba!", 0, 2, "ab".hashCode())).isEqualTo("ba");
    assertThat(recent.piece("ab!", 0, 2, "ab".hashCode())).isNotSameAs(ab).isEqualTo("ab");
  }

  @Test
  void longPiecesAreCopiedEveryTime() {
    String text = "x".repeat(RecentStrings.MAX_LENGTH + 1) + " ";
    String first = recent.piece(text, 0, text.length() - 1);
    String again = recent.piece(text, 0, text.length() - 1);
    assertThat(again).isEqualTo(first).isNotSameAs(first);
  }

  @Test
  void anEmptyPieceIsTheEmptyString() {
    assertThat(recent.piece("a,,b", 2, 2)).isEmpty();
  }

  @Test
  void aPieceBeyondLatin1IsCutAndRecognised() {
    String first = recent.piece("日本 語", 0, 2);
    assertThat(first).isEqualTo("日本");
    assertThat(recent.piece("x 日本", 2, 4)).isSameAs(first);
  }
}
