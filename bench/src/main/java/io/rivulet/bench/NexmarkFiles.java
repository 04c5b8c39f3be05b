package io.rivulet.bench;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.connector.nexmark.NexmarkConfig;
import io.rivulet.runtime.connector.nexmark.NexmarkGenerator;
import io.rivulet.runtime.connector.nexmark.NexmarkTable;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code rivulet bench generate}: writes the Nexmark events the {@code nexmark} connector makes to
 * CSV (no header line) or JSON-lines files, {@code DIR/bid/part-0.csv} and so on, so that other
 * engines read exactly the same input. File {@code f} of {@code F} holds the events {@code f, f +
 * F, ...}, the rows a Rivulet partition would read, in event-time order (up to the disorder).
 * With {@code --text-lines N} it also writes the word-count input, {@code DIR/text/part-N.txt}.
 */
final class NexmarkFiles {
  private static final int CHUNK = 1 << 14;

  private NexmarkFiles() {}

  static void main(List<String> args, PrintStream out) throws IOException {
    long events = 10_000_000;
    long eventsPerSecond = NexmarkConfig.DEFAULT_EVENTS_PER_SECOND;
    long seed = 42;
    long disorder = 0;
    int files = 2;
    long textLines = 0;
    String format = "csv";
    Path directory = null;
    List<NexmarkTable> tables = new ArrayList<>(List.of(NexmarkTable.values()));
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args.get(++i);
      switch (arg) {
        case "--events":
          events = BenchSettings.number(arg, value, 0);
          break;
        case "--events-per-second":
          eventsPerSecond = BenchSettings.number(arg, value, 1);
          break;
        case "--seed":
          seed = Long.parseLong(value);
          break;
        case "--disorder":
          disorder = BenchSettings.number(arg, value, 0);
          break;
        case "--files":
          files = (int) BenchSettings.number(arg, value, 1);
          break;
        case "--format":
          format = value.toLowerCase(Locale.ROOT);
          if (!format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be csv or json, not " + value);
          }
          break;
        case "--text-lines":
          textLines = BenchSettings.number(arg, value, 0);
          break;
        case "--out":
          directory = Path.of(value);
          break;
        case "--tables":
          tables.clear();
          for (String name : value.split(",")) {
            tables.add(
                NexmarkTable.ofName(name.trim())
                    .orElseThrow(
                        () -> new IllegalArgumentException(
                            "--tables takes person, auction and bid, not " + name)));
          }
          break;
        default:
          throw new IllegalArgumentException(
              "unknown option " + arg + "; generate takes --events, --events-per-second, --seed,"
                  + " --disorder, --files, --format (csv|json), --tables, --text-lines and --out DIR");
      }
    }
    if (directory == null) {
      throw new IllegalArgumentException("generate needs --out DIR");
    }
    NexmarkGenerator generator =
        new NexmarkGenerator(NexmarkConfig.of(seed, eventsPerSecond, disorder));
    for (NexmarkTable table : tables) {
      long started = System.nanoTime();
      Path tableDirectory = directory.resolve(table.optionName());
      Files.createDirectories(tableDirectory);
      long rows = 0;
      long bytes = 0;
      for (int f = 0; f < files; f++) {
        Path file = tableDirectory.resolve("part-" + f + "." + format);
        rows += write(generator, table, f, files, events, format.equals("json"), file);
        bytes += Files.size(file);
      }
      out.printf(
          Locale.ROOT,
          "%s: %d rows, %.1f MB in %d files (%.1f s)%n",
          tableDirectory,
          rows,
          bytes / 1e6,
          files,
          (System.nanoTime() - started) / 1e9);
    }
    if (textLines > 0) {
      long started = System.nanoTime();
      Path text = directory.resolve(TextCorpus.DIRECTORY);
      TextCorpus.write(text, textLines, seed);
      out.printf(
          Locale.ROOT,
          "%s: %d lines of words, %.1f MB in %d files (%.1f s)%n",
          text,
          textLines,
          TextCorpus.bytes(text) / 1e6,
          TextCorpus.FILES,
          (System.nanoTime() - started) / 1e9);
    }
    out.println(
        "Read them with 'connector' = 'file', 'format' = '" + format + "', 'mode' = 'bounded' and"
            + " 'path' = '" + directory + "/<table>'; timestamps are 'yyyy-MM-dd HH:mm:ss.SSS'.");
  }

  /**
   * The files of the events a benchmark run reads, in its format, written (as many files per table
   * as the run's parallelism) into a temporary directory unless an earlier run left them there.
   */
  static Path cached(BenchSettings settings, PrintStream log) {
    Path directory =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            String.format(
                Locale.ROOT,
                "rivulet-bench-nexmark-%d-%d-%d-%d-%d.%s",
                settings.events(),
                settings.eventsPerSecond(),
                settings.seed(),
                settings.disorderMillis(),
                settings.parallelism(),
                settings.source()));
    Path done = directory.resolve("_complete");
    if (!Files.exists(done)) {
      try {
        main(
            List.of(
                "--events", String.valueOf(settings.events()),
                "--events-per-second", String.valueOf(settings.eventsPerSecond()),
                "--seed", String.valueOf(settings.seed()),
                "--disorder", String.valueOf(settings.disorderMillis()),
                "--files", String.valueOf(settings.parallelism()),
                "--format", settings.source(),
                "--out", directory.toString()),
            log);
        Files.createFile(done);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot write the input files to " + directory, e);
      }
    }
    return directory;
  }

  /** Writes the rows of {@code table} among events {@code first, first + stride, ...}. */
  static long write(
      NexmarkGenerator generator,
      NexmarkTable table,
      long first,
      long stride,
      long events,
      boolean json,
      Path file)
      throws IOException {
    Schema schema = table.schema();
    int[] columns = new int[schema.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = c;
    }
    long[] numbers = new long[CHUNK];
    long rows = 0;
    StringBuilder line = new StringBuilder(1024);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      long n = first;
      while (n < events) {
        int count = 0;
        for (; n < events && count < CHUNK; n += stride) {
          if (table.contains(n)) {
            numbers[count++] = n;
          }
        }
        Batch batch = generator.generate(table, schema, columns, numbers, count);
        for (int r = 0; r < count; r++) {
          line.setLength(0);
          if (json) {
            jsonRow(batch, r, line);
          } else {
            csvRow(batch, r, line);
          }
          line.append('\n');
          out.append(line);
        }
        rows += count;
      }
    }
    return rows;
  }

  private static void csvRow(Batch batch, int row, StringBuilder line) {
    for (int c = 0; c < batch.columnCount(); c++) {
      if (c > 0) {
        line.append(',');
      }
      // Generated text holds no commas, quotes or line breaks, so nothing needs quoting.
      value(batch, row, c, line);
    }
  }

  private static void jsonRow(Batch batch, int row, StringBuilder line) {
    line.append('{');
    for (int c = 0; c < batch.columnCount(); c++) {
      if (c > 0) {
        line.append(',');
      }
      line.append('"').append(batch.schema().field(c).name()).append("\":");
      boolean quoted = batch.schema().type(c) != DataType.BIGINT;
      if (quoted) {
        line.append('"');
      }
      value(batch, row, c, line);
      if (quoted) {
        line.append('"');
      }
    }
    line.append('}');
  }

  private static void value(Batch batch, int row, int column, StringBuilder line) {
    DataType type = batch.schema().type(column);
    if (type == DataType.TIMESTAMP) {
      timestamp(((LongVector) batch.column(column)).getLong(row), line);
    } else if (type == DataType.BIGINT) {
      line.append(((LongVector) batch.column(column)).getLong(row));
    } else {
      line.append(batch.get(row, column));
    }
  }

  /** Epoch millis as {@code yyyy-MM-dd HH:mm:ss.SSS}. */
  static void timestamp(long millis, StringBuilder line) {
    long day = Math.floorDiv(millis, 86_400_000L);
    int ofDay = (int) Math.floorMod(millis, 86_400_000L);
    line.append(LocalDate.ofEpochDay(day)).append(' ');
    two(ofDay / 3_600_000, line.append(""));
    line.append(':');
    two(ofDay / 60_000 % 60, line);
    line.append(':');
    two(ofDay / 1000 % 60, line);
    line.append('.');
    int fraction = ofDay % 1000;
    line.append((char) ('0' + fraction / 100)).append((char) ('0' + fraction / 10 % 10))
        .append((char) ('0' + fraction % 10));
  }

  private static void two(int value, StringBuilder line) {
    line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
