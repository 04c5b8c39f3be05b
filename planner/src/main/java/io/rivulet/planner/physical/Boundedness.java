package io.rivulet.planner.physical;

import io.rivulet.planner.calcite.SourceTable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/** Whether a logical plan reads a stream (unbounded) or only tables and literal rows. */
public final class Boundedness {
  private Boundedness() {}

  public static boolean isUnbounded(RelNode rel) {
    if (rel instanceof TableScan scan) {
      RelOptTable table = scan.getTable();
      SourceTable source = table.unwrap(SourceTable.class);
      return source != null && source.source().stream();
    }
    for (RelNode input : rel.getInputs()) {
      if (isUnbounded(input)) {
        return true;
      }
    }
    return false;
  }
}
