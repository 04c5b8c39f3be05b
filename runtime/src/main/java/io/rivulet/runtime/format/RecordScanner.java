package io.rivulet.runtime.format;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Cuts a stream of UTF-8 bytes into records, the way a {@link RecordParser} frames them, keeping
 * each record's byte offset and line number; the bytes are read in large blocks and a record is
 * handed out as a range of the scanner's buffer, so nothing is copied per record.
 *
 * <p>Line breaks are line feeds, with a carriage return before one dropped. A byte order mark at
 * offset 0 is skipped. The last record needs no line break.
 */
public final class RecordScanner implements Closeable {
  /** The longest record read; longer ones are most likely a quote that is never closed. */
  public static final int MAX_RECORD_BYTES = 64 << 20;

  private static final int BLOCK_BYTES = 128 << 10;

  private final ReadableByteChannel input;
  private final RecordParser parser;
  private byte[] buffer = new byte[BLOCK_BYTES];

  /** The byte offset in the input of {@code buffer[0]}. */
  private long bufferOffset;

  private int position;
  private int limit;
  private boolean endOfInput;
  private boolean started;

  private int recordStart;
  private int recordEnd;
  private long recordOffset;
  private long recordLine;
  private long nextLine = 1;

  /**
   * @param input the bytes, read from their current position to their end
   * @param offset the byte offset of the input's first byte, for {@link #offset()}
   */
  public RecordScanner(ReadableByteChannel input, long offset, RecordParser parser) {
    this.input = input;
    this.parser = parser;
    this.bufferOffset = offset;
  }

  /**
   * Skips the bytes up to and including the first line feed, for a reader that starts in the middle
   * of a file; line numbers then count from the next line as line 1.
   *
   * @return whether a line feed was found before the end of the input
   */
  public boolean skipLine() throws IOException {
    started = true;
    while (true) {
      int lineFeed = Bytes.indexOf(buffer, position, limit, (byte) '\n');
      if (lineFeed >= 0) {
        position = lineFeed + 1;
        return true;
      }
      position = limit;
      if (endOfInput) {
        return false;
      }
      fill();
    }
  }

  /**
   * Advances to the next record.
   *
   * @return false at the end of the input
   * @throws FormatException when a record is longer than {@link #MAX_RECORD_BYTES}
   */
  public boolean next() throws IOException {
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    while (true) {
      int end = parser.findRecordEnd(buffer, position, limit);
      if (end >= 0) {
        take(end, end + 1);
        return true;
      }
      if (endOfInput) {
        if (position >= limit) {
          return false;
        }
        take(limit, limit);
        return true;
      }
      fill();
    }
  }

  /** The buffer holding the current record; valid until the next call to {@link #next()}. */
  public byte[] buffer() {
    return buffer;
  }

  /** Where the current record starts in {@link #buffer()}. */
  public int start() {
    return recordStart;
  }

  /** Where the current record ends in {@link #buffer()}, before its line break. */
  public int end() {
    return recordEnd;
  }

  /** The byte offset in the input of the current record. */
  public long offset() {
    return recordOffset;
  }

  /** The one-based number of the line the current record starts on. */
  public long line() {
    return recordLine;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }

  private void take(int end, int next) {
    recordStart = position;
    recordOffset = bufferOffset + position;
    recordLine = nextLine;
    nextLine++;
    if (parser.recordsMaySpanLines()) {
      for (int i = Bytes.indexOf(buffer, position, end, (byte) '\n');
          i >= 0;
          i = Bytes.indexOf(buffer, i + 1, end, (byte) '\n')) {
        nextLine++;
      }
    }
    recordEnd = end > position && buffer[end - 1] == '\r' ? end - 1 : end;
    position = next;
  }

  private void skipByteOrderMark() throws IOException {
    if (bufferOffset != 0) {
      return;
    }
    while (limit < 3 && !endOfInput) {
      fill();
    }
    if (limit >= 3
        && buffer[0] == (byte) 0xEF
        && buffer[1] == (byte) 0xBB
        && buffer[2] == (byte) 0xBF) {
      position = 3;
    }
  }

  /** Reads more input after the unread bytes, moving them to the front or growing the buffer. */
  private void fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      bufferOffset += position;
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      if (buffer.length >= MAX_RECORD_BYTES) {
        throw new FormatException(
            "a record is longer than "
                + (MAX_RECORD_BYTES >> 20)
                + " MiB; is a quote never closed?");
      }
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = input.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
    if (read < 0) {
      endOfInput = true;
    } else {
      limit += read;
    }
  }
}
