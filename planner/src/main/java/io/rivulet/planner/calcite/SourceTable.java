package io.rivulet.planner.calcite;

import io.rivulet.planner.catalog.Column;
import io.rivulet.planner.catalog.SourceObject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/** A catalog stream or table as Calcite sees it: a named row type to validate queries against. */
public final class SourceTable extends AbstractTable {
  private final SourceObject source;

  SourceTable(SourceObject source) {
    this.source = source;
  }

  public SourceObject source() {
    return source;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : source.columns()) {
      builder.add(
          column.name(), TypeMapping.toRelType(column.type(), !column.notNull(), typeFactory));
    }
    return builder.build();
  }
}
