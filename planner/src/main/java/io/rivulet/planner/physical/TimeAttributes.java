package io.rivulet.planner.physical;

import io.rivulet.planner.calcite.SourceTable;
import io.rivulet.planner.catalog.Column;
import io.rivulet.planner.catalog.SourceObject;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Finds whether a column is a time attribute: the event-time column of a stream's WATERMARK, or a
 * PROCTIME() column, passed through unchanged by projections, filters and unions.
 */
final class TimeAttributes {
  /** The two kinds of time a window can be defined on. */
  enum Kind {
    EVENT_TIME,
    PROCESSING_TIME
  }

  private TimeAttributes() {}

  static Optional<Kind> of(RelNode rel, int column) {
    if (rel instanceof TableScan scan) {
      SourceTable table = scan.getTable().unwrap(SourceTable.class);
      if (table == null) {
        return Optional.empty();
      }
      SourceObject source = table.source();
      Column declared = source.columns().get(column);
      if (declared.proctime()) {
        return Optional.of(Kind.PROCESSING_TIME);
      }
      boolean eventTime =
          source.watermark().map(w -> w.column().equalsIgnoreCase(declared.name())).orElse(false);
      return eventTime ? Optional.of(Kind.EVENT_TIME) : Optional.empty();
    }
    if (rel instanceof Calc calc) {
      RexNode expression =
          calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(column));
      return expression instanceof RexInputRef ref ? of(calc.getInput(), ref.getIndex()) : Optional.empty();
    }
    if (rel instanceof Project project) {
      RexNode expression = project.getProjects().get(column);
      return expression instanceof RexInputRef ref ? of(project.getInput(), ref.getIndex()) : Optional.empty();
    }
    if (rel instanceof Filter filter) {
      return of(filter.getInput(), column);
    }
    if (rel instanceof TableFunctionScan scan && scan.getInputs().size() == 1) {
      RelNode input = scan.getInputs().get(0);
      return column < input.getRowType().getFieldCount() ? of(input, column) : Optional.empty();
    }
    if (rel instanceof Union union) {
      Optional<Kind> first = of(union.getInput(0), column);
      for (RelNode input : union.getInputs()) {
        if (!of(input, column).equals(first)) {
          return Optional.empty();
        }
      }
      return first;
    }
    return Optional.empty();
  }
}
