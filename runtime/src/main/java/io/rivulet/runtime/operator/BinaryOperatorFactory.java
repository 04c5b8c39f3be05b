package io.rivulet.runtime.operator;

/** Creates the instances of a two-input operator; immutable and shared by all partitions. */
public interface BinaryOperatorFactory {
  BinaryOperator create(OperatorContext context);

  /** One line for EXPLAIN, with column names. */
  String explain();
}
