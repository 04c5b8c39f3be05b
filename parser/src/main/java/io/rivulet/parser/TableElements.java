package io.rivulet.parser;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * The body of a CREATE STREAM or CREATE TABLE statement: its columns, its WATERMARK clause and its
 * WITH options, checked as they are read.
 *
 * @param columns the columns in declared order
 * @param watermark the WATERMARK clause, if any
 */
record TableElements(List<ColumnDefinition> columns, Optional<WatermarkDefinition> watermark) {

    private static final Pattern INTERVAL_VALUE = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
    private static final Map<String, Long> NANOSECONDS_PER_UNIT = Map.of(
            "MILLISECOND", 1_000_000L,
            "SECOND", 1_000_000_000L,
            "MINUTE", 60_000_000_000L,
            "HOUR", 3_600_000_000_000L,
            "DAY", 86_400_000_000_000L);
    private static final String UNITS = "MILLISECOND, SECOND, MINUTE, HOUR or DAY";

    /**
     * Reads the parenthesised list of columns and WATERMARK clauses.
     *
     * @param watermarkAllowed whether a WATERMARK clause may appear (only in CREATE STREAM)
     */
    static TableElements read(
            RivuletSqlParser.TableElementListContext context, ScriptTokens tokens, boolean watermarkAllowed) {
        List<ColumnDefinition> columns = new ArrayList<>();
        Map<String, ColumnDefinition> columnsByName = new HashMap<>();
        RivuletSqlParser.WatermarkDefinitionContext watermarkContext = null;
        for (RivuletSqlParser.TableElementContext element : context.tableElement()) {
            RivuletSqlParser.WatermarkDefinitionContext watermark = element.watermarkDefinition();
            if (watermark != null) {
                if (!watermarkAllowed) {
                    throw SyntaxErrors.at(watermark.start, "WATERMARK is only allowed in CREATE STREAM");
                }
                if (watermarkContext != null) {
                    throw SyntaxErrors.at(watermark.start, "a stream has at most one WATERMARK clause");
                }
                watermarkContext = watermark;
                continue;
            }
            ColumnDefinition column = column(element.columnDefinition(), tokens);
            if (columnsByName.putIfAbsent(Names.upper(column.name()), column) != null) {
                throw SyntaxErrors.at(element.start, "duplicate column " + SyntaxErrors.quote(column.name())
                        + "; column names are compared ignoring case");
            }
            columns.add(column);
        }
        Optional<WatermarkDefinition> watermark = Optional.empty();
        if (watermarkContext != null) {
            WatermarkDefinition definition = watermark(watermarkContext, tokens);
            if (!columnsByName.containsKey(Names.upper(definition.column()))) {
                throw SyntaxErrors.at(watermarkContext.column.start, "WATERMARK FOR names "
                        + SyntaxErrors.quote(definition.column()) + ", which is not a column of this stream");
            }
            watermark = Optional.of(definition);
        }
        return new TableElements(columns, watermark);
    }

    /** Reads the WITH options in written order; none when the clause is absent. */
    static Map<String, String> options(RivuletSqlParser.WithOptionsContext context) {
        Map<String, String> options = new LinkedHashMap<>();
        if (context == null) {
            return options;
        }
        for (RivuletSqlParser.OptionContext option : context.option()) {
            String key = Names.string(option.key);
            if (options.putIfAbsent(key, Names.string(option.value)) != null) {
                throw SyntaxErrors.at(option.key, "duplicate option " + SyntaxErrors.quote(option.key.getText())
                        + "; each option may be given once");
            }
        }
        return options;
    }

    private static ColumnDefinition column(RivuletSqlParser.ColumnDefinitionContext context, ScriptTokens tokens) {
        String name = Names.identifier(context.name);
        Position position = ScriptTokens.position(context.start);
        if (context.type() != null) {
            RivuletSqlParser.NullabilityContext nullability = context.nullability();
            boolean notNull = nullability != null && nullability.NOT() != null;
            return new ColumnDefinition(name, TypeSpecs.resolve(context.type()), notNull, false, position);
        }
        RivuletSqlParser.ExpressionTokensContext expression = context.expressionTokens();
        List<Token> expressionTokens = Names.tokens(expression);
        boolean isProctime = expressionTokens.size() == 3
                && expressionTokens.get(0).getType() == RivuletSqlParser.IDENTIFIER
                && Names.upper(expressionTokens.get(0).getText()).equals("PROCTIME")
                && expressionTokens.get(1).getType() == RivuletSqlParser.LEFT_PARENTHESIS
                && expressionTokens.get(2).getType() == RivuletSqlParser.RIGHT_PARENTHESIS;
        if (!isProctime) {
            throw new ParseException("unsupported computed column "
                    + SyntaxErrors.quote(tokens.text(expression.start, expression.stop))
                    + "; the only computed column supported is " + name + " AS PROCTIME()",
                    ScriptTokens.position(expression.start), expression.start.getText());
        }
        return new ColumnDefinition(name, TypeSpecs.PROCTIME, true, true, position);
    }

    private static WatermarkDefinition watermark(
            RivuletSqlParser.WatermarkDefinitionContext context, ScriptTokens tokens) {
        String column = Names.identifier(context.column);
        Position position = ScriptTokens.position(context.start);
        RivuletSqlParser.ExpressionTokensContext expression = context.expressionTokens();
        List<Token> expressionTokens = Names.tokens(expression);
        Token first = expressionTokens.get(0);
        if (expressionTokens.size() == 1 && Names.isIdentifier(first)) {
            sameColumn(first, column);
            return new WatermarkDefinition(column, Duration.ZERO, position);
        }
        if (expressionTokens.size() == 5
                && Names.isIdentifier(first)
                && expressionTokens.get(1).getType() == RivuletSqlParser.MINUS
                && expressionTokens.get(2).getType() == RivuletSqlParser.IDENTIFIER
                && Names.upper(expressionTokens.get(2).getText()).equals("INTERVAL")
                && expressionTokens.get(3).getType() == RivuletSqlParser.STRING
                && Character.isLetter(expressionTokens.get(4).getText().charAt(0))) {
            sameColumn(first, column);
            return new WatermarkDefinition(column, delay(expressionTokens.get(3), expressionTokens.get(4)), position);
        }
        throw new ParseException("unsupported watermark expression "
                + SyntaxErrors.quote(tokens.text(expression.start, expression.stop))
                + "; the supported forms are " + column + " - INTERVAL 'n' unit (unit " + UNITS + ") and " + column,
                ScriptTokens.position(expression.start), expression.start.getText());
    }

    private static void sameColumn(Token expressionColumn, String column) {
        String used = Names.identifier(expressionColumn);
        if (!used.equalsIgnoreCase(column)) {
            throw SyntaxErrors.at(expressionColumn, "the watermark expression uses " + SyntaxErrors.quote(used)
                    + " but WATERMARK FOR names " + SyntaxErrors.quote(column) + "; both must be the same column");
        }
    }

    private static Duration delay(Token value, Token unit) {
        String unitName = Names.upper(unit.getText());
        if (unitName.endsWith("S")) {
            unitName = unitName.substring(0, unitName.length() - 1);
        }
        Long nanosecondsPerUnit = NANOSECONDS_PER_UNIT.get(unitName);
        if (nanosecondsPerUnit == null) {
            throw SyntaxErrors.at(unit, "unsupported interval unit " + SyntaxErrors.quote(unit.getText())
                    + "; use " + UNITS);
        }
        String written = Names.string(value).strip();
        if (!INTERVAL_VALUE.matcher(written).matches()) {
            throw SyntaxErrors.at(value, "invalid interval " + value.getText()
                    + "; write a number that is not negative, such as '2' or '2.5'");
        }
        try {
            long nanoseconds = new BigDecimal(written).multiply(BigDecimal.valueOf(nanosecondsPerUnit))
                    .toBigInteger().longValueExact();
            return Duration.ofNanos(nanoseconds);
        } catch (ArithmeticException e) {
            throw SyntaxErrors.at(value, "interval " + value.getText() + " " + unit.getText() + " is too long");
        }
    }
}
