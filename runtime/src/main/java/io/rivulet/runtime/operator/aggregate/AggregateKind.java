package io.rivulet.runtime.operator.aggregate;

/** The aggregate functions the runtime computes. */
public enum AggregateKind {
  /** {@code COUNT(*)}: the number of rows, nulls included. */
  COUNT_STAR,
  /** {@code COUNT(x)}: the number of rows where {@code x} is not null. */
  COUNT,
  SUM,
  MIN,
  MAX,
  /** {@code AVG(x)}, computed in its result type (integer types divide with truncation). */
  AVG;

  /** The SQL function name, as shown in EXPLAIN. */
  public String sqlName() {
    return this == COUNT_STAR ? "COUNT" : name();
  }
}
