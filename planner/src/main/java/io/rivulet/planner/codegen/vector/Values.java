package io.rivulet.planner.codegen.vector;

/**
 * The values of one expression over the rows of a batch, indexed by row position. Only the
 * positions of the {@link Rows} the expression was evaluated for are defined. Arrays are never
 * changed once a kernel has returned them, so kernels may share them (an input column's array, an
 * operand's null mask).
 */
sealed interface Values {
  boolean isNull(int row);

  /** BIGINT, INTEGER, DATE, TIME, TIMESTAMP, intervals, and DECIMAL as unscaled longs. */
  record Longs(long[] values, boolean[] nulls) implements Values {
    @Override
    public boolean isNull(int row) {
      return nulls != null && nulls[row];
    }
  }

  /** DOUBLE. */
  record Doubles(double[] values, boolean[] nulls) implements Values {
    @Override
    public boolean isNull(int row) {
      return nulls != null && nulls[row];
    }
  }

  /** BOOLEAN. */
  record Booleans(boolean[] values, boolean[] nulls) implements Values {
    @Override
    public boolean isNull(int row) {
      return nulls != null && nulls[row];
    }

    /** Whether the value at {@code row} is TRUE (not FALSE, not NULL). */
    boolean isTrue(int row) {
      return values[row] && (nulls == null || !nulls[row]);
    }
  }

  /** VARCHAR as {@link String}, ARRAY as {@link java.util.List}; a null entry is a SQL NULL. */
  record Objects(Object[] values) implements Values {
    @Override
    public boolean isNull(int row) {
      return values[row] == null;
    }
  }

  /**
   * Where the pieces of split strings start (see {@link Strings.SplitPieces}): an intermediate
   * shared by the items of one SPLIT, never a column's values. A row is "null" when it has no
   * first piece.
   */
  record Pieces(Object[] strings, int[] starts, int stride, int delimiterLength) implements Values {
    @Override
    public boolean isNull(int row) {
      return starts[row * stride] < 0;
    }
  }

  /**
   * The id of each row's string in its thread's {@link StringDictionary}, of one generation of it
   * (ids are reused once the dictionary is emptied): an intermediate of {@link Memoized}, never a
   * column's values. {@code ids} is null when the dictionary stands aside (unique strings).
   */
  record Ids(int[] ids, long generation) implements Values {
    /** A NULL string's id. */
    static final int NULL = -1;
    /** The id of a string the full dictionary could not take. */
    static final int NONE = -2;

    @Override
    public boolean isNull(int row) {
      return ids[row] == NULL;
    }
  }
}
