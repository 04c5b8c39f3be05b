package io.rivulet.bench.jmh;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.format.ColumnBuffers;
import io.rivulet.runtime.format.CsvWriter;
import io.rivulet.runtime.format.JsonLinesWriter;
import io.rivulet.runtime.format.RecordParser;
import io.rivulet.runtime.format.RecordScanner;
import io.rivulet.runtime.format.RowWriter;
import io.rivulet.runtime.format.TextFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing bids from text as the file source does: a record scanner cutting lines out of a byte
 * stream and the CSV or JSON-lines parser filling column buffers (about 185 bytes per CSV row),
 * reading every column or, as q7 does, only {@code price} and {@code date_time}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FormatBenchmark {
  static final int ROWS = 65_536;

  @Param({"csv", "json"})
  public String format;

  @Param({"all", "q7"})
  public String columns;

  private byte[] text;
  private RecordParser parser;

  @Setup
  public void setUp() throws IOException {
    Batch batch = BidBatches.generate(1, ROWS, 0)[0];
    StringWriter out = new StringWriter();
    RowWriter writer =
        format.equals("csv")
            ? new CsvWriter(out, BidBatches.SCHEMA, false, ',')
            : new JsonLinesWriter(out, BidBatches.SCHEMA, false);
    writer.write(batch);
    writer.finish();
    String written = out.toString();
    if (format.equals("csv")) {
      written = written.substring(written.indexOf('\n') + 1); // the header line
    }
    text = written.getBytes(StandardCharsets.UTF_8);
    boolean[] needed = null;
    if (columns.equals("q7")) {
      needed = new boolean[BidBatches.SCHEMA.size()];
      needed[BidBatches.SCHEMA.indexOf("price").getAsInt()] = true;
      needed[BidBatches.SCHEMA.indexOf("date_time").getAsInt()] = true;
    }
    parser = RecordParser.create(TextFormat.ofOptionName(format), BidBatches.SCHEMA, ',', needed);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public Batch parse() throws IOException {
    ColumnBuffers rows = parser.newBuffers(ROWS);
    rows.limit(ROWS);
    try (RecordScanner scanner =
        new RecordScanner(Channels.newChannel(new ByteArrayInputStream(text)), 0, parser)) {
      while (scanner.next()) {
        parser.parse(scanner.buffer(), scanner.start(), scanner.end(), rows);
      }
    }
    return rows.build();
  }
}
