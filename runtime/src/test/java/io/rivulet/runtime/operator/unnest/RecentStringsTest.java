package io.rivulet.runtime.operator.unnest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    // Pieces too long to pack are found by their hash code, so these share a slot.
    String tail = "-longer-than-sixteen";
    assertThat(("Aa" + tail).hashCode()).isEqualTo(("BB" + tail).hashCode());
    String longAa = recent.piece("Aa" + tail + " ", 0, 22);
    assertThat(recent.piece(" BB" + tail, 1, 23)).isEqualTo("BB" + tail);
    assertThat(recent.piece("Aa" + tail + "!", 0, 22)).isEqualTo(longAa);
  }

  @Test
  void packedPiecesMatchOnlyPiecesOfTheSameLengthAndCharacters() {
    // "\0a" and "a" pack to the same longs; their lengths tell them apart.
    String a = recent.piece("xa", 1, 2);
    String zeroA = recent.piece("\0a!", 0, 2);
    assertThat(zeroA).isEqualTo("\0a");
    assertThat(recent.piece("ya", 1, 2)).isEqualTo("a");
    assertThat(a).isEqualTo("a");
    String sixteen = "abcdefghijklmnop";
    String cut = recent.piece(sixteen + "!", 0, 16);
    assertThat(recent.piece("!" + sixteen, 1, 17)).isSameAs(cut);
    assertThat(recent.piece("!abcdefghijklmnoq", 1, 17)).isEqualTo("abcdefghijklmnoq");
  }

  @Test
  void twoPiecesOfOneSetAreBothKeptAndAThirdDropsTheOlderOfThem() {
    List<String> same = threePiecesOfOneSet();
    String a = cut(same.get(0));
    String b = cut(same.get(1));
    assertThat(cut(same.get(0))).isSameAs(a);
    assertThat(cut(same.get(1))).isSameAs(b);

    String c = cut(same.get(2));
    assertThat(cut(same.get(2))).isSameAs(c);
    assertThat(cut(same.get(1))).isSameAs(b);
    String again = cut(same.get(0));
    assertThat(again).isEqualTo(same.get(0)).isNotSameAs(a);
  }

  /** {@code piece} cut out of a longer text, so that it is never that text itself. */
  private String cut(String piece) {
    return recent.piece("<" + piece + ">", 1, piece.length() + 1);
  }

  /** Three three-letter pieces whose packed keys fall into the same set of two ways. */
  private static List<String> threePiecesOfOneSet() {
    Map<Integer, List<String>> bySet = new HashMap<>();
    for (int n = 0; n < 26 * 26 * 26; n++) {
      char[] letters = {(char) ('a' + n / 676), (char) ('a' + n / 26 % 26), (char) ('a' + n % 26)};
      long low = 0;
      for (char letter : letters) {
        low = RecentStrings.packLow(low, letter);
      }
      List<String> set = bySet.computeIfAbsent(RecentStrings.firstWay(low, 0, 3), k -> new ArrayList<>());
      set.add(new String(letters));
      if (set.size() == 3) {
        return set;
      }
    }
    throw new AssertionError("no three pieces share a set");
  }

  @Test
  void packingAsTheTextIsScannedFindsThePieceCutBefore() {
    String text = "hello hello";
    long low = 0;
    long high = 0;
    for (int i = 6; i < 11; i++) {
      high = RecentStrings.packHigh(high, low);
      low = RecentStrings.packLow(low, text.charAt(i));
    }
    String first = recent.piece(text, 0, 5);
    assertThat(recent.packed(text, 6, 11, low, high)).isSameAs(first);
  }

  @Test
  void piecesBetweenSixteenAndThirtyTwoCharactersAreReusedToo() {
    String word = "a-word-of-twenty-five-chr";
    String first = recent.piece(word + " x", 0, word.length());
    assertThat(recent.piece("x " + word, 2, 2 + word.length())).isSameAs(first);
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
    assertThat(recent.piece("x 日木", 2, 4)).isEqualTo("日木");
  }
}
