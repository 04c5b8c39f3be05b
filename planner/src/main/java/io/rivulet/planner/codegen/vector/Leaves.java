package io.rivulet.planner.codegen.vector;

import java.util.Arrays;

/** The leaves of an expression tree: input columns, common sub-expressions and literals. */
final class Leaves {
  private Leaves() {}

  /** An input column, read in place. */
  record InputColumn(int index) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      return frame.column(index);
    }
  }

  /**
   * A DECIMAL input column as unscaled longs of the column's scale (see {@link
   * Frame#decimalColumn}).
   */
  record DecimalColumn(int index, int scale) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      return frame.decimalColumn(index, scale, rows);
    }
  }

  /** A common sub-expression of the program, computed once per frame. */
  record LocalRef(int index) implements VectorExpression {
    @Override
    public Values evaluate(Frame frame, Rows rows) {
      return frame.local(index, rows);
    }
  }

  /**
   * A literal, repeated for every row. The filled arrays are kept for the next batches (and shared
   * by all partitions: values are never changed), grown when a batch is larger.
   */
  static final class Constant implements VectorExpression {
    private final Representation representation;
    private final Object value;
    private volatile Values filled;
    private volatile int filledSize;

    Constant(Representation representation, Object value) {
      this.representation = representation;
      this.value = value;
    }

    Object value() {
      return value;
    }

    @Override
    public Values evaluate(Frame frame, Rows rows) {
      int size = frame.size();
      Values values = filled;
      if (values == null || filledSize < size) {
        values = fill(size);
        filled = values;
        filledSize = size;
      }
      return values;
    }

    private Values fill(int size) {
      boolean[] nulls = null;
      if (value == null && representation != Representation.OBJECT) {
        nulls = new boolean[size];
        Arrays.fill(nulls, true);
      }
      switch (representation) {
        case LONG: {
          long[] values = new long[size];
          if (value != null) {
            Arrays.fill(values, (Long) value);
          }
          return new Values.Longs(values, nulls);
        }
        case DOUBLE: {
          double[] values = new double[size];
          if (value != null) {
            Arrays.fill(values, (Double) value);
          }
          return new Values.Doubles(values, nulls);
        }
        case BOOLEAN: {
          boolean[] values = new boolean[size];
          if (value != null) {
            Arrays.fill(values, (Boolean) value);
          }
          return new Values.Booleans(values, nulls);
        }
        default: {
          Object[] values = new Object[size];
          Arrays.fill(values, value);
          return new Values.Objects(values);
        }
      }
    }

    @Override
    public String toString() {
      return "Constant[" + value + "]";
    }
  }
}
