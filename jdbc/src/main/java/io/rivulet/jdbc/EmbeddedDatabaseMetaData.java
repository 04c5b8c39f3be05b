package io.rivulet.jdbc;

import io.rivulet.engine.CatalogEntry;
import io.rivulet.engine.Session;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a Rivulet engine is and holds, for tools: its streams, tables and views (table types STREAM,
 * TABLE and VIEW, in no catalog and no schema) with their columns, its types and functions, and
 * what SQL it supports. Capabilities are answered as they are today; where the answer is "none"
 * (keys, indexes, procedures, privileges) the result set is empty with JDBC's columns.
 */
final class EmbeddedDatabaseMetaData implements DatabaseMetaData {
  private static final List<String> TABLE_TYPES = List.of("STREAM", "TABLE", "VIEW");

  private final EmbeddedConnection connection;

  EmbeddedDatabaseMetaData(EmbeddedConnection connection) {
    this.connection = connection;
  }

  // Result sets built from a column spec: NAME is VARCHAR, NAME:i INTEGER, NAME:s SMALLINT,
  // NAME:b BOOLEAN, NAME:l BIGINT.

  private static ResultSet rows(String spec, List<Object[]> rows) {
    List<JdbcColumn> columns = new ArrayList<>();
    for (String column : spec.split(",")) {
      String[] parts = column.trim().split(":");
      DataType type = parts.length == 1 ? DataType.VARCHAR : switch (parts[1]) {
        case "i" -> DataType.INTEGER;
        case "s" -> DataType.SMALLINT;
        case "b" -> DataType.BOOLEAN;
        case "l" -> DataType.BIGINT;
        default -> throw new IllegalArgumentException(column);
      };
      columns.add(JdbcColumn.of(new Field(parts[0], type, true, type.name())));
    }
    return EmbeddedResultSet.of(null, columns, rows);
  }

  private static ResultSet empty(String spec) {
    return rows(spec, List.of());
  }

  /** Whether {@code value} matches a JDBC LIKE pattern ({@code %}, {@code _}, escape {@code \}); null matches all. */
  static boolean like(String value, String pattern) {
    if (pattern == null) {
      return true;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
  }

  /** Objects live in no catalog and no schema: a catalog or schema pattern that needs one excludes them. */
  private static boolean inNoCatalogOrSchema(String catalog, String schemaPattern) {
    return (catalog == null || catalog.isEmpty()) && (schemaPattern == null || like("", schemaPattern));
  }

  private List<CatalogEntry> objects(String catalog, String schemaPattern, String namePattern) throws SQLException {
    if (!inNoCatalogOrSchema(catalog, schemaPattern)) {
      return List.of();
    }
    return connection.catalog().stream().filter(o -> like(o.name(), namePattern)).toList();
  }

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    List<String> wanted = types == null ? TABLE_TYPES
        : Arrays.stream(types).map(t -> t.toUpperCase(Locale.ROOT)).toList();
    List<Object[]> rows = new ArrayList<>();
    objects(catalog, schemaPattern, tableNamePattern).stream()
        .filter(o -> wanted.contains(o.kind()))
        .sorted(Comparator.comparing(CatalogEntry::kind).thenComparing(CatalogEntry::name))
        .forEach(o -> rows.add(new Object[] {null, null, o.name(), o.kind(), null, null, null, null, null, null}));
    return rows("TABLE_CAT, TABLE_SCHEM, TABLE_NAME, TABLE_TYPE, REMARKS, TYPE_CAT, TYPE_SCHEM, TYPE_NAME, "
        + "SELF_REFERENCING_COL_NAME, REF_GENERATION", rows);
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogEntry object : objects(catalog, schemaPattern, tableNamePattern)) {
      List<Field> fields = object.columns().fields();
      for (int i = 0; i < fields.size(); i++) {
        Field field = fields.get(i);
        if (!like(field.name(), columnNamePattern)) {
          continue;
        }
        JdbcColumn column = JdbcColumn.of(field);
        boolean numeric = column.signed();
        boolean text = column.sqlType() == Types.VARCHAR || column.sqlType() == Types.CHAR;
        boolean sized = numeric || text || column.sqlType() == Types.DATE || column.sqlType() == Types.TIME
            || column.sqlType() == Types.TIMESTAMP || column.sqlType() == Types.BOOLEAN;
        boolean scaled = column.sqlType() == Types.DECIMAL || column.sqlType() == Types.TIME
            || column.sqlType() == Types.TIMESTAMP;
        rows.add(new Object[] {
            null, null, object.name(), field.name(), column.sqlType(), column.typeName(),
            sized ? column.precision() : null, null, scaled ? column.scale() : null, numeric ? 10 : null,
            field.nullable() ? columnNullable : columnNoNulls, null, null, null, null,
            text ? column.precision() : null, i + 1, field.nullable() ? "YES" : "NO",
            null, null, null, null, "NO", ""});
      }
    }
    return rows("TABLE_CAT, TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, DATA_TYPE:i, TYPE_NAME, COLUMN_SIZE:i, "
        + "BUFFER_LENGTH:i, DECIMAL_DIGITS:i, NUM_PREC_RADIX:i, NULLABLE:i, REMARKS, COLUMN_DEF, SQL_DATA_TYPE:i, "
        + "SQL_DATETIME_SUB:i, CHAR_OCTET_LENGTH:i, ORDINAL_POSITION:i, IS_NULLABLE, SCOPE_CATALOG, SCOPE_SCHEMA, "
        + "SCOPE_TABLE, SOURCE_DATA_TYPE:s, IS_AUTOINCREMENT, IS_GENERATEDCOLUMN", rows);
  }

  @Override
  public ResultSet getTableTypes() {
    List<Object[]> rows = new ArrayList<>();
    TABLE_TYPES.forEach(type -> rows.add(new Object[] {type}));
    return rows("TABLE_TYPE", rows);
  }

  @Override
  public ResultSet getSchemas() {
    return empty("TABLE_SCHEM, TABLE_CATALOG");
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) {
    return getSchemas();
  }

  @Override
  public ResultSet getCatalogs() {
    return empty("TABLE_CAT");
  }

  @Override
  public ResultSet getTypeInfo() {
    List<Object[]> rows = new ArrayList<>();
    type(rows, "ARRAY", Types.ARRAY, 0, null, null, false, false);
    type(rows, "BIGINT", Types.BIGINT, 19, null, null, false, true);
    type(rows, "BOOLEAN", Types.BOOLEAN, 1, null, null, false, false);
    type(rows, "CHAR", Types.CHAR, Integer.MAX_VALUE, "'", "'", true, false);
    type(rows, "DATE", Types.DATE, 10, "DATE '", "'", false, false);
    type(rows, "DECIMAL", Types.DECIMAL, 19, null, null, false, true);
    type(rows, "DOUBLE", Types.DOUBLE, 15, null, null, false, true);
    type(rows, "FLOAT", Types.FLOAT, 15, null, null, false, true);
    type(rows, "INTEGER", Types.INTEGER, 10, null, null, false, true);
    type(rows, "REAL", Types.REAL, 7, null, null, false, true);
    type(rows, "SMALLINT", Types.SMALLINT, 5, null, null, false, true);
    type(rows, "TIME", Types.TIME, 12, "TIME '", "'", false, false);
    type(rows, "TIMESTAMP", Types.TIMESTAMP, 23, "TIMESTAMP '", "'", false, false);
    type(rows, "TINYINT", Types.TINYINT, 3, null, null, false, true);
    type(rows, "VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "'", "'", true, false);
    rows.sort(Comparator.comparingInt((Object[] row) -> (Integer) row[1]));
    return rows("TYPE_NAME, DATA_TYPE:i, PRECISION:i, LITERAL_PREFIX, LITERAL_SUFFIX, CREATE_PARAMS, NULLABLE:s, "
        + "CASE_SENSITIVE:b, SEARCHABLE:s, UNSIGNED_ATTRIBUTE:b, FIXED_PREC_SCALE:b, AUTO_INCREMENT:b, "
        + "LOCAL_TYPE_NAME, MINIMUM_SCALE:s, MAXIMUM_SCALE:s, SQL_DATA_TYPE:i, SQL_DATETIME_SUB:i, NUM_PREC_RADIX:i",
        rows);
  }

  private static void type(List<Object[]> rows, String name, int sqlType, int precision, String prefix, String suffix,
      boolean caseSensitive, boolean numeric) {
    String parameters = switch (name) {
      case "DECIMAL" -> "precision,scale";
      case "CHAR", "VARCHAR" -> "length";
      case "TIMESTAMP", "TIME" -> "precision";
      default -> null;
    };
    short maximumScale = (short) (name.equals("DECIMAL") ? 19 : name.equals("TIMESTAMP") || name.equals("TIME") ? 3 : 0);
    rows.add(new Object[] {
        name, sqlType, precision, prefix, suffix, parameters, (short) typeNullable, caseSensitive,
        (short) (sqlType == Types.ARRAY ? typePredNone : typeSearchable), !numeric && sqlType != Types.ARRAY ? null : false,
        false, false, name, (short) 0, maximumScale, null, null, numeric ? 10 : null});
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) {
    List<Object[]> rows = new ArrayList<>();
    if (inNoCatalogOrSchema(catalog, schemaPattern)) {
      for (String name : Session.functions()) {
        if (like(name, functionNamePattern)) {
          rows.add(new Object[] {null, null, name, null, (short) functionResultUnknown, name});
        }
      }
    }
    return rows("FUNCTION_CAT, FUNCTION_SCHEM, FUNCTION_NAME, REMARKS, FUNCTION_TYPE:s, SPECIFIC_NAME", rows);
  }

  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
      String columnNamePattern) {
    return empty("FUNCTION_CAT, FUNCTION_SCHEM, FUNCTION_NAME, COLUMN_NAME, COLUMN_TYPE:s, DATA_TYPE:i, TYPE_NAME, "
        + "PRECISION:i, LENGTH:i, SCALE:s, RADIX:s, NULLABLE:s, REMARKS, CHAR_OCTET_LENGTH:i, ORDINAL_POSITION:i, "
        + "IS_NULLABLE, SPECIFIC_NAME");
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) {
    return empty("PROCEDURE_CAT, PROCEDURE_SCHEM, PROCEDURE_NAME, RESERVED1, RESERVED2, RESERVED3, REMARKS, "
        + "PROCEDURE_TYPE:s, SPECIFIC_NAME");
  }

  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
      String columnNamePattern) {
    return empty("PROCEDURE_CAT, PROCEDURE_SCHEM, PROCEDURE_NAME, COLUMN_NAME, COLUMN_TYPE:s, DATA_TYPE:i, "
        + "TYPE_NAME, PRECISION:i, LENGTH:i, SCALE:s, RADIX:s, NULLABLE:s, REMARKS, COLUMN_DEF, SQL_DATA_TYPE:i, "
        + "SQL_DATETIME_SUB:i, CHAR_OCTET_LENGTH:i, ORDINAL_POSITION:i, IS_NULLABLE, SPECIFIC_NAME");
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) {
    return empty("TABLE_CAT, TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, GRANTOR, GRANTEE, PRIVILEGE, IS_GRANTABLE");
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) {
    return empty("TABLE_CAT, TABLE_SCHEM, TABLE_NAME, GRANTOR, GRANTEE, PRIVILEGE, IS_GRANTABLE");
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) {
    return empty("SCOPE:s, COLUMN_NAME, DATA_TYPE:i, TYPE_NAME, COLUMN_SIZE:i, BUFFER_LENGTH:i, DECIMAL_DIGITS:s, "
        + "PSEUDO_COLUMN:s");
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) {
    return empty("SCOPE:s, COLUMN_NAME, DATA_TYPE:i, TYPE_NAME, COLUMN_SIZE:i, BUFFER_LENGTH:i, DECIMAL_DIGITS:s, "
        + "PSEUDO_COLUMN:s");
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) {
    return empty("TABLE_CAT, TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, KEY_SEQ:s, PK_NAME");
  }

  private static final String KEY_COLUMNS = "PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME, PKCOLUMN_NAME, FKTABLE_CAT, "
      + "FKTABLE_SCHEM, FKTABLE_NAME, FKCOLUMN_NAME, KEY_SEQ:s, UPDATE_RULE:s, DELETE_RULE:s, FK_NAME, PK_NAME, "
      + "DEFERRABILITY:s";

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) {
    return empty(KEY_COLUMNS);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) {
    return empty(KEY_COLUMNS);
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) {
    return empty(KEY_COLUMNS);
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) {
    return empty("TABLE_CAT, TABLE_SCHEM, TABLE_NAME, NON_UNIQUE:b, INDEX_QUALIFIER, INDEX_NAME, TYPE:s, "
        + "ORDINAL_POSITION:s, COLUMN_NAME, ASC_OR_DESC, CARDINALITY:l, PAGES:l, FILTER_CONDITION");
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) {
    return empty("TYPE_CAT, TYPE_SCHEM, TYPE_NAME, CLASS_NAME, DATA_TYPE:i, REMARKS, BASE_TYPE:s");
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) {
    return empty("TYPE_CAT, TYPE_SCHEM, TYPE_NAME, SUPERTYPE_CAT, SUPERTYPE_SCHEM, SUPERTYPE_NAME");
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) {
    return empty("TABLE_CAT, TABLE_SCHEM, TABLE_NAME, SUPERTABLE_NAME");
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
      String attributeNamePattern) {
    return empty("TYPE_CAT, TYPE_SCHEM, TYPE_NAME, ATTR_NAME, DATA_TYPE:i, ATTR_TYPE_NAME, ATTR_SIZE:i, "
        + "DECIMAL_DIGITS:i, NUM_PREC_RADIX:i, NULLABLE:i, REMARKS, ATTR_DEF, SQL_DATA_TYPE:i, SQL_DATETIME_SUB:i, "
        + "CHAR_OCTET_LENGTH:i, ORDINAL_POSITION:i, IS_NULLABLE, SCOPE_CATALOG, SCOPE_SCHEMA, SCOPE_TABLE, "
        + "SOURCE_DATA_TYPE:s");
  }

  @Override
  public ResultSet getClientInfoProperties() {
    return empty("NAME, MAX_LEN:i, DEFAULT_VALUE, DESCRIPTION");
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) {
    return empty("TABLE_CAT, TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, DATA_TYPE:i, COLUMN_SIZE:i, DECIMAL_DIGITS:i, "
        + "NUM_PREC_RADIX:i, COLUMN_USAGE, REMARKS, CHAR_OCTET_LENGTH:i, IS_NULLABLE");
  }

  // The product and the driver.

  @Override
  public String getURL() {
    return connection.url();
  }

  @Override
  public String getUserName() {
    return "";
  }

  @Override
  public String getDatabaseProductName() {
    return "Rivulet";
  }

  @Override
  public String getDatabaseProductVersion() {
    return RivuletDriver.VERSION;
  }

  @Override
  public String getDriverName() {
    return "Rivulet JDBC driver";
  }

  @Override
  public String getDriverVersion() {
    return RivuletDriver.VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return RivuletDriver.MAJOR_VERSION;
  }

  @Override
  public int getDriverMinorVersion() {
    return RivuletDriver.MINOR_VERSION;
  }

  @Override
  public int getDatabaseMajorVersion() {
    return RivuletDriver.MAJOR_VERSION;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return RivuletDriver.MINOR_VERSION;
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 2;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  // The dialect: Calcite SQL with Lex.JAVA, names case-insensitive, back-quoted identifiers.

  @Override
  public String getIdentifierQuoteString() {
    return "`";
  }

  @Override
  public String getSQLKeywords() {
    return "DESCRIBE,EXPLAIN,HOP,PROCTIME,QUERIES,QUERY,RESET,SESSION,SHOW,STOP,STREAM,STREAMS,TABLES,TUMBLE,VIEWS,"
        + "WATERMARK";
  }

  /** Empty: these lists name the functions of the JDBC escape syntax, which Rivulet does not process. */
  @Override
  public String getNumericFunctions() {
    return "";
  }

  @Override
  public String getStringFunctions() {
    return "";
  }

  @Override
  public String getSystemFunctions() {
    return "";
  }

  @Override
  public String getTimeDateFunctions() {
    return "";
  }

  @Override
  public String getSearchStringEscape() {
    return "\\";
  }

  @Override
  public String getExtraNameCharacters() {
    return "";
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean nullsAreSortedHigh() {
    return true;
  }

  @Override
  public boolean nullsAreSortedLow() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtStart() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() {
    return false;
  }

  @Override
  public boolean nullPlusNonNullIsNull() {
    return true;
  }

  @Override
  public boolean supportsColumnAliasing() {
    return true;
  }

  @Override
  public boolean supportsTableCorrelationNames() {
    return true;
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() {
    return false;
  }

  @Override
  public boolean supportsConvert() {
    return false;
  }

  @Override
  public boolean supportsConvert(int fromType, int toType) {
    return false;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() {
    return false;
  }

  @Override
  public boolean supportsOrderByUnrelated() {
    return false;
  }

  @Override
  public boolean supportsGroupBy() {
    return true;
  }

  @Override
  public boolean supportsGroupByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() {
    return true;
  }

  @Override
  public boolean supportsLikeEscapeClause() {
    return true;
  }

  @Override
  public boolean supportsMultipleResultSets() {
    return true;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return false;
  }

  @Override
  public boolean supportsNonNullableColumns() {
    return true;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() {
    return true;
  }

  @Override
  public boolean supportsCoreSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() {
    return false;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() {
    return false;
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() {
    return false;
  }

  /** LEFT, RIGHT and FULL joins run (window, interval and regular joins; LEFT for lookups). */
  @Override
  public boolean supportsOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsFullOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsLimitedOuterJoins() {
    return true;
  }

  /** UNION without ALL would have to remember every row; only UNION ALL runs. */
  @Override
  public boolean supportsUnion() {
    return false;
  }

  @Override
  public boolean supportsUnionAll() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() {
    return false;
  }

  /** EXISTS and IN subqueries become semi and anti joins. */
  @Override
  public boolean supportsSubqueriesInExists() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInIns() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() {
    return false;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() {
    return true;
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() {
    return false;
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() {
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() {
    return false;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public boolean allProceduresAreCallable() {
    return false;
  }

  @Override
  public boolean allTablesAreSelectable() {
    return true;
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public boolean usesLocalFiles() {
    return false;
  }

  @Override
  public boolean usesLocalFilePerTable() {
    return false;
  }

  // Catalogs and schemas: none.

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getProcedureTerm() {
    return "procedure";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public boolean isCatalogAtStart() {
    return true;
  }

  @Override
  public String getCatalogSeparator() {
    return ".";
  }

  @Override
  public boolean supportsSchemasInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  // Limits: none known (0).

  @Override
  public int getMaxBinaryLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() {
    return 0;
  }

  @Override
  public int getMaxColumnsInGroupBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() {
    return 0;
  }

  @Override
  public int getMaxColumnsInOrderBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() {
    return 0;
  }

  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() {
    return 0;
  }

  @Override
  public int getMaxIndexLength() {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() {
    return 0;
  }

  @Override
  public int getMaxProcedureNameLength() {
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() {
    return 0;
  }

  @Override
  public int getMaxRowSize() {
    return 0;
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() {
    return false;
  }

  @Override
  public int getMaxStatementLength() {
    return 0;
  }

  @Override
  public int getMaxStatements() {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() {
    return 0;
  }

  @Override
  public int getMaxTablesInSelect() {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() {
    return 0;
  }

  // Transactions: none; every statement takes effect at once.

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean supportsTransactions() {
    return false;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return false;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() {
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() {
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() {
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() {
    return true;
  }

  @Override
  public boolean supportsSavepoints() {
    return false;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() {
    return false;
  }

  // Result sets: forward-only and read-only.

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean insertsAreDetected(int type) {
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() {
    return true;
  }

  @Override
  public boolean supportsNamedParameters() {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() {
    return false;
  }

  @Override
  public boolean supportsGetGeneratedKeys() {
    return false;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() {
    return false;
  }

  @Override
  public boolean locatorsUpdateCopy() {
    return false;
  }

  @Override
  public int getSQLStateType() {
    return sqlStateSQL;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Rivulet database metadata is not a " + type.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
