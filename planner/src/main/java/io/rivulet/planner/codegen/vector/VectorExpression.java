package io.rivulet.planner.codegen.vector;

/** A compiled expression that computes its values for many rows of a batch at once. */
interface VectorExpression {
  /**
   * The values for {@code rows} of the frame's batch, in arrays of the batch's size; positions
   * outside {@code rows} are undefined.
   *
   * @throws NeedsRowPath when some row must be evaluated by the row-at-a-time path
   */
  Values evaluate(Frame frame, Rows rows);
}
