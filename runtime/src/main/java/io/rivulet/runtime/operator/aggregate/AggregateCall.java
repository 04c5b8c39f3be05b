package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.type.DataType;
import java.util.List;
import java.util.Objects;

/**
 * One aggregate function applied to one input column, as a plan describes it.
 *
 * @param kind the function
 * @param argument the input column it reads, or -1 for {@code COUNT(*)}
 * @param distinct whether each distinct argument value counts once ({@code COUNT(DISTINCT x)})
 * @param resultType the type of the result, which decides the arithmetic (see {@link Accumulator})
 * @param name the name of the output column
 */
public record AggregateCall(
    AggregateKind kind, int argument, boolean distinct, DataType resultType, String name) {

  public AggregateCall {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(name, "name");
    if (kind == AggregateKind.COUNT_STAR) {
      if (argument != -1 || distinct) {
        throw new IllegalArgumentException(
            "COUNT(*) takes no argument and no DISTINCT; use COUNT for COUNT(column)");
      }
    } else if (argument < 0) {
      throw new IllegalArgumentException(
          kind.sqlName() + " needs an input column index, got " + argument);
    }
  }

  /** {@code COUNT(*)}, a BIGINT. */
  public static AggregateCall countStar(String name) {
    return new AggregateCall(AggregateKind.COUNT_STAR, -1, false, DataType.BIGINT, name);
  }

  /** A call without DISTINCT. */
  public static AggregateCall of(
      AggregateKind kind, int argument, DataType resultType, String name) {
    return new AggregateCall(kind, argument, false, resultType, name);
  }

  /** The call as SQL, e.g. {@code COUNT(DISTINCT word)}, {@code SUM(price)} or {@code COUNT(*)}. */
  public String explain(List<String> inputNames) {
    if (kind == AggregateKind.COUNT_STAR) {
      return "COUNT(*)";
    }
    return kind.sqlName() + "(" + (distinct ? "DISTINCT " : "") + inputNames.get(argument) + ")";
  }

  /** The type of the input column this call reads, or null for {@code COUNT(*)}. */
  public DataType argumentType(io.rivulet.runtime.type.Schema input) {
    return argument < 0 ? null : input.type(argument);
  }

  /**
   * Checks this call against the input it reads and the output column it fills, so that a plan
   * that does not line up fails when it is built rather than on the first row.
   *
   * @throws IllegalArgumentException naming the call and what does not fit
   */
  public void check(io.rivulet.runtime.type.Schema input, DataType outputType, boolean retractable) {
    if (argument >= input.size()) {
      throw new IllegalArgumentException(
          "aggregate " + name + " refers to column " + argument + " of input " + input);
    }
    if (resultType != outputType) {
      throw new IllegalArgumentException(
          explain(input.names()) + " returns " + resultType + " but its output column is " + outputType);
    }
    Accumulator.create(this, argumentType(input), retractable);
  }
}
