package io.rivulet.runtime.operator.unnest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a Latin-1 text at a one-byte delimiter eight bytes at a time: a copy of its bytes is
 * searched for the delimiter a long at a time, and a short piece's characters are read as one or
 * two longs packed as {@link RecentStrings#packLow} and {@link RecentStrings#packHigh} pack them,
 * instead of a test and two shifts per character. Pieces come left to right as SPLIT cuts them. One
 * splitter per operator instance: it keeps the copy's buffer.
 */
final class Latin1Splitter {
  /** What is done with each piece, {@code text[start, end)}. */
  interface Pieces {
    /** A piece of at most {@link RecentStrings#PACKED_LENGTH} characters, with its packed form. */
    void packed(String text, int start, int end, long low, long high);

    /** A longer piece. */
    void unpacked(String text, int start, int end);
  }

  /** Bytes before and after a text's copy, so that every long read stays inside the buffer. */
  private static final int PAD = 16;

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUESTION_MARKS = '?' * ONES;
  private static final VarHandle LITTLE_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final byte delimiter;
  private final long pattern;
  /** The Latin-1 bytes of the text being split, {@link #PAD} bytes in. */
  private byte[] buffer = new byte[256];

  private Latin1Splitter(char delimiter) {
    this.delimiter = (byte) delimiter;
    this.pattern = (delimiter & 0xFF) * ONES;
  }

  /**
   * A splitter for {@code delimiter}, or null when it cannot be searched as a byte: it is not one
   * Latin-1 character, or it is '?', which stands for the characters beyond Latin-1 in the copy.
   */
  static Latin1Splitter of(String delimiter) {
    if (delimiter.length() != 1) {
      return null;
    }
    char c = delimiter.charAt(0);
    return c < 0x100 && c != '?' ? new Latin1Splitter(c) : null;
  }

  /**
   * Hands the pieces of {@code text} to {@code pieces}; returns false, having handed none, when the
   * text is not Latin-1 or holds a '?' (the caller then cuts it character by character).
   */
  boolean split(String text, Pieces pieces) {
    // Characters beyond Latin-1 become '?', so a text with none is Latin-1 and these are its
    // characters.
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    int length = bytes.length;
    if (buffer.length < length + 2 * PAD) {
      buffer = new byte[Math.max(length + 2 * PAD, buffer.length * 2)];
    }
    byte[] copy = buffer;
    System.arraycopy(bytes, 0, copy, PAD, length);
    int end = PAD + length;
    // The delimiter after the text ends the last piece's search; the bytes after it fill the long
    // the search reads last.
    Arrays.fill(copy, end, end + 8, delimiter);
    for (int p = PAD; p < end; p += 8) {
      long v = (long) LITTLE_ENDIAN.get(copy, p) ^ QUESTION_MARKS;
      if (((v - ONES) & ~v & HIGHS) != 0) {
        return false;
      }
    }
    int start = PAD;
    int p = PAD;
    while (true) {
      long v = (long) LITTLE_ENDIAN.get(copy, p) ^ pattern;
      // The lowest byte flagged is the first delimiter byte (the ones above it may be false).
      long found = (v - ONES) & ~v & HIGHS;
      if (found == 0) {
        p += 8;
        continue;
      }
      int at = p + (Long.numberOfTrailingZeros(found) >>> 3);
      int pieceLength = at - start;
      if (pieceLength > RecentStrings.PACKED_LENGTH) {
        pieces.unpacked(text, start - PAD, at - PAD);
      } else {
        // Bytes before the piece are masked off; the padding keeps the reads inside the buffer.
        long low = (long) BIG_ENDIAN.get(copy, at - 8) & lowBytes(pieceLength);
        long high =
            pieceLength > 8 ? (long) BIG_ENDIAN.get(copy, at - 16) & lowBytes(pieceLength - 8) : 0;
        pieces.packed(text, start - PAD, at - PAD, low, high);
      }
      if (at >= end) {
        return true;
      }
      start = at + 1;
      p = start;
    }
  }

  /** A mask of the lowest {@code count} bytes of a long. */
  private static long lowBytes(int count) {
    return count >= 8 ? -1L : (1L << (count << 3)) - 1;
  }
}
