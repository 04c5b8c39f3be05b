package io.rivulet.engine.golden;

import io.rivulet.engine.Engine;
import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.ResultBatch;
import io.rivulet.engine.Session;
import io.rivulet.engine.StatementResult;
import io.rivulet.parser.Statement;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.exec.QueryStatus;
import io.rivulet.runtime.format.ValueFormat;
import io.rivulet.runtime.type.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs a golden case in a fresh engine and renders what it produced, block by block. */
public final class GoldenRunner {
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

  private GoldenRunner() {}

  /** The actual text of each block {@code goldenCase} expects, run under {@code configuration}. */
  public static Map<String, String> run(GoldenCase goldenCase, RunConfiguration configuration, Path dir)
      throws IOException, InterruptedException {
    for (Map.Entry<String, String> input : goldenCase.inputs().entrySet()) {
      Path file = dir.resolve(input.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, input.getValue().isEmpty() ? "" : input.getValue() + "\n", StandardCharsets.UTF_8);
    }
    String directory = dir.toAbsolutePath().toString().replace('\\', '/');
    String sql = goldenCase.sql().replace("${dir}", directory);
    Map<String, String> actual = new LinkedHashMap<>();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (Engine engine = new Engine(new PrintStream(console, true, StandardCharsets.UTF_8))) {
      Session session = engine.newSession();
      session.settings().set("parallelism", String.valueOf(configuration.parallelism()));
      session.settings().set("batch.max-rows",
          configuration.maxRows() == 0 ? "unlimited" : String.valueOf(configuration.maxRows()));
      session.settings().set("batch.interval", configuration.batchInterval());
      try {
        List<Statement> statements = Session.parse(sql);
        List<QueryHandle> started = new ArrayList<>();
        Map<QueryHandle, Statement> startedAt = new java.util.IdentityHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
          Statement statement = statements.get(i);
          StatementResult result = session.execute(statement);
          boolean last = i == statements.size() - 1;
          if (result instanceof StatementResult.Streaming streaming) {
            List<ResultBatch> batches;
            try {
              batches = drain(streaming);
            } catch (RivuletException e) {
              throw e.at(new RivuletException.Position(
                  statement.position().line(), statement.position().column()));
            }
            if (last) {
              Schema schema = streaming.query().schema();
              actual.put("result", finalResult(schema, batches));
              actual.put("changelog", changelog(schema, batches, streaming.query().changelog()));
            }
          } else if (result instanceof StatementResult.Started query) {
            started.add(query.query());
            startedAt.put(query.query(), statement);
          } else if (result instanceof StatementResult.Text text && last) {
            actual.put("explain", text.text().replace(directory, "${dir}").strip());
          } else if (result instanceof StatementResult.Rows rows && last) {
            actual.put("result", rows(rows.schema(), rows.rows()));
          }
        }
        for (QueryHandle query : started) {
          if (!query.awaitTermination(QUERY_TIMEOUT)) {
            throw new AssertionError("query " + query.id() + " did not end within " + QUERY_TIMEOUT);
          }
          try {
            failIfFailed(query);
          } catch (RivuletException e) {
            Statement statement = startedAt.get(query);
            throw e.at(new RivuletException.Position(
                statement.position().line(), statement.position().column()));
          }
        }
      } catch (RivuletException e) {
        actual.put("error", e.position().map(p -> p + ": ").orElse("")
            + e.category().label() + ": " + e.getMessage().replace(directory, "${dir}"));
      }
    }
    for (String block : goldenCase.expectations().keySet()) {
      if (block.startsWith("sink ")) {
        actual.put(block, sinkRows(dir.resolve(block.substring(5).trim())));
      }
    }
    return actual;
  }

  private static List<ResultBatch> drain(StatementResult.Streaming streaming) throws InterruptedException {
    List<ResultBatch> batches = new ArrayList<>();
    long deadline = System.nanoTime() + QUERY_TIMEOUT.toNanos();
    while (true) {
      ResultBatch batch = streaming.rows().poll(Duration.ofMillis(200));
      if (batch != null) {
        batches.add(batch);
      } else if (streaming.rows().ended()) {
        break;
      } else if (System.nanoTime() > deadline) {
        streaming.query().stop();
        throw new AssertionError("query did not end within " + QUERY_TIMEOUT + "; is a source unbounded?");
      }
    }
    streaming.query().awaitTermination();
    failIfFailed(streaming.query());
    return batches;
  }

  private static void failIfFailed(QueryHandle query) {
    if (query.status() == QueryStatus.FAILED) {
      Throwable failure = query.failure().orElseThrow();
      if (failure instanceof RivuletException rivulet) {
        throw rivulet;
      }
      throw new AssertionError("query " + query.id() + " failed", failure);
    }
  }

  /** The result after applying the changelog: rows sorted, as CSV with a header. */
  static String finalResult(Schema schema, List<ResultBatch> batches) {
    List<String> rows = new ArrayList<>();
    for (ResultBatch batch : batches) {
      Batch data = batch.rows();
      for (int r = 0; r < data.rowCount(); r++) {
        String row = csvRow(schema, data.row(r));
        RowKind kind = data.kind(r);
        if (kind.isAccumulate()) {
          rows.add(row);
        } else if (!rows.remove(row)) {
          throw new AssertionError("the changelog retracts a row it never emitted: " + kind.shortName() + " " + row);
        }
      }
    }
    rows.sort(null);
    return header(schema, false) + (rows.isEmpty() ? "" : "\n" + String.join("\n", rows));
  }

  private static String changelog(Schema schema, List<ResultBatch> batches, boolean withKinds) {
    StringBuilder text = new StringBuilder(header(schema, withKinds));
    for (ResultBatch batch : batches) {
      Batch data = batch.rows();
      for (int r = 0; r < data.rowCount(); r++) {
        text.append('\n');
        if (withKinds) {
          text.append(data.kind(r).shortName()).append(',');
        }
        text.append(csvRow(schema, data.row(r)));
      }
    }
    return text.toString();
  }

  private static String rows(Schema schema, List<Object[]> rows) {
    StringBuilder text = new StringBuilder(header(schema, false));
    for (Object[] row : rows) {
      text.append('\n').append(csvRow(schema, row));
    }
    return text.toString();
  }

  private static String header(Schema schema, boolean withKinds) {
    return (withKinds ? "op," : "") + String.join(",", schema.names());
  }

  static String csvRow(Schema schema, Object[] row) {
    List<String> cells = new ArrayList<>(row.length);
    for (int c = 0; c < row.length; c++) {
      String cell = row[c] == null ? "NULL" : ValueFormat.format(row[c], schema.type(c));
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
        cell = "\"" + cell.replace("\"", "\"\"") + "\"";
      }
      cells.add(cell);
    }
    return String.join(",", cells);
  }

  /** The data rows of every file under a sink directory (headers dropped), sorted. */
  private static String sinkRows(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return "(no directory " + directory.getFileName() + ")";
    }
    String header = null;
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (file.toString().endsWith(".csv") && !lines.isEmpty()) {
          header = lines.get(0);
          lines = lines.subList(1, lines.size());
        }
        rows.addAll(lines);
      }
    }
    rows.sort(null);
    return (header == null ? "" : header + "\n") + String.join("\n", rows);
  }
}
