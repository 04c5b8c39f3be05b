package io.rivulet.shell.interactive;

import java.util.List;

/** The text HELP prints: every statement with an example, then the shell's keys and commands. */
final class Help {
  /** One statement: its form, what it does, and an example. */
  record Entry(String form, String purpose, String example) {}

  static final List<Entry> STATEMENTS = List.of(
      new Entry("CREATE STREAM name (columns) WITH (options)", "declare an unbounded source",
          "CREATE STREAM bids (auction BIGINT, price BIGINT, ts TIMESTAMP(3),\n"
              + "  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)\n"
              + "WITH ('connector' = 'file', 'path' = 'data/bids', 'format' = 'csv');"),
      new Entry("CREATE TABLE name (columns) WITH (options)", "declare a bounded, static table",
          "CREATE TABLE users (id BIGINT, name VARCHAR)\n"
              + "WITH ('connector' = 'file', 'path' = 'data/users.csv', 'format' = 'csv');"),
      new Entry("CREATE [OR REPLACE] VIEW name AS query", "name a query",
          "CREATE VIEW big_bids AS SELECT * FROM bids WHERE price > 100;"),
      new Entry("SELECT ...", "run a continuous query; its rows stream here until Ctrl-C",
          "SELECT channel, COUNT(*) AS n FROM bids GROUP BY channel;"),
      new Entry("INSERT INTO stream SELECT ...", "run a continuous query into a sink, in the background",
          "INSERT INTO alerts SELECT auction, price FROM bids WHERE price > 1000;"),
      new Entry("EXPLAIN query", "show the logical plan and the physical stages",
          "EXPLAIN SELECT channel, COUNT(*) FROM bids GROUP BY channel;"),
      new Entry("SHOW STREAMS | TABLES | VIEWS | QUERIES | FUNCTIONS", "list what there is",
          "SHOW QUERIES;"),
      new Entry("DESCRIBE name", "show the columns of a stream, table or view", "DESCRIBE bids;"),
      new Entry("DROP STREAM | TABLE | VIEW [IF EXISTS] name", "forget one", "DROP VIEW IF EXISTS big_bids;"),
      new Entry("STOP QUERY id", "end a background query", "STOP QUERY q2;"),
      new Entry("SET ['key' = 'value']", "change a session setting; SET alone lists them",
          "SET 'result.mode' = 'table';"),
      new Entry("RESET ['key' | ALL]", "put a setting back to its default", "RESET 'result.mode';"));

  private Help() {}

  static String text() {
    StringBuilder text = new StringBuilder("Statements end with ';' and may span lines.\n\n");
    for (Entry entry : STATEMENTS) {
      text.append("  ").append(entry.form()).append('\n');
      text.append("      ").append(entry.purpose()).append('\n');
      for (String line : entry.example().split("\n")) {
        text.append("      ").append(line).append('\n');
      }
      text.append('\n');
    }
    text.append("""
        Result modes, SET 'result.mode' = ...:
          tableau    every batch as it arrives, with +I/-U/+U/-D when the result updates (default)
          table      the current state of the result, redrawn in place
          changelog  one row per change, each with its kind

        Commands: HELP, QUIT or EXIT (or Ctrl-D on an empty line).
        Keys: Tab completes, Ctrl-R searches the history, Ctrl-C stops a running query.
        """);
    return text.toString();
  }
}
