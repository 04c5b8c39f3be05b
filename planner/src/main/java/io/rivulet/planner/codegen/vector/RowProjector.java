package io.rivulet.planner.codegen.vector;

/**
 * The projections of a program without a filter, evaluated for one row by the row-at-a-time path's
 * generated code: what a mixed {@link VectorProgram} uses for the projections that have no kernel.
 */
@FunctionalInterface
public interface RowProjector {
  /** The projected values of {@code input}, a row of the program's input (unused columns null). */
  Object[] project(Object[] input);
}
