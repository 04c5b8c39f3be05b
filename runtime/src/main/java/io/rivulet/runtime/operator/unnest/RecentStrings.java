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

  /** Pieces up to this long, of Latin-1 characters, are known by their packed characters. */
  static final int PACKED_LENGTH = 16;

  private static final int BITS = 14;

  /** Marks a slot whose piece is known by its hash code and String rather than packed. */
  private static final long HASHED = -1;

  private final String[] strings = new String[1 << BITS];
  /**
   * Per slot three longs: for a packed piece its last eight characters, the eight before them,
   * and its length; for another piece its hash code, 0 and {@link #HASHED}.
   */
  private final long[] keys = new long[3 << BITS];

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
    int key = slot * 3;
    // For one length the packing is one-to-one, so equal keys mean equal pieces.
    if (keys[key + 2] == length && keys[key] == low && keys[key + 1] == high) {
      return strings[slot];
    }
    if (keys[key + 5] == length && keys[key + 3] == low && keys[key + 4] == high) {
      return strings[slot + 1];
    }
    String made = text.substring(start, end);
    // The newest piece takes the first way and the one there moves to the second, so the piece
    // dropped is the one used less recently.
    strings[slot + 1] = strings[slot];
    keys[key + 3] = keys[key];
    keys[key + 4] = keys[key + 1];
    keys[key + 5] = keys[key + 2];
    strings[slot] = made;
    keys[key] = low;
    keys[key + 1] = high;
    keys[key + 2] = length;
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
    int key = slot * 3;
    String known = strings[slot];
    if (keys[key + 2] == HASHED
        && keys[key] == hash
        && known.length() == length
        && text.regionMatches(start, known, 0, length)) {
      return known;
    }
    String made = text.substring(start, end);
    strings[slot] = made;
    keys[key] = hash;
    keys[key + 1] = 0;
    keys[key + 2] = HASHED;
    return made;
  }
}
