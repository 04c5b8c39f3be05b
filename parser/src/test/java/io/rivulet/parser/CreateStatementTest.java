package io.rivulet.parser;

import static io.rivulet.parser.Parsing.at;
import static io.rivulet.parser.Parsing.error;
import static io.rivulet.parser.Parsing.message;
import static io.rivulet.parser.Parsing.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CREATE STREAM, CREATE TABLE and CREATE VIEW, and their errors. */
class CreateStatementTest {

    private static final String BIDS = "CREATE STREAM IF NOT EXISTS bids (\n"
            + "  auction   BIGINT,\n"
            + "  bidder    BIGINT NOT NULL,\n"
            + "  price     DECIMAL(10, 2),\n"
            + "  channel   VARCHAR,\n"
            + "  date_time TIMESTAMP(3),\n"
            + "  pt AS PROCTIME(),\n"
            + "  WATERMARK FOR date_time AS date_time - INTERVAL '2' SECOND\n"
            + ") WITH ('connector' = 'file', 'path' = 'data/bids', 'format' = 'csv');";

    @Test
    void createStreamWithEverything() {
        CreateStreamStatement stream = single(BIDS, CreateStreamStatement.class);

        assertThat(stream).isEqualTo(new CreateStreamStatement(
                "bids",
                true,
                List.of(
                        new ColumnDefinition("auction", TypeSpec.of("BIGINT"), false, false, at(2, 3)),
                        new ColumnDefinition("bidder", TypeSpec.of("BIGINT"), true, false, at(3, 3)),
                        new ColumnDefinition("price", TypeSpec.of("DECIMAL", 10, 2), false, false, at(4, 3)),
                        new ColumnDefinition("channel", TypeSpec.of("VARCHAR"), false, false, at(5, 3)),
                        new ColumnDefinition("date_time", TypeSpec.of("TIMESTAMP", 3), false, false, at(6, 3)),
                        new ColumnDefinition("pt", TypeSpec.of("TIMESTAMP", 3), true, true, at(7, 3))),
                Optional.of(new WatermarkDefinition("date_time", Duration.ofSeconds(2), at(8, 3))),
                Map.of("connector", "file", "path", "data/bids", "format", "csv"),
                BIDS.substring(0, BIDS.length() - 1),
                at(1, 1)));
    }

    @Test
    void optionsKeepTheirWrittenOrderAndCannotBeChanged() {
        CreateStreamStatement stream = single(
                "CREATE STREAM s (a INT) WITH ('z' = '1', 'a' = '2', 'm' = 'it''s', 'csv.header' = 'true')",
                CreateStreamStatement.class);

        assertThat(stream.options()).containsExactly(
                Map.entry("z", "1"), Map.entry("a", "2"), Map.entry("m", "it's"), Map.entry("csv.header", "true"));
        assertThatThrownBy(() -> stream.options().put("b", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> stream.columns().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void optionsAreOptional() {
        CreateStreamStatement stream = single("CREATE STREAM s (a INT)", CreateStreamStatement.class);

        assertThat(stream.options()).isEmpty();
        assertThat(stream.ifNotExists()).isFalse();
        assertThat(stream.watermark()).isEmpty();
        assertThat(single("CREATE STREAM s (a INT) WITH ()", CreateStreamStatement.class).options()).isEmpty();
    }

    @Test
    void namesAreReturnedAsWrittenWithoutBackQuotes() {
        CreateStreamStatement stream = single(
                "CREATE STREAM `My Stream` (`my col` INT, `a``b` INT, MixedCase INT, `watermark` INT, stream INT)",
                CreateStreamStatement.class);

        assertThat(stream.name()).isEqualTo("My Stream");
        assertThat(stream.columns()).extracting(ColumnDefinition::name)
                .containsExactly("my col", "a`b", "MixedCase", "watermark", "stream");
    }

    @Test
    void columnPositionsPointAtTheirNames() {
        CreateTableStatement table = single("CREATE TABLE t (a INT,\n   `b` INT)", CreateTableStatement.class);

        assertThat(table.columns()).extracting(ColumnDefinition::position).containsExactly(at(1, 17), at(2, 4));
    }

    @Test
    void explicitNullMeansNullable() {
        CreateTableStatement table = single("CREATE TABLE t (a INT NULL, b INT NOT NULL)", CreateTableStatement.class);

        assertThat(table.columns()).extracting(ColumnDefinition::notNull).containsExactly(false, true);
    }

    @Test
    void watermarkWithoutDelay() {
        CreateStreamStatement stream = single(
                "CREATE STREAM s (ts TIMESTAMP(3), WATERMARK FOR ts AS ts)", CreateStreamStatement.class);

        assertThat(stream.watermark()).contains(new WatermarkDefinition("ts", Duration.ZERO, at(1, 35)));
    }

    @Test
    void watermarkMayComeBeforeItsColumnAndNamesIgnoreCase() {
        CreateStreamStatement stream = single(
                "CREATE STREAM s (WATERMARK FOR TS AS ts - INTERVAL '1' MINUTE, ts TIMESTAMP)",
                CreateStreamStatement.class);

        assertThat(stream.watermark()).contains(new WatermarkDefinition("TS", Duration.ofMinutes(1), at(1, 18)));
        assertThat(stream.columns()).hasSize(1);
    }

    @Test
    void watermarkOnABackQuotedColumn() {
        CreateStreamStatement stream = single(
                "CREATE STREAM s (`event time` TIMESTAMP(3),\n"
                        + "  WATERMARK FOR `event time` AS `EVENT TIME` - interval '5' seconds)",
                CreateStreamStatement.class);

        assertThat(stream.watermark()).contains(new WatermarkDefinition("event time", Duration.ofSeconds(5), at(2, 3)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'2' SECOND         | PT2S",
        "'2.5' SECOND       | PT2.5S",
        "'1' SECONDS        | PT1S",
        "'500' MILLISECOND  | PT0.5S",
        "'250' milliseconds | PT0.25S",
        "'3' MINUTE         | PT3M",
        "'90' MINUTES       | PT1H30M",
        "'1' HOUR           | PT1H",
        "'2' HOURS          | PT2H",
        "'1' DAY            | PT24H",
        "'0.5' DAYS         | PT12H",
        "' 7 ' second       | PT7S",
        "'0' SECOND         | PT0S",
    })
    void watermarkDelays(String interval, String delay) {
        CreateStreamStatement stream = single(
                "CREATE STREAM s (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL " + interval + ")",
                CreateStreamStatement.class);

        assertThat(stream.watermark().orElseThrow().delay()).isEqualTo(Duration.parse(delay));
    }

    @Test
    void processingTimeColumn() {
        CreateTableStatement table = single("CREATE TABLE t (id INT, pt AS proctime ( ))", CreateTableStatement.class);

        assertThat(table.columns().get(1)).isEqualTo(
                new ColumnDefinition("pt", TypeSpec.of("TIMESTAMP", 3), true, true, at(1, 25)));
    }

    @Test
    void createTable() {
        String script = "CREATE TABLE users (id BIGINT, name VARCHAR, city VARCHAR)\n"
                + "  WITH ('connector' = 'file', 'path' = 'data/users.csv', 'format' = 'csv')";

        assertThat(single(script, CreateTableStatement.class)).isEqualTo(new CreateTableStatement(
                "users",
                false,
                List.of(
                        new ColumnDefinition("id", TypeSpec.of("BIGINT"), false, false, at(1, 21)),
                        new ColumnDefinition("name", TypeSpec.of("VARCHAR"), false, false, at(1, 32)),
                        new ColumnDefinition("city", TypeSpec.of("VARCHAR"), false, false, at(1, 46))),
                Map.of("connector", "file", "path", "data/users.csv", "format", "csv"),
                script,
                at(1, 1)));
        assertThat(single("CREATE TABLE IF NOT EXISTS t (a INT)", CreateTableStatement.class).ifNotExists()).isTrue();
    }

    @Test
    void createView() {
        CreateViewStatement view = single("CREATE VIEW v AS SELECT a FROM t", CreateViewStatement.class);

        assertThat(view).isEqualTo(new CreateViewStatement(
                "v", false, false, List.of(), new QuerySource("SELECT a FROM t", at(1, 18)),
                "CREATE VIEW v AS SELECT a FROM t", at(1, 1)));
    }

    @Test
    void createViewWithColumnNamesOrReplaceAndIfNotExists() {
        CreateViewStatement replaced = single(
                "create or replace view v (x, `Y`) as\n  WITH w AS (SELECT 1, 2) SELECT * FROM w", CreateViewStatement.class);
        CreateViewStatement kept = single("CREATE VIEW IF NOT EXISTS v AS VALUES (1)", CreateViewStatement.class);

        assertThat(replaced.orReplace()).isTrue();
        assertThat(replaced.ifNotExists()).isFalse();
        assertThat(replaced.columnNames()).containsExactly("x", "Y");
        assertThat(replaced.query()).isEqualTo(new QuerySource("WITH w AS (SELECT 1, 2) SELECT * FROM w", at(2, 3)));
        assertThat(kept.orReplace()).isFalse();
        assertThat(kept.ifNotExists()).isTrue();
        assertThat(kept.query().sql()).isEqualTo("VALUES (1)");
    }

    @Test
    void duplicateOptionIsAnError() {
        ParseException error = error("CREATE STREAM s (a INT) WITH (\n  'path' = 'a',\n  'path' = 'b')");

        assertThat(error.getMessage())
                .isEqualTo("syntax error at 3:3: duplicate option 'path'; each option may be given once");
        assertThat(error.position()).isEqualTo(at(3, 3));
        assertThat(error.offendingToken()).isEqualTo("'path'");
    }

    @Test
    void optionKeysAndValuesMustBeQuoted() {
        assertThat(message("CREATE TABLE t (a INT) WITH (connector = 'file')"))
                .isEqualTo("syntax error at 1:30: unexpected 'connector', expected a string or ')'");
        assertThat(message("CREATE TABLE t (a INT) WITH ('connector' = file)"))
                .isEqualTo("syntax error at 1:44: unexpected 'file', expected a string");
    }

    @Test
    void watermarkInCreateTableIsAnError() {
        ParseException error = error("CREATE TABLE t (\n  ts TIMESTAMP(3),\n  WATERMARK FOR ts AS ts)");

        assertThat(error.getMessage()).isEqualTo("syntax error at 3:3: WATERMARK is only allowed in CREATE STREAM");
        assertThat(error.offendingToken()).isEqualTo("WATERMARK");
    }

    @Test
    void watermarkColumnsMustMatch() {
        assertThat(message("CREATE STREAM s (ts TIMESTAMP, other TIMESTAMP,"
                + " WATERMARK FOR ts AS other - INTERVAL '1' SECOND)"))
                .isEqualTo("syntax error at 1:69: the watermark expression uses 'other' but WATERMARK FOR names 'ts';"
                        + " both must be the same column");
    }

    @Test
    void watermarkMustNameAColumnOfTheStream() {
        assertThat(message("CREATE STREAM s (ts TIMESTAMP, WATERMARK FOR t AS t)"))
                .isEqualTo("syntax error at 1:46: WATERMARK FOR names 't', which is not a column of this stream");
    }

    @Test
    void onlyOneWatermark() {
        assertThat(message("CREATE STREAM s (ts TIMESTAMP, WATERMARK FOR ts AS ts, WATERMARK FOR ts AS ts)"))
                .isEqualTo("syntax error at 1:56: a stream has at most one WATERMARK clause");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ts + INTERVAL '1' SECOND",
        "ts - 5",
        "ts - INTERVAL 2 SECOND",
        "ts - INTERVAL '1:30' MINUTE TO SECOND",
        "CAST(ts AS TIMESTAMP(3))",
        "5",
    })
    void otherWatermarkExpressionsAreErrorsSayingWhatIsSupported(String expression) {
        ParseException error = error("CREATE STREAM s (ts TIMESTAMP, WATERMARK FOR ts AS " + expression + ")");

        assertThat(error.getMessage()).isEqualTo("syntax error at 1:52: unsupported watermark expression '" + expression
                + "'; the supported forms are ts - INTERVAL 'n' unit (unit MILLISECOND, SECOND, MINUTE, HOUR or DAY)"
                + " and ts");
        assertThat(error.position()).isEqualTo(at(1, 52));
    }

    @Test
    void unsupportedIntervalUnit() {
        ParseException error = error("CREATE STREAM s (ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' WEEK)");

        assertThat(error.getMessage()).isEqualTo(
                "syntax error at 1:70: unsupported interval unit 'WEEK'; use MILLISECOND, SECOND, MINUTE, HOUR or DAY");
        assertThat(error.offendingToken()).isEqualTo("WEEK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'-2'", "'two'", "''", "'1e3'"})
    void invalidIntervalValues(String value) {
        assertThat(message("CREATE STREAM s (ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL " + value + " SECOND)"))
                .isEqualTo("syntax error at 1:66: invalid interval " + value
                        + "; write a number that is not negative, such as '2' or '2.5'");
    }

    @Test
    void tooLongInterval() {
        assertThat(message("CREATE STREAM s (ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '999999999' DAY)"))
                .isEqualTo("syntax error at 1:66: interval '999999999' DAY is too long");
    }

    @Test
    void computedColumnsOtherThanProctimeAreErrors() {
        assertThat(message("CREATE STREAM s (price INT, double_price AS price * 2)"))
                .isEqualTo("syntax error at 1:45: unsupported computed column 'price * 2';"
                        + " the only computed column supported is double_price AS PROCTIME()");
        assertThat(message("CREATE STREAM s (pt AS PROCTIME(3))"))
                .isEqualTo("syntax error at 1:24: unsupported computed column 'PROCTIME(3)';"
                        + " the only computed column supported is pt AS PROCTIME()");
    }

    @Test
    void duplicateColumnsAreErrors() {
        assertThat(message("CREATE STREAM s (a INT, b INT, A BIGINT)"))
                .isEqualTo("syntax error at 1:32: duplicate column 'A'; column names are compared ignoring case");
        assertThat(message("CREATE VIEW v (x, y, X) AS SELECT 1, 2, 3"))
                .isEqualTo("syntax error at 1:22: duplicate column 'X'; column names are compared ignoring case");
    }

    @Test
    void orReplaceAndIfNotExistsTogetherAreAnError() {
        assertThat(message("CREATE OR REPLACE VIEW IF NOT EXISTS v AS SELECT 1"))
                .isEqualTo("syntax error at 1:24: OR REPLACE and IF NOT EXISTS cannot be used together; choose one");
    }

    @Test
    void createNeedsAKnownObjectKind() {
        assertThat(message("CREATE INDEX i"))
                .isEqualTo("syntax error at 1:8: unexpected 'INDEX', expected one of: OR REPLACE, STREAM, TABLE, VIEW");
        assertThat(message("CREATE OR REPLACE STREAM s (a INT)"))
                .isEqualTo("syntax error at 1:19: unexpected 'STREAM', expected VIEW");
    }

    @Test
    void createStreamSyntaxErrors() {
        assertThat(message("CREATE STREAM"))
                .isEqualTo("syntax error at 1:14: unexpected end of input, expected an identifier or IF NOT EXISTS");
        assertThat(message("CREATE STREAM s;"))
                .isEqualTo("syntax error at 1:16: unexpected ';', expected '('");
        assertThat(message("CREATE STREAM s ()"))
                .isEqualTo("syntax error at 1:18: unexpected ')', expected an identifier or WATERMARK");
        assertThat(message("CREATE STREAM s (a INT,)"))
                .isEqualTo("syntax error at 1:24: unexpected ')', expected an identifier or WATERMARK");
        assertThat(message("CREATE STREAM s (a INT b INT)"))
                .isEqualTo("syntax error at 1:24: unexpected 'b', expected ')' or ','");
        assertThat(message("CREATE STREAM s (a)"))
                .isEqualTo("syntax error at 1:19: unexpected ')', expected a data type or AS");
        assertThat(message("CREATE STREAM s (a INT NOT)"))
                .isEqualTo("syntax error at 1:27: unexpected ')', expected NULL");
        assertThat(message("CREATE STREAM s (a INT) WITH ('a' = 'b') x"))
                .isEqualTo("syntax error at 1:42: unexpected 'x', expected ';'");
        assertThat(message("CREATE STREAM IF EXISTS s (a INT)"))
                .isEqualTo("syntax error at 1:18: unexpected 'EXISTS', expected NOT");
        assertThat(message("CREATE STREAM s (WATERMARK ts AS ts)"))
                .isEqualTo("syntax error at 1:28: unexpected 'ts', expected FOR");
    }

    @Test
    void createViewSyntaxErrors() {
        assertThat(message("CREATE VIEW v AS"))
                .isEqualTo("syntax error at 1:17: unexpected end of input, expected a query");
        assertThat(message("CREATE VIEW v SELECT 1"))
                .isEqualTo("syntax error at 1:15: unexpected 'SELECT', expected '(' or AS");
        assertThat(message("CREATE VIEW v AS SHOW STREAMS"))
                .isEqualTo("syntax error at 1:18: unexpected 'SHOW', expected a query");
    }

    @Test
    void reservedWordsMustBeBackQuotedToBeNames() {
        assertThat(message("CREATE STREAM select (a INT)"))
                .isEqualTo("syntax error at 1:15: unexpected 'select', expected an identifier or IF NOT EXISTS");
        assertThat(single("CREATE STREAM `select` (a INT)", CreateStreamStatement.class).name()).isEqualTo("select");
    }

    @Test
    void emptyBackQuotedNameIsAnError() {
        assertThat(message("CREATE STREAM `` (a INT)"))
                .isEqualTo("syntax error at 1:15: a quoted identifier cannot be empty");
    }

    @Test
    void queryErrorsInViewsArePositionedInTheScript() {
        ParseException error = error("CREATE VIEW v AS\n  SELECT a\n  FROM t WHERE");

        assertThat(error.position()).isEqualTo(at(3, 15));
        assertThat(error.getMessage()).startsWith("syntax error at 3:15: unexpected end of input, expected one of: ");
    }
}
