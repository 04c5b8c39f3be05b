package io.rivulet.runtime.operator.unnest;

import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An unnest of {@code SPLIT(column, delimiter)} and the per-micro-batch count of its pieces fused
 * into one step, the first stage of a word count: the pieces are counted straight from the text,
 * without a String or a row per piece.
 *
 * <p>It emits at the end of each micro-batch what an {@link UnnestFactory} of the split followed by
 * a {@code LocalCountFactory} keyed by the piece alone would emit: one row per distinct piece with
 * its count (each {@code COUNT(*)} and {@code COUNT(piece)} alike, as a piece is never null), in no
 * particular order. As for SPLIT, a null or empty text has no pieces and consecutive delimiters
 * give empty pieces. The input must be append-only.
 *
 * @param inputSchema the columns of the input
 * @param column the input column split
 * @param delimiter the delimiter, not empty
 * @param outputSchema the piece (VARCHAR), then one BIGINT count per count call
 */
public record SplitCountFactory(
    Schema inputSchema, int column, String delimiter, Schema outputSchema)
    implements OperatorFactory {

  public SplitCountFactory {
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(outputSchema, "outputSchema");
    Objects.requireNonNull(delimiter, "delimiter");
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException("a split count needs a delimiter that is not empty");
    }
    if (column < 0 || column >= inputSchema.size() || inputSchema.type(column) != DataType.VARCHAR) {
      throw new IllegalArgumentException("column " + column + " of " + inputSchema + " is not VARCHAR");
    }
    if (outputSchema.size() < 2 || outputSchema.type(0) != DataType.VARCHAR) {
      throw new IllegalArgumentException(
          "output schema " + outputSchema + " should have the piece and at least one count");
    }
    for (int c = 1; c < outputSchema.size(); c++) {
      if (outputSchema.type(c) != DataType.BIGINT) {
        throw new IllegalArgumentException(
            "count " + outputSchema.field(c).name() + " must be BIGINT, not " + outputSchema.type(c));
      }
    }
  }

  @Override
  public Operator create(OperatorContext context) {
    return new SplitCountOperator(this);
  }

  /** For example {@code SplitCount(SPLIT(line, ' ') AS word, counts=[COUNT(*) AS c], per=micro-batch)}. */
  @Override
  public String explain() {
    List<String> counts = new ArrayList<>();
    for (int c = 1; c < outputSchema.size(); c++) {
      counts.add("COUNT(*) AS " + outputSchema.field(c).name());
    }
    return "SplitCount(SPLIT(" + inputSchema.field(column).name() + ", '"
        + delimiter.replace("'", "''") + "') AS " + outputSchema.field(0).name()
        + ", counts=" + counts + ", per=micro-batch)";
  }
}
