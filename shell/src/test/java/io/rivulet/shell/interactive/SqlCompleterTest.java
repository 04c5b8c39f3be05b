package io.rivulet.shell.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.engine.CatalogEntry;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;

/** Completion follows the statement: what comes next, and names from the catalog. */
class SqlCompleterTest {
  private static final CompletionSource CATALOG = new CompletionSource() {
    @Override
    public List<CatalogEntry> objects() {
      return List.of(
          new CatalogEntry("bids", "STREAM", Schema.of(
              new Field("auction", DataType.BIGINT, true, "BIGINT"),
              new Field("price", DataType.BIGINT, true, "BIGINT"),
              new Field("channel", DataType.VARCHAR, true, "VARCHAR"))),
          new CatalogEntry("users", "TABLE", Schema.of(
              new Field("id", DataType.BIGINT, true, "BIGINT"),
              new Field("name", DataType.VARCHAR, true, "VARCHAR"))),
          new CatalogEntry("big_bids", "VIEW", Schema.of(Field.of("auction", DataType.BIGINT))));
    }

    @Override
    public List<String> functions() {
      return List.of("COUNT", "UPPER");
    }

    @Override
    public List<String> runningQueries() {
      return List.of("q1", "q3");
    }

    @Override
    public Map<String, SortedSet<String>> connectorOptions() {
      return Map.of(
          "file", new TreeSet<>(List.of("connector", "format", "mode", "path")),
          "socket", new TreeSet<>(List.of("connector", "host", "port")));
    }

    @Override
    public List<String> settingKeys() {
      return List.of("parallelism", "result.mode", "verbose");
    }
  };

  private final SqlCompleter completer = new SqlCompleter(CATALOG);

  private List<String> complete(String beforeCursor) {
    return complete(beforeCursor, "");
  }

  private List<String> complete(String beforeCursor, String afterCursor) {
    StatementLine line = StatementLine.at(beforeCursor + afterCursor, beforeCursor.length());
    return completer.candidates(line).stream().map(Candidate::value).toList();
  }

  @Test
  void anEmptyLineOffersTheStatementStarts() {
    assertThat(complete("")).contains("CREATE", "SELECT", "INSERT", "SHOW", "SET", "HELP", "QUIT")
        .doesNotContain("bids", "FROM");
    assertThat(complete("SELECT 1; ")).contains("CREATE", "SELECT");
  }

  @Test
  void offersTheNextWordOfAStatement() {
    assertThat(complete("CREATE ")).containsExactly("STREAM", "TABLE", "VIEW", "OR");
    assertThat(complete("SHOW ")).containsExactly("STREAMS", "TABLES", "VIEWS", "QUERIES", "FUNCTIONS");
    assertThat(complete("INSERT ")).containsExactly("INTO");
    assertThat(complete("STOP ")).containsExactly("QUERY");
    assertThat(complete("STOP QUERY ")).containsExactly("q1", "q3");
    assertThat(complete("EXPLAIN ")).containsExactly("SELECT", "INSERT", "PLAN");
  }

  @Test
  void keywordsComeInTheCaseBeingTyped() {
    assertThat(complete("cr")).contains("create");
    assertThat(complete("show s")).contains("streams");
  }

  @Test
  void namesFromTheCatalogWhereAStreamIsExpected() {
    assertThat(complete("SELECT * FROM ")).contains("bids", "users", "big_bids").doesNotContain("auction");
    assertThat(complete("DESCRIBE ")).containsExactly("bids", "users", "big_bids");
    assertThat(complete("DROP VIEW ")).containsExactly("IF", "big_bids");
    assertThat(complete("DROP STREAM IF EXISTS ")).containsExactly("bids");
    assertThat(complete("INSERT INTO ")).containsExactly("bids", "users");
  }

  @Test
  void columnsOfTheStreamsTheStatementNames() {
    List<String> inSelectList = complete("SELECT ", " FROM bids");
    assertThat(inSelectList).contains("auction", "price", "channel", "COUNT", "bids", "WHERE")
        .doesNotContain("id", "name");
    assertThat(complete("SELECT b.", " FROM bids AS b")).containsExactly("b.auction", "b.price", "b.channel");
    assertThat(complete("SELECT * FROM bids b JOIN users u ON b.auction = u.")).containsExactly("u.id", "u.name");
    assertThat(complete("SELECT * FROM users WHERE ")).contains("id", "name").doesNotContain("price");
  }

  @Test
  void connectorOptionsInsideWith() {
    String create = "CREATE STREAM s (a BIGINT) WITH (";
    assertThat(complete(create)).contains("'connector'", "'path'", "'host'");
    assertThat(complete(create + "'")).contains("connector", "path", "host");
    assertThat(complete(create + "'connector' = 'file', '")).containsExactly("format", "mode", "path");
    assertThat(complete(create + "'connector' = '")).containsExactly("file", "socket");
    assertThat(complete(create + "'connector' = 'file', 'mode' = ")).containsExactly("'bounded'", "'continuous'");
  }

  @Test
  void typesAndWatermarksInsideTheColumnList() {
    assertThat(complete("CREATE STREAM s (a ")).contains("BIGINT", "VARCHAR", "TIMESTAMP(3)");
    assertThat(complete("CREATE STREAM s (a BIGINT, ")).containsExactly("WATERMARK");
    assertThat(complete("CREATE STREAM s (ts TIMESTAMP(3), WATERMARK FOR ")).containsExactly("ts");
    assertThat(complete("CREATE STREAM s (a BIGINT) ")).containsExactly("WITH");
  }

  @Test
  void setKeysAndValues() {
    assertThat(complete("SET ")).containsExactly("'parallelism'", "'result.mode'", "'verbose'");
    assertThat(complete("SET 'res")).containsExactly("parallelism", "result.mode", "verbose");
    assertThat(complete("SET 'result.mode' = ")).containsExactly("'tableau'", "'table'", "'changelog'");
    assertThat(complete("RESET ")).contains("'verbose'", "ALL");
  }

  @Test
  void nothingInsideAComment() {
    assertThat(complete("SELECT -- fr")).isEmpty();
  }

  @Test
  void completingInsideAStringClosesIt() {
    StatementLine line = StatementLine.at("SET 'res", 8);

    assertThat(line.word()).isEqualTo("res");
    assertThat(line.rawWordLength()).isEqualTo(4);
    assertThat(line.escape("result.mode", true)).isEqualTo("'result.mode'");
    assertThat(line.escape("result.", false)).isEqualTo("'result.");
  }
}
