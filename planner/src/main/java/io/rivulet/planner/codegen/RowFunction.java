package io.rivulet.planner.codegen;

import org.apache.calcite.DataContext;

/**
 * A compiled filter-and-project over one row in Calcite's value representation; public so that
 * generated classes can implement it.
 */
public interface RowFunction {
  /** The projected row, or null when the filter rejects {@code input}. */
  Object[] apply(DataContext context, Object[] input);
}
