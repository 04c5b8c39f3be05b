package io.rivulet.parser;

import static io.rivulet.parser.Parsing.at;
import static io.rivulet.parser.Parsing.message;
import static io.rivulet.parser.Parsing.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Queries, INSERT, EXPLAIN and the commands: SET, RESET, SHOW, DESCRIBE, DROP and STOP QUERY. */
class CommandStatementTest {

    @Test
    void queryStatement() {
        QueryStatement query = single("SELECT a, COUNT(*) FROM t GROUP BY a", QueryStatement.class);

        assertThat(query).isEqualTo(new QueryStatement(
                new QuerySource("SELECT a, COUNT(*) FROM t GROUP BY a", at(1, 1)),
                "SELECT a, COUNT(*) FROM t GROUP BY a",
                at(1, 1)));
    }

    @Test
    void queriesMayStartWithWithValuesOrAParenthesis() {
        assertThat(single("WITH x AS (SELECT 1 AS a) SELECT a FROM x", QueryStatement.class).query().sql())
                .isEqualTo("WITH x AS (SELECT 1 AS a) SELECT a FROM x");
        assertThat(single("VALUES (1, 'a'), (2, 'b')", QueryStatement.class).query().sql())
                .isEqualTo("VALUES (1, 'a'), (2, 'b')");
        assertThat(single("(SELECT 1) UNION ALL (SELECT 2)", QueryStatement.class).query().sql())
                .isEqualTo("(SELECT 1) UNION ALL (SELECT 2)");
        assertThat(single("SELECT 1 UNION SELECT 2 ORDER BY 1", QueryStatement.class).query().sql())
                .isEqualTo("SELECT 1 UNION SELECT 2 ORDER BY 1");
    }

    @Test
    void streamingQueriesParse() {
        String window = "SELECT window_start, window_end, auction, COUNT(*) AS bids\n"
                + "FROM TABLE(HOP(TABLE bids, DESCRIPTOR(date_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))\n"
                + "GROUP BY window_start, window_end, auction";
        String group = "SELECT STREAM TUMBLE_START(date_time, INTERVAL '10' SECOND) AS ws, channel, COUNT(*)\n"
                + "FROM bids GROUP BY TUMBLE(date_time, INTERVAL '10' SECOND), channel";

        assertThat(single(window, QueryStatement.class).query().parse()).isNotNull();
        assertThat(single(group, QueryStatement.class).query().parse()).isNotNull();
    }

    @Test
    void insertStatement() {
        InsertStatement insert = single("INSERT INTO sink_stream SELECT * FROM bids WHERE price > 10", InsertStatement.class);

        assertThat(insert).isEqualTo(new InsertStatement(
                "sink_stream",
                new QuerySource("SELECT * FROM bids WHERE price > 10", at(1, 25)),
                "INSERT INTO sink_stream SELECT * FROM bids WHERE price > 10",
                at(1, 1)));
    }

    @Test
    void insertAcceptsEveryKindOfQuery() {
        assertThat(single("INSERT INTO `My Sink` (SELECT 1) UNION (SELECT 2)", InsertStatement.class))
                .extracting(InsertStatement::target, statement -> statement.query().sql())
                .containsExactly("My Sink", "(SELECT 1) UNION (SELECT 2)");
        assertThat(single("insert into s values (1)", InsertStatement.class).query().sql()).isEqualTo("values (1)");
        assertThat(single("INSERT INTO s WITH w AS (SELECT 1) SELECT * FROM w", InsertStatement.class).query().sql())
                .isEqualTo("WITH w AS (SELECT 1) SELECT * FROM w");
    }

    @Test
    void insertErrors() {
        assertThat(message("INSERT sink SELECT 1")).isEqualTo("syntax error at 1:8: unexpected 'sink', expected INTO");
        assertThat(message("INSERT INTO SELECT 1"))
                .isEqualTo("syntax error at 1:13: unexpected 'SELECT', expected an identifier");
        assertThat(message("INSERT INTO sink")).isEqualTo("syntax error at 1:17: unexpected end of input, expected a query");
        assertThat(message("INSERT INTO sink;")).isEqualTo("syntax error at 1:17: unexpected ';', expected a query");
    }

    @Test
    void explainQuery() {
        ExplainStatement explain = single("EXPLAIN SELECT a FROM t", ExplainStatement.class);

        assertThat(explain).isEqualTo(new ExplainStatement(
                new QueryStatement(new QuerySource("SELECT a FROM t", at(1, 9)), "SELECT a FROM t", at(1, 9)),
                "EXPLAIN SELECT a FROM t",
                at(1, 1)));
    }

    @Test
    void explainInsertAndExplainPlanFor() {
        ExplainStatement insert = single("EXPLAIN INSERT INTO s SELECT 1", ExplainStatement.class);
        ExplainStatement planFor = single("explain plan for\n  select 1", ExplainStatement.class);

        assertThat(insert.explained()).isEqualTo(new InsertStatement(
                "s", new QuerySource("SELECT 1", at(1, 23)), "INSERT INTO s SELECT 1", at(1, 9)));
        assertThat(planFor.explained()).isEqualTo(
                new QueryStatement(new QuerySource("select 1", at(2, 3)), "select 1", at(2, 3)));
        assertThat(planFor.text()).isEqualTo("explain plan for\n  select 1");
    }

    @Test
    void explainErrors() {
        assertThat(message("EXPLAIN"))
                .isEqualTo("syntax error at 1:8: unexpected end of input, expected one of: a query, INSERT INTO, PLAN FOR");
        assertThat(message("EXPLAIN SHOW STREAMS"))
                .isEqualTo("syntax error at 1:9: unexpected 'SHOW', expected one of: a query, INSERT INTO, PLAN FOR");
        assertThat(message("EXPLAIN PLAN SELECT 1")).isEqualTo("syntax error at 1:14: unexpected 'SELECT', expected FOR");
        assertThat(message("EXPLAIN SELECT FROM t"))
                .startsWith("syntax error at 1:16: unexpected 'FROM', expected one of: an identifier, ");
    }

    @Test
    void setWithQuotedKeyAndValue() {
        assertThat(single("SET 'batch.interval' = '500 ms'", SetStatement.class)).isEqualTo(
                new SetStatement(Optional.of("batch.interval"), Optional.of("500 ms"), "SET 'batch.interval' = '500 ms'",
                        at(1, 1)));
        assertThat(single("SET 'watermark.idle-timeout' = 'it''s'", SetStatement.class).value()).contains("it's");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SET parallelism = 4                   | parallelism            | 4",
        "SET batch.interval = 500ms            | batch.interval         | 500 ms",
        "SET batch.interval = 500 ms           | batch.interval         | 500 ms",
        "SET batch.interval = 1.5 s            | batch.interval         | 1.5 s",
        "SET state.ttl = '1 h'                 | state.ttl              | 1 h",
        "SET verbose = true                    | verbose                | true",
        "SET verbose = FALSE                   | verbose                | FALSE",
        "SET result.mode = changelog           | result.mode            | changelog",
        "SET late.policy = drop                | late.policy            | drop",
        "SET window.emit = on.close            | window.emit            | on.close",
        "SET watermark.skew = -1               | watermark.skew         | -1",
        "SET `a b`.c = x                       | a b.c                  | x",
        "set 'watermark.idle-timeout' = '5 s'  | watermark.idle-timeout | 5 s",
    })
    void setKeysAndValues(String script, String key, String value) {
        SetStatement set = single(script, SetStatement.class);

        assertThat(set.key()).contains(key);
        assertThat(set.value()).contains(value);
        assertThat(set.text()).isEqualTo(script);
    }

    @Test
    void setAloneListsSettings() {
        assertThat(single("SET", SetStatement.class))
                .isEqualTo(new SetStatement(Optional.empty(), Optional.empty(), "SET", at(1, 1)));
    }

    @Test
    void setErrors() {
        assertThat(message("SET 'k'")).isEqualTo("syntax error at 1:8: unexpected end of input, expected '='");
        assertThat(message("SET k ="))
                .isEqualTo("syntax error at 1:8: unexpected end of input, expected one of: an identifier, a string, a number, '-'");
        assertThat(message("SET 5 = 1"))
                .isEqualTo("syntax error at 1:5: unexpected '5', expected one of: an identifier, a string, ';'");
        assertThat(message("SET k = 'a' 'b'")).isEqualTo("syntax error at 1:13: unexpected 'b', expected ';'");
        assertThat(message("SET watermark.idle-timeout = '5 s'"))
                .isEqualTo("syntax error at 1:19: unexpected '-', expected '.' or '='; quote a key that contains '-',"
                        + " as in 'watermark.idle-timeout'");
    }

    @Test
    void reset() {
        assertThat(single("RESET 'batch.interval'", ResetStatement.class))
                .isEqualTo(new ResetStatement(Optional.of("batch.interval"), "RESET 'batch.interval'", at(1, 1)));
        assertThat(single("RESET batch.interval", ResetStatement.class).key()).contains("batch.interval");
        assertThat(single("RESET watermark.idle", ResetStatement.class).key()).contains("watermark.idle");
        assertThat(single("RESET", ResetStatement.class).key()).isEmpty();
        assertThat(single("RESET ALL", ResetStatement.class).key()).isEmpty();
        assertThat(single("reset all", ResetStatement.class).key()).isEmpty();
        assertThat(single("RESET 'all'", ResetStatement.class).key()).contains("all");
        assertThat(single("RESET all.x", ResetStatement.class).key()).contains("all.x");
    }

    @Test
    void resetErrors() {
        assertThat(message("RESET a b")).isEqualTo("syntax error at 1:9: unexpected 'b', expected '.' or ';'");
        assertThat(message("RESET watermark.idle-timeout"))
                .isEqualTo("syntax error at 1:21: unexpected '-', expected '.' or ';'; quote a key that contains '-',"
                        + " as in 'watermark.idle-timeout'");
    }

    @ParameterizedTest
    @EnumSource(ShowStatement.Kind.class)
    void show(ShowStatement.Kind kind) {
        String script = "SHOW " + kind.name().toLowerCase(java.util.Locale.ROOT);

        assertThat(single(script, ShowStatement.class)).isEqualTo(new ShowStatement(kind, script, at(1, 1)));
    }

    @Test
    void showErrors() {
        assertThat(message("SHOW STREAM"))
                .isEqualTo("syntax error at 1:6: unexpected 'STREAM', expected one of: FUNCTIONS, QUERIES, STREAMS,"
                        + " TABLES, VIEWS");
        assertThat(message("SHOW")).isEqualTo("syntax error at 1:5: unexpected end of input, expected one of:"
                + " FUNCTIONS, QUERIES, STREAMS, TABLES, VIEWS");
        assertThat(message("SHOW STREAMS LIKE 'a%'"))
                .isEqualTo("syntax error at 1:14: unexpected 'LIKE', expected ';'");
    }

    @Test
    void describe() {
        assertThat(single("DESCRIBE bids", DescribeStatement.class))
                .isEqualTo(new DescribeStatement("bids", "DESCRIBE bids", at(1, 1)));
        assertThat(single("desc `My View`", DescribeStatement.class).name()).isEqualTo("My View");
        assertThat(single("DESCRIBE streams", DescribeStatement.class).name()).isEqualTo("streams");
        assertThat(message("DESCRIBE")).isEqualTo("syntax error at 1:9: unexpected end of input, expected an identifier");
    }

    @ParameterizedTest
    @EnumSource(DropStatement.Kind.class)
    void drop(DropStatement.Kind kind) {
        String script = "DROP " + kind + " IF EXISTS x";

        assertThat(single(script, DropStatement.class)).isEqualTo(new DropStatement(kind, "x", true, script, at(1, 1)));
        assertThat(single("DROP " + kind + " `Y`", DropStatement.class))
                .isEqualTo(new DropStatement(kind, "Y", false, "DROP " + kind + " `Y`", at(1, 1)));
    }

    @Test
    void dropErrors() {
        assertThat(message("DROP INDEX i"))
                .isEqualTo("syntax error at 1:6: unexpected 'INDEX', expected one of: STREAM, TABLE, VIEW");
        assertThat(message("DROP STREAM IF x")).isEqualTo("syntax error at 1:16: unexpected 'x', expected EXISTS");
        assertThat(message("DROP TABLE"))
                .isEqualTo("syntax error at 1:11: unexpected end of input, expected an identifier or IF EXISTS");
        assertThat(message("DROP VIEW a b")).isEqualTo("syntax error at 1:13: unexpected 'b', expected ';'");
    }

    @Test
    void stopQuery() {
        assertThat(single("STOP QUERY q1", StopQueryStatement.class))
                .isEqualTo(new StopQueryStatement("q1", "STOP QUERY q1", at(1, 1)));
        assertThat(single("stop query 'q-1'", StopQueryStatement.class).queryId()).isEqualTo("q-1");
        assertThat(single("STOP QUERY `q 2`", StopQueryStatement.class).queryId()).isEqualTo("q 2");
    }

    @Test
    void stopQueryErrors() {
        assertThat(message("STOP q1")).isEqualTo("syntax error at 1:6: unexpected 'q1', expected QUERY");
        assertThat(message("STOP QUERY")).isEqualTo("syntax error at 1:11: unexpected end of input, expected an"
                + " identifier or a string");
        assertThat(message("STOP QUERY q-1")).isEqualTo("syntax error at 1:13: unexpected '-', expected ';';"
                + " quote a query id that contains '-', as in STOP QUERY 'q-1'");
    }

    @Test
    void nonReservedKeywordsAreNames() {
        assertThat(single("DESCRIBE query", DescribeStatement.class).name()).isEqualTo("query");
        assertThat(single("DROP TABLE tables", DropStatement.class).name()).isEqualTo("tables");
        assertThat(single("INSERT INTO stream SELECT 1", InsertStatement.class).target()).isEqualTo("stream");
        assertThat(single("CREATE TABLE plan (double DOUBLE PRECISION, reset INT)", CreateTableStatement.class).columns())
                .extracting(ColumnDefinition::name, ColumnDefinition::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("double", TypeSpec.of("DOUBLE")),
                        org.assertj.core.groups.Tuple.tuple("reset", TypeSpec.of("INTEGER")));
    }
}
