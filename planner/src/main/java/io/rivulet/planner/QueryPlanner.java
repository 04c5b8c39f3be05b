package io.rivulet.planner;

import io.rivulet.parser.QuerySource;
import io.rivulet.planner.calcite.Normalizer;
import io.rivulet.planner.calcite.SqlConverter;
import io.rivulet.planner.calcite.TypeMapping;
import io.rivulet.planner.catalog.Catalog;
import io.rivulet.planner.catalog.CatalogObject;
import io.rivulet.planner.catalog.Column;
import io.rivulet.planner.catalog.SourceObject;
import io.rivulet.planner.catalog.ViewObject;
import io.rivulet.planner.physical.Boundedness;
import io.rivulet.planner.physical.PhysicalPlanner;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.plan.PhysicalNode;
import io.rivulet.runtime.plan.StageGraph;
import io.rivulet.runtime.type.Schema;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Plans queries against a catalog: Calcite validation and conversion, normalisation, then
 * lowering into a physical micro-batch DAG.
 */
public final class QueryPlanner {
  private final Catalog catalog;
  private final Clock clock;

  public QueryPlanner(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  /** Plans a query whose rows go to the client. */
  public PlannedQuery plan(QuerySource query, PlannerOptions options) {
    SqlConverter converter = new SqlConverter(catalog);
    RelRoot root = converter.convert(query);
    RelNode rel = root.project(true);
    return finish(converter, rel, root.validatedRowType.getFieldNames(), query, Optional.empty(), options);
  }

  /** Plans {@code INSERT INTO target query}: the query's columns are cast to the target's. */
  public PlannedQuery planInsert(String targetName, QuerySource query, PlannerOptions options) {
    CatalogObject object = catalog.get(targetName);
    if (!(object instanceof SourceObject target)) {
      throw new RivuletException(
          Category.VALIDATION,
          "cannot INSERT INTO view '" + object.name() + "'; insert into a stream or table")
          .at(position(query));
    }
    SqlConverter converter = new SqlConverter(catalog);
    RelRoot root = converter.convert(query);
    RelNode rel = root.project(true);
    RelDataTypeFactory typeFactory = converter.typeFactory();
    RelDataTypeFactory.Builder targetType = typeFactory.builder();
    List<Column> columns = target.physicalColumns();
    for (Column column : columns) {
      targetType.add(
          column.name(), TypeMapping.toRelType(column.type(), !column.notNull(), typeFactory));
    }
    RelDataType targetRowType = targetType.build();
    List<RelDataTypeField> produced = rel.getRowType().getFieldList();
    if (produced.size() != columns.size()) {
      throw new RivuletException(
              Category.VALIDATION,
              target.describe() + " has " + columns.size() + " columns "
                  + columns.stream().map(Column::name).toList() + " but the query produces "
                  + produced.size() + "; select one value per column, in order")
          .at(position(query));
    }
    for (int i = 0; i < columns.size(); i++) {
      RelDataType want = targetRowType.getFieldList().get(i).getType();
      RelDataType have = produced.get(i).getType();
      if (!SqlTypeUtil.canAssignFrom(want, have)) {
        throw new RivuletException(
                Category.VALIDATION,
                "column " + (i + 1) + " '" + columns.get(i).name() + "' of " + target.describe()
                    + " is " + TypeMapping.typeName(want) + " but the query gives "
                    + TypeMapping.typeName(have) + "; CAST it")
            .at(position(query));
      }
    }
    RelNode cast = RelOptUtil.createCastRel(rel, targetRowType, true);
    return finish(converter, cast, targetRowType.getFieldNames(), query, Optional.of(target), options);
  }

  /** Plans a view's query to learn its columns; the view is planned anew wherever it is used. */
  public ViewObject planView(String name, List<String> columnNames, QuerySource query) {
    SqlConverter converter = new SqlConverter(catalog);
    RelRoot root = converter.convert(query);
    RelDataType rowType = root.validatedRowType;
    if (!columnNames.isEmpty()) {
      if (columnNames.size() != rowType.getFieldCount()) {
        throw new RivuletException(
                Category.VALIDATION,
                "view '" + name + "' names " + columnNames.size() + " columns but its query produces "
                    + rowType.getFieldCount())
            .at(position(query));
      }
      rowType = converter.typeFactory().createStructType(
          rowType.getFieldList().stream().map(RelDataTypeField::getType).toList(), columnNames);
    }
    boolean stream = Boundedness.isUnbounded(root.rel);
    return new ViewObject(
        name, query, TypeMapping.toSchema(rowType), RelDataTypeImpl.proto(rowType), stream);
  }

  private PlannedQuery finish(
      SqlConverter converter,
      RelNode rel,
      List<String> names,
      QuerySource query,
      Optional<SourceObject> target,
      PlannerOptions options) {
    try {
      RelNode normalised = Normalizer.normalise(rel);
      String logical = RelOptUtil.toString(normalised);
      RelNode calcs = Normalizer.toCalc(normalised);
      PhysicalNode root = new PhysicalPlanner(converter.typeFactory(), clock, options).lower(calcs);
      Schema schema = TypeMapping.toSchema(calcs.getRowType(), names);
      return new PlannedQuery(
          StageGraph.of(root),
          schema,
          root.changelog(),
          Boundedness.isUnbounded(rel),
          logical,
          target);
    } catch (RivuletException e) {
      throw e.at(position(query));
    }
  }

  private static RivuletException.Position position(QuerySource query) {
    return new RivuletException.Position(query.position().line(), query.position().column());
  }
}
