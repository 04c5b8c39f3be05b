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
  /** Splits Latin-1 text eight bytes at a time; null when the delimiter is not one such byte. */
  private final Latin1Splitter latin1;
  /** The row and next ordinal of the pieces {@link #latin1} hands to {@link #latin1Pieces}. */
  private int pieceRow;
  private int pieceOrdinal;
  private final Latin1Splitter.Pieces latin1Pieces =
      new Latin1Splitter.Pieces() {
        @Override
        public void packed(String text, int start, int end, long low, long high) {
          addPiece(recent.packed(text, start, end, low, high), pieceRow, pieceOrdinal++);
        }

        @Override
        public void unpacked(String text, int start, int end) {
          addPiece(recent.piece(text, start, end), pieceRow, pieceOrdinal++);
        }
      };

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
      latin1 = Latin1Splitter.of(delimiter);
    } else {
      delimiter = null;
      delimiterChar = 0;
      latin1 = null;
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
    if (latin1 == null || !splitLatin1(text, row)) {
      splitByChar(text, row);
    }
  }

  /** {@link Latin1Splitter#split}: false, having added nothing, when the text is not Latin-1. */
  private boolean splitLatin1(String text, int row) {
    pieceRow = row;
    pieceOrdinal = 1;
    return latin1.split(text, latin1Pieces);
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
