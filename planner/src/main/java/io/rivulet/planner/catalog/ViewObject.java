package io.rivulet.planner.catalog;

import io.rivulet.parser.QuerySource;
import io.rivulet.runtime.type.Schema;
import org.apache.calcite.rel.type.RelProtoDataType;

/**
 * A named query, expanded wherever it is used.
 *
 * @param schema the view's columns as planned when it was created
 * @param rowType the same columns as a Calcite row type, for validating queries over the view
 * @param stream whether the view reads a stream (and so is unbounded)
 */
public record ViewObject(
    String name, QuerySource query, Schema schema, RelProtoDataType rowType, boolean stream)
    implements CatalogObject {
  @Override
  public String kind() {
    return "VIEW";
  }
}
