package io.rivulet.runtime.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches eight bytes at a time ("SIMD within a register"): a record's line feed, a CSV
 * field's delimiter. Words are read little-endian, so the lowest set bit of a match mask belongs
 * to the first matching byte.
 */
final class Bytes {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Bytes() {}

  /** The eight bytes at {@code index} (which must leave eight bytes in the array) as a word. */
  static long word(byte[] bytes, int index) {
    return (long) LONGS.get(bytes, index);
  }

  /** A word of eight copies of {@code value}, for {@link #matches}. */
  static long broadcast(byte value) {
    return (value & 0xFFL) * ONES;
  }

  /**
   * 0x80 in every byte of {@code word} that equals the byte repeated in {@code pattern}, 0 in the
   * others; exact, with no false positives from carries.
   */
  static long matches(long word, long pattern) {
    long x = word ^ pattern;
    return ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
  }

  /**
   * 0x80 in every byte of {@code word} that equals a byte of one of the three patterns, and perhaps
   * in bytes after such a byte (a borrow carried up from it): cheaper than three exact {@link
   * #matches}, for a caller that looks at each byte found anyway.
   */
  static long mayMatchAny(long word, long first, long second, long third) {
    long x = word ^ first;
    long y = word ^ second;
    long z = word ^ third;
    return ((x - ONES) & ~x | (y - ONES) & ~y | (z - ONES) & ~z) & HIGH_BITS;
  }

  /** The index in a match mask's word of its first matching byte. */
  static int firstByte(long mask) {
    return Long.numberOfTrailingZeros(mask) >>> 3;
  }

  /** The index of the first {@code value} in {@code bytes[from, limit)}, or -1. */
  static int indexOf(byte[] bytes, int from, int limit, byte value) {
    long pattern = broadcast(value);
    int i = from;
    for (; i + Long.BYTES <= limit; i += Long.BYTES) {
      long mask = matches(word(bytes, i), pattern);
      if (mask != 0) {
        return i + firstByte(mask);
      }
    }
    for (; i < limit; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
