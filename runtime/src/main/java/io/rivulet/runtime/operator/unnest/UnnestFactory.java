package io.rivulet.runtime.operator.unnest;

import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.Objects;

/**
 * Flattens a collection per row: each input row becomes one output row per element, made of the
 * input's leading columns followed by the element (and its one-based ordinal when asked for).
 *
 * <p>The output carries the first {@code outputSchema.size() - 1} (or {@code - 2} with
 * ordinality) input columns; input columns after those, such as a computed array the planner added
 * only to be flattened, are dropped here rather than by a projection above.
 *
 * @param inputSchema the schema of the input batches
 * @param outputSchema the carried input columns, the element, and the ordinal if asked for
 * @param elements where each row's elements come from
 * @param outer whether a row without elements (a null or empty array, a null or empty string to
 *     split) still yields one row, with a null element (LEFT JOIN UNNEST), rather than none
 * @param withOrdinality whether to append the element's one-based position
 * @param unread per carried column, whether nothing above reads it, so that the output holds nulls
 *     there instead of a copy of the input column per element (a word count's lines); null when
 *     every carried column is read
 */
public record UnnestFactory(
    Schema inputSchema,
    Schema outputSchema,
    Elements elements,
    boolean outer,
    boolean withOrdinality,
    boolean[] unread)
    implements OperatorFactory {

  /** An unnest whose carried columns are all read. */
  public UnnestFactory(
      Schema inputSchema,
      Schema outputSchema,
      Elements elements,
      boolean outer,
      boolean withOrdinality) {
    this(inputSchema, outputSchema, elements, outer, withOrdinality, null);
  }

  /** Where the elements of a row come from. */
  public sealed interface Elements {
    /** The input column read. */
    int column();
  }

  /**
   * The elements of the {@link java.util.List} in an ARRAY column.
   *
   * @param column the index of the array column in the input
   */
  public record ArrayColumn(int column) implements Elements {}

  /**
   * The pieces of the string in a VARCHAR column cut at every occurrence of a constant delimiter,
   * exactly as {@code SPLIT(column, delimiter)} would give them, without building the array: an
   * empty string has no pieces, consecutive delimiters give empty pieces, an empty delimiter gives
   * the whole string, and occurrences are found left to right without overlapping.
   *
   * @param column the index of the string column in the input
   * @param delimiter the delimiter, never null
   */
  public record SplitColumn(int column, String delimiter) implements Elements {
    public SplitColumn {
      Objects.requireNonNull(delimiter, "delimiter");
    }
  }

  public UnnestFactory {
    int carried = carriedColumns(outputSchema, withOrdinality);
    if (carried < 0 || carried > inputSchema.size()) {
      throw new IllegalArgumentException(
          "an unnest of " + inputSchema + " cannot produce " + outputSchema);
    }
    if (elements.column() < 0 || elements.column() >= inputSchema.size()) {
      throw new IllegalArgumentException("no input column " + elements.column() + " in " + inputSchema);
    }
    if (elements instanceof SplitColumn && outputSchema.type(carried) != DataType.VARCHAR) {
      throw new IllegalArgumentException("the pieces of a split are VARCHAR, not " + outputSchema.type(carried));
    }
    if (unread != null) {
      if (unread.length != carried) {
        throw new IllegalArgumentException(
            "unread names " + unread.length + " carried columns, not " + carried);
      }
      unread = unread.clone();
    }
  }

  /** Whether the output's carried column {@code column} holds nulls rather than the input's. */
  boolean isUnread(int column) {
    return unread != null && unread[column];
  }

  /** How many leading input columns the output carries. */
  static int carriedColumns(Schema outputSchema, boolean withOrdinality) {
    return outputSchema.size() - (withOrdinality ? 2 : 1);
  }

  @Override
  public Operator create(OperatorContext context) {
    return new UnnestOperator(this, UnnestOperator.MAX_OUTPUT_ROWS);
  }

  @Override
  public String explain() {
    int carried = carriedColumns(outputSchema, withOrdinality);
    String source = inputSchema.field(elements.column()).name();
    if (elements instanceof SplitColumn split) {
      source = "SPLIT(" + source + ", '" + split.delimiter().replace("'", "''") + "')";
    }
    return "Unnest(" + source + " AS " + outputSchema.field(carried).name()
        + (withOrdinality ? ", ordinality AS " + outputSchema.field(carried + 1).name() : "")
        + (outer ? ", outer" : "") + ")";
  }
}
