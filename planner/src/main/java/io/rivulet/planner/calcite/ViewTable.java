package io.rivulet.planner.calcite;

import io.rivulet.planner.catalog.ViewObject;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A catalog view as Calcite sees it: expanded into its query's plan wherever it is read. */
final class ViewTable extends AbstractTable implements TranslatableTable {
  private final ViewObject view;

  ViewTable(ViewObject view) {
    this.view = view;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return view.rowType().apply(typeFactory);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
    RelNode expanded =
        context.expandView(table.getRowType(), view.query().sql(), List.of(), List.of(view.name()))
            .project();
    return RelOptUtil.createCastRel(expanded, table.getRowType(), true);
  }
}
