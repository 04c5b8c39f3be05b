package io.rivulet.shell.interactive;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The words of the dialect the shell highlights and completes. */
final class Keywords {
  /** Words that begin a statement, and the shell's own commands. */
  static final List<String> STATEMENT_STARTS = List.of(
      "CREATE", "DESCRIBE", "DROP", "EXIT", "EXPLAIN", "HELP", "INSERT", "QUIT", "RESET", "SELECT",
      "SET", "SHOW", "STOP", "VALUES", "WITH");

  /** Column types of CREATE STREAM and CREATE TABLE. */
  static final List<String> TYPES = List.of(
      "ARRAY", "BIGINT", "BOOLEAN", "DATE", "DECIMAL", "DOUBLE", "FLOAT", "INT", "INTEGER", "SMALLINT",
      "STRING", "TIME", "TIMESTAMP", "TIMESTAMP(3)", "TINYINT", "VARCHAR");

  /** Keywords that may appear inside a query. */
  static final List<String> QUERY = List.of(
      "ALL", "AND", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST", "CROSS", "DAY", "DESC", "DESCRIPTOR",
      "DISTINCT", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FIRST", "FROM", "FULL", "GROUP",
      "HAVING", "HOP", "HOUR", "IN", "INNER", "INTERSECT", "INTERVAL", "IS", "JOIN", "LATERAL", "LEFT",
      "LIKE", "LIMIT", "MINUTE", "MONTH", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER",
      "PARTITION", "RIGHT", "ROWS", "SECOND", "SELECT", "SESSION", "STREAM", "TABLE", "THEN", "TRUE",
      "TUMBLE", "UNION", "UNNEST", "USING", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH", "YEAR");

  private static final Set<String> ALL;

  static {
    Set<String> all = new TreeSet<>(STATEMENT_STARTS);
    all.addAll(QUERY);
    all.addAll(Arrays.asList(
        "ALL", "EXISTS", "FOR", "FUNCTIONS", "IF", "INTO", "OR", "PLAN", "PRECISION", "PROCTIME",
        "QUERIES", "QUERY", "REPLACE", "STREAMS", "TABLES", "VIEW", "VIEWS", "WATERMARK"));
    for (String type : TYPES) {
      if (!type.contains("(")) {
        all.add(type);
      }
    }
    ALL = Collections.unmodifiableSet(all);
  }

  private Keywords() {}

  /** Whether {@code word} is a keyword, in any case. */
  static boolean isKeyword(String word) {
    return ALL.contains(word.toUpperCase(Locale.ROOT));
  }
}
