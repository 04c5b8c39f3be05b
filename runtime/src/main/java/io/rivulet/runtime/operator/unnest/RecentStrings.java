package io.rivulet.runtime.operator.unnest;

/**
 * Cuts pieces out of strings, handing out again a String it cut recently when the same short
 * piece recurs, instead of a new copy.
 *
 * <p>Split text repeats itself (the words of a text follow Zipf's law; tags, codes and
 * categories come from small sets), so most pieces were seen a moment ago. Reusing the earlier
 * String saves allocating and collecting one per piece, and its hash code is already computed and
 * cached when a hash exchange or a grouping reads it; equal keys that are the same object also
 * compare in one step. The table is direct-mapped and small, a newer piece simply replaces the one
 * in its slot, and only short pieces are kept, so the memory held stays bounded whatever the
 * input.
 *
 * <p>A piece of at most {@value #PACKED_LENGTH} Latin-1 characters is known by its characters
 * packed into two longs, which a caller scanning the text can build as it goes ({@link #pack}):
 * it is found and recognised without reading the table's Strings, which are scattered over the
 * heap and would cost a cache miss or two per piece to compare.
 */
final class RecentStrings {
  /** Longer pieces are rarely repeated and would cost more to compare than to copy. */
  static final int MAX_LENGTH = 32;

  /**
   * Pieces up to this long, of Latin-1 characters, are known by their packed characters: at most
   * 15, so that the second long has its top byte free for the length.
   */
  static final int PACKED_LENGTH = 15;

  private static final int BITS = 14;

  /** Marks a slot whose piece is known by its hash code and String rather than packed. */
  private static final long HASHED = -1;

  private final String[] strings = new String[1 << BITS];
  /**
   * Per slot two longs: for a packed piece its last eight characters, then the characters before
   * them with its length in the top byte; for another piece its hash code, then {@link #HASHED}.
   * The two ways of a set are 32 bytes side by side, so that a lookup reads one or two cache lines.
   */
  private final long[] keys = new long[2 << BITS];

  /** The first of two packed longs after appending the Latin-1 character {@code c}. */
  static long packLow(long low, char c) {
    return low << 8 | c;
  }

  /** The second of two packed longs after appending a character. */
  static long packHigh(long high, long low) {
    return high << 8 | low >>> 56;
  }

  /**
   * {@code text.substring(start, end)}, or an equal String handed out before, for a piece of at
   * most {@link #PACKED_LENGTH} Latin-1 characters packed by {@link #packLow} and {@link
   * #packHigh} from zero.
   */
  String packed(String text, int start, int end, long low, long high) {
    int length = end - start;
    if (length == 0) {
      return "";
    }
    int slot = firstWay(low, high, length);
    int key = slot * 2;
    // For one length the packing is one-to-one, so equal keys mean equal pieces.
    long tagged = high | (long) length << 56;
    long[] keys = this.keys;
    if (keys[key] == low && keys[key + 1] == tagged) {
      return strings[slot];
    }
    if (keys[key + 2] == low && keys[key + 3] == tagged) {
      return strings[slot + 1];
    }
    String made = text.substring(start, end);
    // The newest piece takes the first way and the one there moves to the second, so the piece
    // dropped is the one used less recently.
    strings[slot + 1] = strings[slot];
    keys[key + 2] = keys[key];
    keys[key + 3] = keys[key + 1];
    strings[slot] = made;
    keys[key] = low;
    keys[key + 1] = tagged;
    return made;
  }

  /**
   * The first of the two slots where a packed piece may be. Two ways per set: a piece that shares
   * its set with another frequent piece is not evicted by each occurrence of the other (with one
   * way, a Zipf text's common words kept evicting each other and a word in 14 was copied anew).
   */
  static int firstWay(long low, long high, int length) {
    long mixed = (low ^ high * 0x9E3779B97F4A7C15L ^ length) * 0xC2B2AE3D27D4EB4FL;
    return (int) (mixed >>> (64 - BITS)) & ~1;
  }

  /** {@code text.substring(start, end)}, or an equal String handed out before. */
  String piece(String text, int start, int end) {
    int length = end - start;
    if (length > MAX_LENGTH) {
      return text.substring(start, end);
    }
    long low = 0;
    long high = 0;
    int hash = 0;
    int wide = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      wide |= c;
      high = packHigh(high, low);
      low = packLow(low, c);
      hash = 31 * hash + c;
    }
    if (length <= PACKED_LENGTH && wide < 0x100) {
      return packed(text, start, end, low, high);
    }
    int slot = (hash * 0x9E3779B9) >>> (32 - BITS);
    int key = slot * 2;
    String known = strings[slot];
    if (keys[key + 1] == HASHED
        && keys[key] == hash
        && known.length() == length
        && text.regionMatches(start, known, 0, length)) {
      return known;
    }
    String made = text.substring(start, end);
    strings[slot] = made;
    keys[key] = hash;
    keys[key + 1] = HASHED;
    return made;
  }
}
