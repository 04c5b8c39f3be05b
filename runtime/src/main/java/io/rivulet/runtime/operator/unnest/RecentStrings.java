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
 */
final class RecentStrings {
  /** Longer pieces are rarely repeated and would cost more to compare than to copy. */
  static final int MAX_LENGTH = 32;

  private static final int BITS = 14;

  private final String[] strings = new String[1 << BITS];
  private final int[] hashes = new int[1 << BITS];

  /**
   * {@code text.substring(start, end)}, or an equal String handed out before.
   *
   * @param hash the {@link String#hashCode()} of the piece
   */
  String piece(String text, int start, int end, int hash) {
    int length = end - start;
    if (length == 0) {
      return "";
    }
    if (length > MAX_LENGTH) {
      return text.substring(start, end);
    }
    int slot = (hash * 0x9E3779B9) >>> (32 - BITS);
    String known = strings[slot];
    if (known != null
        && hashes[slot] == hash
        && known.length() == length
        && text.regionMatches(start, known, 0, length)) {
      return known;
    }
    String made = text.substring(start, end);
    strings[slot] = made;
    hashes[slot] = hash;
    return made;
  }

  /** {@code text.substring(start, end)}, or an equal String handed out before. */
  String piece(String text, int start, int end) {
    if (end - start > MAX_LENGTH) {
      return text.substring(start, end);
    }
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    return piece(text, start, end, hash);
  }
}
