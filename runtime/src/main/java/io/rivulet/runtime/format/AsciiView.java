package io.rivulet.runtime.format;

import java.nio.charset.StandardCharsets;

/**
 * A reusable character view of a range of UTF-8 bytes, for parsers of numbers and times that only
 * accept ASCII: every byte is one character, so a non-ASCII byte simply fails to parse.
 */
final class AsciiView implements CharSequence {
  private byte[] bytes;
  private int offset;
  private int length;

  AsciiView reset(byte[] newBytes, int newOffset, int newLength) {
    this.bytes = newBytes;
    this.offset = newOffset;
    this.length = newLength;
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return (char) (bytes[offset + index] & 0xFF);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new String(bytes, offset + start, end - start, StandardCharsets.ISO_8859_1);
  }

  /** The characters of {@code [start, end)} decoded as UTF-8, for messages. */
  String decode(int start, int end) {
    return new String(bytes, offset + start, end - start, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return decode(0, length);
  }
}
