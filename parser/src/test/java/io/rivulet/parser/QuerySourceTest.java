package io.rivulet.parser;

import static io.rivulet.parser.Parsing.at;
import static io.rivulet.parser.Parsing.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

/** Calcite parsing of query texts, and the small records of the API. */
class QuerySourceTest {

    @Test
    void parseReturnsAFreshTreeEachTime() {
        QuerySource query = single("SELECT a FROM t", QueryStatement.class).query();

        SqlNode first = query.parse();
        SqlNode second = query.parse();

        assertThat(first).isNotSameAs(second);
        assertThat(first.getKind()).isEqualTo(SqlKind.SELECT);
        assertThat(first.toString()).isEqualTo(second.toString());
    }

    @Test
    void parseUsesJavaLexingWithCaseInsensitiveNames() {
        SqlSelect select = (SqlSelect) new QuerySource("SELECT `My Col`, other FROM t", at(1, 1)).parse();

        assertThat(select.getSelectList().toString()).isEqualTo("`My Col`, `other`");
        assertThat(QuerySource.parserConfig().quoting()).isEqualTo(Lex.JAVA.quoting);
        assertThat(QuerySource.parserConfig().caseSensitive()).isFalse();
    }

    @Test
    void parsesUnionsValuesWithAndOrderBy() {
        assertThat(new QuerySource("(SELECT 1) UNION (SELECT 2)", at(1, 1)).parse().getKind()).isEqualTo(SqlKind.UNION);
        assertThat(new QuerySource("VALUES (1)", at(1, 1)).parse().getKind()).isEqualTo(SqlKind.VALUES);
        assertThat(new QuerySource("WITH w AS (SELECT 1) SELECT * FROM w", at(1, 1)).parse().getKind())
                .isEqualTo(SqlKind.WITH);
        assertThat(new QuerySource("SELECT a FROM t ORDER BY a", at(1, 1)).parse().getKind())
                .isEqualTo(SqlKind.ORDER_BY);
    }

    @Test
    void positionIsOneBasedAndPrintsAsLineColon() {
        assertThat(at(3, 14)).hasToString("3:14");
        assertThatThrownBy(() -> new Position(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Position(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseExceptionCarriesItsParts() {
        ParseException error = new ParseException("unexpected 'x', expected ';'", at(2, 5), "x");

        assertThat(error).hasMessage("syntax error at 2:5: unexpected 'x', expected ';'");
        assertThat(error.detail()).isEqualTo("unexpected 'x', expected ';'");
        assertThat(error.position()).isEqualTo(at(2, 5));
        assertThat(error.offendingToken()).isEqualTo("x");
    }

    @Test
    void recordsCheckTheirInvariants() {
        QuerySource query = new QuerySource("SELECT 1", at(1, 1));
        DropStatement drop = new DropStatement(DropStatement.Kind.VIEW, "v", false, "DROP VIEW v", at(1, 1));

        assertThatThrownBy(() -> new ExplainStatement(drop, "EXPLAIN DROP VIEW v", at(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetStatement(java.util.Optional.of("k"), java.util.Optional.empty(), "SET k", at(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuerySource(null, at(1, 1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WatermarkDefinition("ts", java.time.Duration.ofSeconds(-1), at(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new QueryStatement(query, "SELECT 1", at(1, 1)).query()).isSameAs(query);
    }
}
