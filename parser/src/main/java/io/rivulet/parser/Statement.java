package io.rivulet.parser;

/** One parsed statement of a script; every implementation is an immutable record. */
public sealed interface Statement
        permits CreateStreamStatement,
                CreateTableStatement,
                CreateViewStatement,
                InsertStatement,
                QueryStatement,
                ExplainStatement,
                SetStatement,
                ResetStatement,
                ShowStatement,
                DescribeStatement,
                DropStatement,
                StopQueryStatement {

    /** Returns the statement's exact source text, from its first token to its last, without the ';'. */
    String text();

    /** Returns where the statement starts in the whole script. */
    Position position();
}
