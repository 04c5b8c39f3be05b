package io.rivulet.parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Turns the parse tree of one statement into its {@link Statement} record. */
final class StatementBuilder extends RivuletSqlBaseVisitor<Statement> {

    private final ScriptTokens tokens;

    StatementBuilder(ScriptTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Statement visitStatement(RivuletSqlParser.StatementContext context) {
        return visit(context.getChild(0));
    }

    @Override
    public Statement visitCreateStatement(RivuletSqlParser.CreateStatementContext context) {
        return visit(context.createBody());
    }

    @Override
    public Statement visitCreateStream(RivuletSqlParser.CreateStreamContext context) {
        TableElements elements = TableElements.read(context.tableElementList(), tokens, true);
        return new CreateStreamStatement(
                Names.identifier(context.name),
                context.ifNotExists() != null,
                elements.columns(),
                elements.watermark(),
                TableElements.options(context.withOptions()),
                text(context.getParent()),
                position(context.getParent()));
    }

    @Override
    public Statement visitCreateTable(RivuletSqlParser.CreateTableContext context) {
        TableElements elements = TableElements.read(context.tableElementList(), tokens, false);
        return new CreateTableStatement(
                Names.identifier(context.name),
                context.ifNotExists() != null,
                elements.columns(),
                TableElements.options(context.withOptions()),
                text(context.getParent()),
                position(context.getParent()));
    }

    @Override
    public Statement visitCreateView(RivuletSqlParser.CreateViewContext context) {
        boolean orReplace = context.REPLACE() != null;
        if (orReplace && context.ifNotExists() != null) {
            throw SyntaxErrors.at(context.ifNotExists().start,
                    "OR REPLACE and IF NOT EXISTS cannot be used together; choose one");
        }
        List<String> columnNames = new ArrayList<>();
        if (context.columnNameList() != null) {
            Set<String> seen = new HashSet<>();
            for (RivuletSqlParser.IdentifierContext identifier : context.columnNameList().identifier()) {
                String name = Names.identifier(identifier);
                if (!seen.add(Names.upper(name))) {
                    throw SyntaxErrors.at(identifier.start, "duplicate column " + SyntaxErrors.quote(name)
                            + "; column names are compared ignoring case");
                }
                columnNames.add(name);
            }
        }
        return new CreateViewStatement(
                Names.identifier(context.name),
                orReplace,
                context.ifNotExists() != null,
                columnNames,
                query(context.query()),
                text(context.getParent()),
                position(context.getParent()));
    }

    @Override
    public Statement visitInsertStatement(RivuletSqlParser.InsertStatementContext context) {
        return new InsertStatement(
                Names.identifier(context.target), query(context.query()), text(context), position(context));
    }

    @Override
    public Statement visitQueryStatement(RivuletSqlParser.QueryStatementContext context) {
        return new QueryStatement(query(context.query()), text(context), position(context));
    }

    @Override
    public Statement visitExplainStatement(RivuletSqlParser.ExplainStatementContext context) {
        ParserRuleContext explained = context.insertStatement() != null
                ? context.insertStatement()
                : context.queryStatement();
        return new ExplainStatement(visit(explained), text(context), position(context));
    }

    @Override
    public Statement visitSetStatement(RivuletSqlParser.SetStatementContext context) {
        if (context.settingKey() == null) {
            return new SetStatement(Optional.empty(), Optional.empty(), text(context), position(context));
        }
        return new SetStatement(
                Optional.of(key(context.settingKey())),
                Optional.of(value(context.settingValue())),
                text(context),
                position(context));
    }

    @Override
    public Statement visitResetStatement(RivuletSqlParser.ResetStatementContext context) {
        RivuletSqlParser.SettingKeyContext key = context.settingKey();
        boolean all = key == null || key.start.getType() == RivuletSqlParser.ALL && key.start == key.stop;
        return new ResetStatement(all ? Optional.empty() : Optional.of(key(key)), text(context), position(context));
    }

    @Override
    public Statement visitShowStatement(RivuletSqlParser.ShowStatementContext context) {
        ShowStatement.Kind kind = ShowStatement.Kind.valueOf(Names.upper(context.kind.getText()));
        return new ShowStatement(kind, text(context), position(context));
    }

    @Override
    public Statement visitDescribeStatement(RivuletSqlParser.DescribeStatementContext context) {
        return new DescribeStatement(Names.identifier(context.name), text(context), position(context));
    }

    @Override
    public Statement visitDropStatement(RivuletSqlParser.DropStatementContext context) {
        DropStatement.Kind kind = DropStatement.Kind.valueOf(Names.upper(context.kind.getText()));
        return new DropStatement(
                kind, Names.identifier(context.name), context.ifExists() != null, text(context), position(context));
    }

    @Override
    public Statement visitStopQueryStatement(RivuletSqlParser.StopQueryStatementContext context) {
        String queryId = context.STRING() != null
                ? Names.string(context.STRING().getSymbol())
                : Names.identifier(context.identifier());
        return new StopQueryStatement(queryId, text(context), position(context));
    }

    private QuerySource query(RivuletSqlParser.QueryContext context) {
        return new QuerySource(text(context), position(context));
    }

    private static String key(RivuletSqlParser.SettingKeyContext context) {
        return context.STRING() != null ? Names.string(context.STRING().getSymbol()) : Names.path(context.settingPath());
    }

    private static String value(RivuletSqlParser.SettingValueContext context) {
        if (context.STRING() != null) {
            return Names.string(context.STRING().getSymbol());
        }
        if (context.settingPath() != null) {
            return Names.path(context.settingPath());
        }
        // A number, perhaps negative, perhaps with a unit: written "500ms" or "500 ms", it reads "500 ms".
        Token number = context.INTEGER_VALUE() != null
                ? context.INTEGER_VALUE().getSymbol()
                : context.DECIMAL_VALUE().getSymbol();
        String sign = context.MINUS() != null ? "-" : "";
        String unit = context.word() != null ? " " + Names.word(context.word()) : "";
        return sign + number.getText() + unit;
    }

    private String text(ParserRuleContext context) {
        return tokens.text(context.start, context.stop);
    }

    private static Position position(ParserRuleContext context) {
        return ScriptTokens.position(context.start);
    }
}
