package io.rivulet.runtime.operator.unnest;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The running form of {@link SplitCountFactory}.
 *
 * <p>A piece of at most {@value RecentStrings#PACKED_LENGTH} Latin-1 characters is known by its
 * characters packed into two longs and its length, read straight from the text's bytes, and counted
 * in an open-addressing table of those keys, whose String is made once when the key is first met.
 * The table outlives the micro-batch (only the counts are reset), so a word seen in the previous
 * micro-batch costs no String at all; it is emptied once it holds more than {@link #KEEP_KEYS}
 * keys, which bounds the memory it keeps. Other pieces are counted by String in a map emptied at
 * each micro-batch's end.
 */
final class SplitCountOperator implements Operator {
  /** Keys the packed table may keep from one micro-batch to the next. */
  static final int KEEP_KEYS = 1 << 16;

  private final Schema outputSchema;
  private final int column;
  private final String delimiter;
  /** Splits Latin-1 text eight bytes at a time; null when the delimiter is not one such byte. */
  private final Latin1Splitter latin1;
  private final Latin1Splitter.Pieces latin1Pieces =
      new Latin1Splitter.Pieces() {
        @Override
        public void packed(String text, int start, int end, long low, long high) {
          countPacked(low, high, end - start);
        }

        @Override
        public void unpacked(String text, int start, int end) {
          countOther(text.substring(start, end));
        }
      };

  /**
   * Per slot two longs: the last eight characters of the piece, then the characters before them
   * with the length plus one in the top byte; zero in the second for an empty slot.
   */
  private long[] keys = new long[2 * 1024];
  private String[] strings = new String[1024];
  private long[] counts = new long[1024];
  private int mask = 1023;
  private int size;
  /** The slots counted in this micro-batch, in order of first appearance. */
  private int[] touched = new int[256];
  private int touchedCount;
  /** Counts of the pieces not packed, in this micro-batch. */
  private final Map<String, long[]> others = new HashMap<>();

  SplitCountOperator(SplitCountFactory plan) {
    this.outputSchema = plan.outputSchema();
    this.column = plan.column();
    this.delimiter = plan.delimiter();
    this.latin1 = Latin1Splitter.of(delimiter);
  }

  @Override
  public void process(Batch batch, Collector out) {
    ColumnVector source = batch.column(column);
    int rows = batch.rowCount();
    for (int r = 0; r < rows; r++) {
      String text = (String) source.get(r);
      if (text == null || text.isEmpty()) {
        continue;
      }
      if (latin1 == null || !latin1.split(text, latin1Pieces)) {
        splitText(text);
      }
    }
  }

  /** Counts the pieces of any text, as SPLIT cuts them: left to right, without overlapping. */
  private void splitText(String text) {
    int length = text.length();
    int step = delimiter.length();
    int start = 0;
    while (true) {
      int at = text.indexOf(delimiter, start);
      int end = at < 0 ? length : at;
      countPiece(text, start, end);
      if (at < 0) {
        return;
      }
      start = at + step;
    }
  }

  private void countPiece(String text, int start, int end) {
    int length = end - start;
    if (length <= RecentStrings.PACKED_LENGTH) {
      long low = 0;
      long high = 0;
      int wide = 0;
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        wide |= c;
        high = RecentStrings.packHigh(high, low);
        low = RecentStrings.packLow(low, c);
      }
      if (wide < 0x100) {
        countPacked(low, high, length);
        return;
      }
    }
    countOther(text.substring(start, end));
  }

  private void countOther(String piece) {
    long[] count = others.get(piece);
    if (count == null) {
      others.put(piece, new long[] {1});
    } else {
      count[0]++;
    }
  }

  private void countPacked(long low, long high, int length) {
    long tag = high | (long) (length + 1) << 56;
    long[] keys = this.keys;
    int slot = slot(low, tag) & mask;
    while (true) {
      long known = keys[2 * slot + 1];
      if (known == tag && keys[2 * slot] == low) {
        if (counts[slot]++ == 0) {
          touch(slot);
        }
        return;
      }
      if (known == 0) {
        insert(slot, low, tag, length);
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static int slot(long low, long tag) {
    long mixed = (low ^ tag * 0x9E3779B97F4A7C15L) * 0xC2B2AE3D27D4EB4FL;
    return (int) (mixed >>> 32);
  }

  private void insert(int slot, long low, long tag, int length) {
    keys[2 * slot] = low;
    keys[2 * slot + 1] = tag;
    strings[slot] = unpack(low, tag, length);
    counts[slot] = 1;
    touch(slot);
    if (++size * 2 > strings.length) {
      grow();
    }
  }

  private void touch(int slot) {
    if (touchedCount == touched.length) {
      touched = Arrays.copyOf(touched, touchedCount * 2);
    }
    touched[touchedCount++] = slot;
  }

  /** The piece whose characters are packed into {@code low} and {@code tag}'s low bytes. */
  private static String unpack(long low, long tag, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      int fromEnd = length - 1 - i;
      long word = fromEnd < 8 ? low : tag;
      bytes[i] = (byte) (word >>> ((fromEnd & 7) << 3));
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Doubles the table, keeping its keys, Strings and counts (the touched slots move with them). */
  private void grow() {
    long[] oldKeys = keys;
    String[] oldStrings = strings;
    long[] oldCounts = counts;
    int capacity = oldStrings.length * 2;
    keys = new long[2 * capacity];
    strings = new String[capacity];
    counts = new long[capacity];
    mask = capacity - 1;
    touchedCount = 0;
    for (int old = 0; old < oldStrings.length; old++) {
      long tag = oldKeys[2 * old + 1];
      if (tag == 0) {
        continue;
      }
      long low = oldKeys[2 * old];
      int slot = slot(low, tag) & mask;
      while (keys[2 * slot + 1] != 0) {
        slot = (slot + 1) & mask;
      }
      keys[2 * slot] = low;
      keys[2 * slot + 1] = tag;
      strings[slot] = oldStrings[old];
      counts[slot] = oldCounts[old];
      if (counts[slot] != 0) {
        touch(slot);
      }
    }
  }

  @Override
  public void endBatch(long watermark, Collector out) {
    int rows = touchedCount + others.size();
    if (rows > 0) {
      Object[] pieces = new Object[rows];
      long[] values = new long[rows];
      for (int i = 0; i < touchedCount; i++) {
        int slot = touched[i];
        pieces[i] = strings[slot];
        values[i] = counts[slot];
        counts[slot] = 0;
      }
      int i = touchedCount;
      for (Map.Entry<String, long[]> entry : others.entrySet()) {
        pieces[i] = entry.getKey();
        values[i] = entry.getValue()[0];
        i++;
      }
      ColumnVector[] columns = new ColumnVector[outputSchema.size()];
      columns[0] = new ObjectVector(DataType.VARCHAR, pieces, rows);
      LongVector counted = new LongVector(DataType.BIGINT, values, null, rows);
      for (int c = 1; c < columns.length; c++) {
        columns[c] = counted;
      }
      out.collect(new Batch(outputSchema, columns, rows, null));
    }
    touchedCount = 0;
    others.clear();
    if (size > KEEP_KEYS) {
      clear();
    }
  }

  private void clear() {
    keys = new long[2 * 1024];
    strings = new String[1024];
    counts = new long[1024];
    mask = 1023;
    size = 0;
    touchedCount = 0;
  }

  @Override
  public void close() {
    clear();
    others.clear();
  }
}
