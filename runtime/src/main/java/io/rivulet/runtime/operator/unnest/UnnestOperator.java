package io.rivulet.runtime.operator.unnest;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.NullVectors;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The running form of {@link UnnestFactory}, column at a time: one pass over the flattened column
 * appends the elements to the output's element column and the index of each element's input row
 * to a parent vector; the carried columns and the row kinds are then gathered through that vector.
 * A string split by a constant delimiter is cut straight into the element column, with no array
 * per row.
 *
 * <p>An input batch becomes output batches of at most {@code maxOutputRows} rows. Flattening
 * multiplies the rows (ten words a line), and one output batch per input batch would mean arrays of
 * hundreds of thousands of references: G1 allocates those outside the young generation, collects
 * them late, and makes every reference stored into them pay a memory fence. Output batches of a
 * few thousand rows are young, short-lived and cache-sized.
 */
final class UnnestOperator implements Operator {
  /** Rows per output batch unless a test asks for fewer. */
  static final int MAX_OUTPUT_ROWS = 16_384;

  /** Bytes before and after a line copied for a scan of eight bytes at a time. */
  private static final int PAD = 16;

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUESTION_MARKS = '?' * ONES;
  private static final VarHandle LITTLE_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final Schema outputSchema;
  private final int carried;
  private final int elementColumn;
  private final boolean outer;
  private final boolean withOrdinality;
  /** The delimiter of a split, or null for an array column. */
  private final String delimiter;
  private final char delimiterChar;
  private final DataType elementType;
  private final DataType ordinalType;
  private final int maxOutputRows;
  private final RecentStrings recent = new RecentStrings();
  /** Per carried column, whether nothing reads it, so that nulls stand in for its copies. */
  private final boolean[] unread;
  private final NullVectors nulls = new NullVectors();
  /** The Latin-1 bytes of the line being split, {@link #PAD} bytes in. */
  private byte[] lineBytes = new byte[256];

  // Reused from output batch to output batch; only copies of them leave the operator.
  private final int[] parents;
  private final long[] ordinals;
  private final boolean[] ordinalNulls;

  // The output batch being filled.
  private Batch input;
  private Collector out;
  private int count;
  /** Whether output batches of this input were emitted already, before the one being filled. */
  private boolean flushed;
  private boolean anyNullOrdinal;
  /** The pieces of a split, allocated afresh per output batch and handed over when full. */
  private Object[] pieces;
  private VectorBuilder arrayElements;

  UnnestOperator(UnnestFactory plan, int maxOutputRows) {
    this.outputSchema = plan.outputSchema();
    this.carried = UnnestFactory.carriedColumns(outputSchema, plan.withOrdinality());
    this.elementColumn = plan.elements().column();
    this.unread = new boolean[carried];
    for (int c = 0; c < carried; c++) {
      unread[c] = plan.isUnread(c);
    }
    this.outer = plan.outer();
    this.withOrdinality = plan.withOrdinality();
    if (plan.elements() instanceof UnnestFactory.SplitColumn split) {
      delimiter = split.delimiter();
      delimiterChar = delimiter.length() == 1 ? delimiter.charAt(0) : 0;
    } else {
      delimiter = null;
      delimiterChar = 0;
    }
    this.elementType = outputSchema.type(carried);
    this.ordinalType = withOrdinality ? outputSchema.type(carried + 1) : null;
    this.maxOutputRows = maxOutputRows;
    this.parents = new int[maxOutputRows];
    this.ordinals = withOrdinality ? new long[maxOutputRows] : null;
    this.ordinalNulls = withOrdinality ? new boolean[maxOutputRows] : null;
  }

  @Override
  public void process(Batch batch, Collector collector) {
    input = batch;
    out = collector;
    int rows = batch.rowCount();
    ColumnVector source = batch.column(elementColumn);
    // Whether every input row gave exactly one output row, so the carried columns need no gather.
    boolean oneEach = true;
    flushed = false;
    startOutput();
    try {
      for (int r = 0; r < rows; r++) {
        int before = count;
        if (delimiter != null) {
          split((String) source.get(r), r);
        } else {
          flatten((List<?>) source.get(r), r);
        }
        oneEach &= count - before == 1;
      }
      if (count > 0) {
        emit(!flushed && oneEach && count == rows);
      }
    } finally {
      input = null;
      out = null;
      pieces = null;
      arrayElements = null;
    }
  }

  private void flatten(List<?> elements, int row) {
    if (elements == null || elements.isEmpty()) {
      if (outer) {
        makeRoom();
        arrayElements.appendNull();
        addNullOrdinal(row);
      }
      return;
    }
    int size = elements.size();
    for (int e = 0; e < size; e++) {
      makeRoom();
      arrayElements.append(elements.get(e));
      add(row, e + 1);
    }
  }

  private void split(String text, int row) {
    if (text == null || text.isEmpty()) {
      if (outer) {
        makeRoom();
        pieces[count] = null;
        addNullOrdinal(row);
      }
      return;
    }
    if (delimiter.length() == 1) {
      splitAtChar(text, row);
    } else if (delimiter.isEmpty()) {
      addPiece(text, row, 1);
    } else {
      splitAtString(text, row);
    }
  }

  /**
   * The common case, one delimiter character: one pass finds the pieces and packs the characters
   * of each, so that a recurring piece is recognised without reading the text again.
   */
  private void splitAtChar(String text, int row) {
    if (delimiterChar >= 0x100 || delimiterChar == '?' || !splitLatin1(text, row)) {
      splitByChar(text, row);
    }
  }

  /**
   * Splits a Latin-1 text eight bytes at a time: a copy of its bytes is searched for the delimiter
   * a long at a time, and a piece's packed characters are read as one or two longs, instead of a
   * test and two shifts per character. Returns false, having added nothing, when the text is not
   * Latin-1.
   */
  private boolean splitLatin1(String text, int row) {
    // Characters beyond Latin-1 become '?', so a text with none is Latin-1 and these are its
    // characters; a text with a '?' takes the character by character way.
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    int length = bytes.length;
    if (lineBytes.length < length + 2 * PAD) {
      lineBytes = new byte[Math.max(length + 2 * PAD, lineBytes.length * 2)];
    }
    byte[] buffer = lineBytes;
    System.arraycopy(bytes, 0, buffer, PAD, length);
    int end = PAD + length;
    byte separator = (byte) delimiterChar;
    // The delimiter after the text ends the last piece's search; the bytes after it fill the long
    // the search reads last.
    Arrays.fill(buffer, end, end + 8, separator);
    for (int p = PAD; p < end; p += 8) {
      long v = (long) LITTLE_ENDIAN.get(buffer, p) ^ QUESTION_MARKS;
      if (((v - ONES) & ~v & HIGHS) != 0) {
        return false;
      }
    }
    long pattern = (delimiterChar & 0xFF) * ONES;
    int start = PAD;
    int ordinal = 1;
    int p = PAD;
    while (true) {
      long v = (long) LITTLE_ENDIAN.get(buffer, p) ^ pattern;
      // The lowest byte flagged is the first delimiter byte (the ones above it may be false).
      long found = (v - ONES) & ~v & HIGHS;
      if (found == 0) {
        p += 8;
        continue;
      }
      int at = p + (Long.numberOfTrailingZeros(found) >>> 3);
      addPiece(latin1Piece(text, buffer, start, at), row, ordinal++);
      if (at >= end) {
        return true;
      }
      start = at + 1;
      p = start;
    }
  }

  /**
   * The piece at {@code buffer[start, end)}, packed as {@link RecentStrings#packLow} and {@link
   * RecentStrings#packHigh} would pack it: the last eight bytes big-endian, then the eight before.
   */
  private String latin1Piece(String text, byte[] buffer, int start, int end) {
    int length = end - start;
    if (length > RecentStrings.PACKED_LENGTH) {
      return recent.piece(text, start - PAD, end - PAD);
    }
    long low = (long) BIG_ENDIAN.get(buffer, end - 8) & lowBytes(length);
    long high = length > 8 ? (long) BIG_ENDIAN.get(buffer, end - 16) & lowBytes(length - 8) : 0;
    return recent.packed(text, start - PAD, end - PAD, low, high);
  }

  /** A mask of the lowest {@code count} bytes of a long. */
  private static long lowBytes(int count) {
    return count >= 8 ? -1L : (1L << (count << 3)) - 1;
  }

  /** {@link #splitAtChar} a character at a time, for any text. */
  private void splitByChar(String text, int row) {
    char separator = delimiterChar;
    int length = text.length();
    int start = 0;
    long low = 0;
    long high = 0;
    int wide = 0;
    int ordinal = 1;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == separator) {
        addPiece(piece(text, start, i, low, high, wide), row, ordinal++);
        start = i + 1;
        low = 0;
        high = 0;
        wide = 0;
      } else {
        wide |= c;
        high = RecentStrings.packHigh(high, low);
        low = RecentStrings.packLow(low, c);
      }
    }
    addPiece(piece(text, start, length, low, high, wide), row, ordinal);
  }

  private String piece(String text, int start, int end, long low, long high, int wide) {
    return end - start <= RecentStrings.PACKED_LENGTH && wide < 0x100
        ? recent.packed(text, start, end, low, high)
        : recent.piece(text, start, end);
  }

  private void splitAtString(String text, int row) {
    int length = text.length();
    int step = delimiter.length();
    int start = 0;
    int ordinal = 1;
    while (true) {
      int at = text.indexOf(delimiter, start);
      int end = at < 0 ? length : at;
      addPiece(recent.piece(text, start, end), row, ordinal++);
      if (at < 0) {
        return;
      }
      start = at + step;
    }
  }

  private void addPiece(String piece, int row, int ordinal) {
    makeRoom();
    pieces[count] = piece;
    add(row, ordinal);
  }

  private void add(int row, int ordinal) {
    parents[count] = row;
    if (withOrdinality) {
      ordinals[count] = ordinal;
    }
    count++;
  }

  private void addNullOrdinal(int row) {
    parents[count] = row;
    if (withOrdinality) {
      ordinalNulls[count] = true;
      anyNullOrdinal = true;
    }
    count++;
  }

  /** Emits the output batch when it is full, before another row is added. */
  private void makeRoom() {
    if (count == maxOutputRows) {
      emit(false);
      flushed = true;
      startOutput();
    } else if (pieces != null && count == pieces.length) {
      pieces = Arrays.copyOf(pieces, Math.min(maxOutputRows, count * 2));
    }
  }

  private void startOutput() {
    count = 0;
    if (anyNullOrdinal) {
      Arrays.fill(ordinalNulls, false);
      anyNullOrdinal = false;
    }
    // Sized for a few elements a row, so that a small input batch does not take a large array.
    int expected = (int) Math.min(maxOutputRows, input.rowCount() * 4L + 16);
    if (delimiter != null) {
      pieces = new Object[expected];
    } else {
      arrayElements = VectorBuilder.create(elementType, expected);
    }
  }

  /**
   * Emits the rows added so far.
   *
   * @param identity whether they are the input rows one for one, so that the carried columns and
   *     kinds are the input's
   */
  private void emit(boolean identity) {
    ColumnVector[] columns = new ColumnVector[outputSchema.size()];
    for (int c = 0; c < carried; c++) {
      if (identity) {
        columns[c] = input.column(c);
      } else if (unread[c]) {
        columns[c] = nulls.of(outputSchema.type(c), count);
      } else {
        columns[c] = input.column(c).gather(parents, count);
      }
    }
    columns[carried] =
        delimiter != null
            ? new ObjectVector(
                DataType.VARCHAR, count == pieces.length ? pieces : Arrays.copyOf(pieces, count), count)
            : arrayElements.build();
    if (withOrdinality) {
      boolean[] nulls = anyNullOrdinal ? Arrays.copyOf(ordinalNulls, count) : null;
      columns[carried + 1] = new LongVector(ordinalType, Arrays.copyOf(ordinals, count), nulls, count);
    }
    byte[] kinds = input.kindCodes();
    if (kinds != null && !identity) {
      byte[] gathered = new byte[count];
      for (int i = 0; i < count; i++) {
        gathered[i] = kinds[parents[i]];
      }
      kinds = gathered;
    }
    out.collect(new Batch(outputSchema, columns, count, kinds));
  }
}
