package io.rivulet.runtime.operator;

/**
 * Creates the operator instances of one plan node: immutable, shared by all partitions, so that
 * running state never lives in a plan.
 */
public interface OperatorFactory {
  Operator create(OperatorContext context);

  /** One line describing the operator for EXPLAIN, with column names rather than indexes. */
  String explain();

  /** Whether instances keep state across micro-batches (and so must follow an exchange). */
  default boolean stateful() {
    return false;
  }
}
