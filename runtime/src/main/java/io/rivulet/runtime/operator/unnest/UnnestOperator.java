package io.rivulet.runtime.operator.unnest;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
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
 * to a parent vector; the carried columns and the row kinds are then gathered once per batch
 * through that vector. A string split by a constant delimiter is cut straight into the element
 * column, with no array per row.
 */
final class UnnestOperator implements Operator {
  private static final int INITIAL_CAPACITY = 1024;

  private final Schema outputSchema;
  private final int carried;
  private final int elementColumn;
  private final boolean outer;
  private final boolean withOrdinality;
  /** The delimiter of a split, or null for an array column. */
  private final String delimiter;
  private final char delimiterChar;
  private final DataType ordinalType;
  private final RecentStrings recent = new RecentStrings();

  // Scratch, reused from batch to batch; only copies of their used part leave the operator.
  private int[] parents = new int[INITIAL_CAPACITY];
  private Object[] pieces;
  private long[] ordinals;
  private boolean[] ordinalNulls;

  // The batch being flattened.
  private int count;
  private boolean anyNullOrdinal;
  private VectorBuilder arrayElements;

  UnnestOperator(UnnestFactory plan) {
    this.outputSchema = plan.outputSchema();
    this.carried = UnnestFactory.carriedColumns(outputSchema, plan.withOrdinality());
    this.elementColumn = plan.elements().column();
    this.outer = plan.outer();
    this.withOrdinality = plan.withOrdinality();
    if (plan.elements() instanceof UnnestFactory.SplitColumn split) {
      delimiter = split.delimiter();
      delimiterChar = delimiter.length() == 1 ? delimiter.charAt(0) : 0;
      pieces = new Object[INITIAL_CAPACITY];
    } else {
      delimiter = null;
      delimiterChar = 0;
    }
    ordinalType = withOrdinality ? outputSchema.type(carried + 1) : null;
    if (withOrdinality) {
      ordinals = new long[INITIAL_CAPACITY];
      ordinalNulls = new boolean[INITIAL_CAPACITY];
    }
  }

  @Override
  public void process(Batch batch, Collector out) {
    int rows = batch.rowCount();
    ColumnVector source = batch.column(elementColumn);
    count = 0;
    anyNullOrdinal = false;
    // Whether every input row gave exactly one output row, so the carried columns need no gather.
    boolean oneEach = true;
    if (delimiter != null) {
      ensureCapacity(rows + (rows >>> 1));
      for (int r = 0; r < rows; r++) {
        int before = count;
        split((String) source.get(r), r);
        oneEach &= count - before == 1;
      }
    } else {
      arrayElements = VectorBuilder.create(outputSchema.type(carried), rows * 2);
      for (int r = 0; r < rows; r++) {
        int before = count;
        flatten((List<?>) source.get(r), r);
        oneEach &= count - before == 1;
      }
    }
    if (count > 0) {
      out.collect(build(batch, oneEach && count == rows));
    }
    release();
  }

  private void flatten(List<?> elements, int row) {
    if (elements == null || elements.isEmpty()) {
      if (outer) {
        arrayElements.appendNull();
        addNullOrdinal(row);
      }
      return;
    }
    int size = elements.size();
    for (int e = 0; e < size; e++) {
      arrayElements.append(elements.get(e));
      add(row, e + 1);
    }
  }

  private void split(String text, int row) {
    if (text == null || text.isEmpty()) {
      if (outer) {
        ensureCapacity(count + 1);
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
    if (count == parents.length) {
      ensureCapacity(count + 1);
    }
    pieces[count] = piece;
    add(row, ordinal);
  }

  private void add(int row, int ordinal) {
    if (count == parents.length) {
      ensureCapacity(count + 1);
    }
    parents[count] = row;
    if (withOrdinality) {
      ordinals[count] = ordinal;
    }
    count++;
  }

  private void addNullOrdinal(int row) {
    if (count == parents.length) {
      ensureCapacity(count + 1);
    }
    parents[count] = row;
    if (withOrdinality) {
      ordinalNulls[count] = true;
      anyNullOrdinal = true;
    }
    count++;
  }

  private void ensureCapacity(int needed) {
    if (needed <= parents.length) {
      return;
    }
    int capacity = Math.max(needed, parents.length + (parents.length >>> 1));
    parents = Arrays.copyOf(parents, capacity);
    if (pieces != null) {
      pieces = Arrays.copyOf(pieces, capacity);
    }
    if (withOrdinality) {
      ordinals = Arrays.copyOf(ordinals, capacity);
      ordinalNulls = Arrays.copyOf(ordinalNulls, capacity);
    }
  }

  private Batch build(Batch input, boolean identity) {
    ColumnVector[] columns = new ColumnVector[outputSchema.size()];
    for (int c = 0; c < carried; c++) {
      columns[c] = identity ? input.column(c) : input.column(c).gather(parents, count);
    }
    columns[carried] =
        pieces != null
            ? new ObjectVector(DataType.VARCHAR, Arrays.copyOf(pieces, count), count)
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
    return new Batch(outputSchema, columns, count, kinds);
  }

  /** Lets go of this batch's values, so that the scratch arrays hold on to nothing. */
  private void release() {
    if (pieces != null) {
      Arrays.fill(pieces, 0, count, null);
    }
    if (anyNullOrdinal) {
      Arrays.fill(ordinalNulls, 0, count, false);
    }
    arrayElements = null;
    count = 0;
  }
}
