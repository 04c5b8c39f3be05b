package io.rivulet.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Resolves the data types written in column definitions into {@link TypeSpec}s. */
final class TypeSpecs {

    private static final Map<String, String> CANONICAL_NAMES = Map.ofEntries(
            Map.entry("BOOLEAN", "BOOLEAN"),
            Map.entry("TINYINT", "TINYINT"),
            Map.entry("SMALLINT", "SMALLINT"),
            Map.entry("INTEGER", "INTEGER"),
            Map.entry("INT", "INTEGER"),
            Map.entry("BIGINT", "BIGINT"),
            Map.entry("FLOAT", "FLOAT"),
            Map.entry("REAL", "REAL"),
            Map.entry("DOUBLE", "DOUBLE"),
            Map.entry("DECIMAL", "DECIMAL"),
            Map.entry("NUMERIC", "DECIMAL"),
            Map.entry("DEC", "DECIMAL"),
            Map.entry("VARCHAR", "VARCHAR"),
            Map.entry("STRING", "VARCHAR"),
            Map.entry("CHAR", "CHAR"),
            Map.entry("CHARACTER", "CHAR"),
            Map.entry("TIMESTAMP", "TIMESTAMP"),
            Map.entry("DATE", "DATE"),
            Map.entry("TIME", "TIME"));

    /** How many parameters each type takes at most; types not listed take none. */
    private static final Map<String, String> PARAMETERS = Map.of(
            "DECIMAL", "precision, scale",
            "VARCHAR", "length",
            "CHAR", "length",
            "TIMESTAMP", "precision",
            "TIME", "precision");

    private static final String SUPPORTED = "BOOLEAN, TINYINT, SMALLINT, INTEGER (INT), BIGINT, FLOAT, REAL,"
            + " DOUBLE (DOUBLE PRECISION), DECIMAL (NUMERIC, DEC), VARCHAR (STRING), CHAR (CHARACTER), TIMESTAMP,"
            + " DATE, TIME and ARRAY<type> (type ARRAY)";

    /** The type of processing-time columns. */
    static final TypeSpec PROCTIME = TypeSpec.of("TIMESTAMP", 3);

    private TypeSpecs() {}

    /** Resolves a written type, including its trailing ARRAY suffixes. */
    static TypeSpec resolve(RivuletSqlParser.TypeContext context) {
        TypeSpec type = base(context.baseType());
        for (int i = 0; i < context.ARRAY().size(); i++) {
            type = TypeSpec.arrayOf(type);
        }
        return type;
    }

    private static TypeSpec base(RivuletSqlParser.BaseTypeContext context) {
        if (context instanceof RivuletSqlParser.ArrayTypeContext array) {
            return TypeSpec.arrayOf(resolve(array.type()));
        }
        if (context instanceof RivuletSqlParser.DoublePrecisionTypeContext) {
            return TypeSpec.of("DOUBLE");
        }
        RivuletSqlParser.NamedTypeContext named = (RivuletSqlParser.NamedTypeContext) context;
        String written = Names.identifier(named.identifier());
        String alias = Names.upper(written);
        String name = CANONICAL_NAMES.get(alias);
        if (name == null) {
            throw SyntaxErrors.at(named.start, "unknown type " + SyntaxErrors.quote(written)
                    + "; the supported types are " + SUPPORTED);
        }
        RivuletSqlParser.TypeParametersContext parameters = named.typeParameters();
        if (parameters == null) {
            return TypeSpec.of(name);
        }
        String allowed = alias.equals("STRING") ? null : PARAMETERS.get(name);
        int maximum = allowed == null ? 0 : allowed.split(",").length;
        if (parameters.INTEGER_VALUE().size() > maximum) {
            String detail = maximum == 0
                    ? "type " + alias + " takes no parameters"
                    : "type " + alias + " takes at most " + maximum + (maximum == 1 ? " parameter" : " parameters")
                            + " (" + allowed + ")";
            throw SyntaxErrors.at(parameters.start, detail);
        }
        List<Integer> values = new ArrayList<>();
        for (TerminalNode value : parameters.INTEGER_VALUE()) {
            values.add(integer(value.getSymbol()));
        }
        return new TypeSpec(name, values, Optional.empty());
    }

    private static int integer(Token token) {
        try {
            return Integer.parseInt(token.getText());
        } catch (NumberFormatException e) {
            throw SyntaxErrors.at(token, "type parameter " + token.getText() + " is too large");
        }
    }
}
