package io.rivulet.planner.calcite;

import io.rivulet.parser.ParseException;
import io.rivulet.parser.Position;
import io.rivulet.parser.QuerySource;
import io.rivulet.planner.catalog.Catalog;
import io.rivulet.planner.catalog.CatalogObject;
import io.rivulet.planner.catalog.SourceObject;
import io.rivulet.planner.catalog.ViewObject;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Turns query text into a Calcite logical plan against the catalog: parse, validate (with
 * positions mapped back to the script) and convert, expanding views.
 */
public final class SqlConverter {
  /** Calcite's library functions offered beside the standard ones (SPLIT, and more). */
  private static final SqlOperatorTable LIBRARY_OPERATORS =
      SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
          EnumSet.of(SqlLibrary.BIG_QUERY, SqlLibrary.POSTGRESQL));

  private final Catalog catalog;
  private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(RivuletTypeSystem.INSTANCE);
  private final CalciteCatalogReader catalogReader;
  private final SqlOperatorTable operators;
  private final RelOptCluster cluster;

  public SqlConverter(Catalog catalog) {
    this.catalog = catalog;
    SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
    for (CatalogObject object : catalog.objects()) {
      if (object instanceof SourceObject source) {
        root.add(source.name(), new SourceTable(source));
      } else if (object instanceof ViewObject view) {
        root.add(view.name(), new ViewTable(view));
      }
    }
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    this.catalogReader =
        new CalciteCatalogReader(
            CalciteSchema.from(root),
            List.of(),
            typeFactory,
            new CalciteConnectionConfigImpl(properties));
    this.operators =
        SqlOperatorTables.chain(
            SqlStdOperatorTable.instance(),
            LIBRARY_OPERATORS,
            SqlOperatorTables.of(SessionEndFunction.INSTANCE),
            catalogReader);
    this.cluster =
        RelOptCluster.create(new HepPlanner(HepProgram.builder().build()), new RexBuilder(typeFactory));
  }

  public JavaTypeFactoryImpl typeFactory() {
    return typeFactory;
  }

  public RelOptCluster cluster() {
    return cluster;
  }

  /** Validates and converts a query; its result columns carry the names the query gives them. */
  public RelRoot convert(QuerySource query) {
    SqlNode parsed = SessionEndFunction.rewrite(query.parse());
    SqlValidator validator = newValidator();
    SqlNode validated;
    try {
      validated = validator.validate(parsed);
    } catch (CalciteContextException e) {
      throw validationError(e, query.position());
    } catch (ParseException e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof CalciteContextException context) {
          throw validationError(context, query.position());
        }
        cause = cause.getCause();
      }
      throw new RivuletException(Category.VALIDATION, String.valueOf(e.getMessage()), e)
          .at(toRuntime(query.position()));
    }
    SqlToRelConverter converter =
        new SqlToRelConverter(
            this::expandView,
            validator,
            catalogReader,
            cluster,
            StandardConvertletTable.INSTANCE,
            SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
    RelRoot root = converter.convertQuery(validated, false, true);
    RelNode named = UnnestAliases.apply(root.rel, UnnestAliases.collect(validated));
    return root.withRel(converter.trimUnusedFields(false, named));
  }

  private SqlValidator newValidator() {
    return new StreamingValidator(
        operators,
        catalogReader,
        typeFactory,
        SqlValidator.Config.DEFAULT
            .withConformance(SqlConformanceEnum.DEFAULT)
            .withIdentifierExpansion(true)
            .withTypeCoercionFactory(StrictTypeCoercion::new));
  }

  private RelRoot expandView(
      RelDataType rowType, String queryString, List<String> schemaPath, List<String> viewPath) {
    String name = viewPath.get(viewPath.size() - 1);
    ViewObject view = (ViewObject) catalog.get(name);
    try {
      return convert(view.query());
    } catch (RivuletException e) {
      throw new RivuletException(
          e.category(),
          "view '" + view.name() + "' no longer plans: " + e.getMessage()
              + "; recreate it with CREATE OR REPLACE VIEW",
          e);
    }
  }

  private RivuletException validationError(CalciteContextException e, Position start) {
    String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    // Errors are one line: Calcite lists supported forms on lines of their own.
    message = message.strip().replace("\r", "").replace("\n", "; ");
    java.util.regex.Matcher unknown =
        java.util.regex.Pattern.compile("Object '([^']*)' not found").matcher(message);
    if (unknown.matches()) {
      try {
        catalog.get(unknown.group(1));
      } catch (RivuletException missing) {
        message = missing.getMessage();
      }
    }
    Position position = start;
    if (e.getPosLine() > 0) {
      int line = start.line() + e.getPosLine() - 1;
      int column = e.getPosLine() == 1 ? start.column() + e.getPosColumn() - 1 : e.getPosColumn();
      position = new Position(line, column);
    }
    return new RivuletException(Category.VALIDATION, message, toRuntime(position), e);
  }

  static RivuletException.Position toRuntime(Position position) {
    return new RivuletException.Position(position.line(), position.column());
  }

  /** The names of the SQL functions queries can call, sorted. */
  public static java.util.SortedSet<String> functionNames() {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    for (SqlOperatorTable table : List.of(SqlStdOperatorTable.instance(), LIBRARY_OPERATORS)) {
      for (org.apache.calcite.sql.SqlOperator operator : table.getOperatorList()) {
        if (operator instanceof org.apache.calcite.sql.SqlFunction
            && operator.getName().matches("[A-Z][A-Z0-9_]*")) {
          names.add(operator.getName());
        }
      }
    }
    return names;
  }

  /** Resolves a table for callers that need its Calcite view, e.g. INSERT targets. */
  public RelOptTable table(String name) {
    return catalogReader.getTable(List.of(name));
  }
}
