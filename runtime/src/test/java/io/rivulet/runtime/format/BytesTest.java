package io.rivulet.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesTest {
  private static final byte[] ALPHABET = {',', '\n', '"', 0, 1, 0x2B, 0x2D, (byte) 0x80, (byte) 0xAC, 'a', ' '};

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return bytes;
  }

  @Test
  void matchesFlagsExactlyTheEqualBytes() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] bytes = randomBytes(random, 8);
      byte value = ALPHABET[random.nextInt(ALPHABET.length)];
      long mask = Bytes.matches(Bytes.word(bytes, 0), Bytes.broadcast(value));
      for (int i = 0; i < 8; i++) {
        boolean flagged = (mask >>> (8 * i + 7) & 1) != 0;
        assertThat(flagged).isEqualTo(bytes[i] == value);
      }
      assertThat(mask & 0x7F7F7F7F7F7F7F7FL).isZero();
    }
  }

  @Test
  void mayMatchAnyFlagsEveryMatchAndOthersOnlyAfterOne() {
    Random random = new Random(11);
    long commas = Bytes.broadcast((byte) ',');
    long lineFeeds = Bytes.broadcast((byte) '\n');
    long quotes = Bytes.broadcast((byte) '"');
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] bytes = randomBytes(random, 8);
      long mask = Bytes.mayMatchAny(Bytes.word(bytes, 0), commas, lineFeeds, quotes);
      boolean matchedBelow = false;
      for (int i = 0; i < 8; i++) {
        boolean flagged = (mask >>> (8 * i + 7) & 1) != 0;
        boolean matches = bytes[i] == ',' || bytes[i] == '\n' || bytes[i] == '"';
        if (matches) {
          assertThat(flagged).isTrue();
        } else if (flagged) {
          assertThat(matchedBelow).isTrue();
        }
        matchedBelow |= matches;
      }
    }
  }

  @Test
  void indexOfFindsTheFirstOccurrenceInRange() {
    Random random = new Random(3);
    for (int trial = 0; trial < 5_000; trial++) {
      byte[] bytes = randomBytes(random, random.nextInt(40));
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      int limit = from + random.nextInt(bytes.length - from + 1);
      int expected = -1;
      for (int i = from; i < limit; i++) {
        if (bytes[i] == '\n') {
          expected = i;
          break;
        }
      }
      assertThat(Bytes.indexOf(bytes, from, limit, (byte) '\n')).isEqualTo(expected);
    }
  }
}
