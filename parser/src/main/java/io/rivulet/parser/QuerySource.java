package io.rivulet.parser;

import java.util.Objects;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The exact text of a query in a script and where it starts; Calcite parses it on demand.
 *
 * @param sql the query's text as written, from its first token to its last
 * @param position where the query starts in the whole script
 */
public record QuerySource(String sql, Position position) {

    private static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
            .withLex(Lex.JAVA)
            .withCaseSensitive(false)
            .withConformance(SqlConformanceEnum.DEFAULT);

    /** Checks that no component is null. */
    public QuerySource {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(position, "position");
    }

    /** Returns the configuration of Calcite's parser for queries, for components that must agree with it. */
    public static SqlParser.Config parserConfig() {
        return PARSER_CONFIG;
    }

    /**
     * Parses the query with Calcite, returning a new tree on every call because Calcite's validator
     * changes the trees it validates.
     *
     * @throws ParseException for a syntax error, positioned in the whole script
     */
    public SqlNode parse() {
        SqlNode node;
        try {
            node = SqlParser.create(sql, PARSER_CONFIG).parseQuery();
        } catch (SqlParseException e) {
            throw QueryErrors.translate(e, sql, position);
        }
        if (!node.isA(SqlKind.QUERY)) {
            throw new ParseException("expected a query (SELECT, WITH, VALUES or a parenthesised query), found "
                    + node.getKind(), position, null);
        }
        return node;
    }
}
