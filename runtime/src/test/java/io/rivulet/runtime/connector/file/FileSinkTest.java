package io.rivulet.runtime.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
  private static final Schema COUNTS =
      Schema.of(Field.of("word", DataType.VARCHAR), Field.of("n", DataType.BIGINT));

  @TempDir Path dir;

  private Sink sink(Path path, String format, boolean changelog) {
    ConnectorContext context =
        new ConnectorContext(
            "counts",
            COUNTS,
            new Options(
                "stream 'counts'",
                Map.of("connector", "file", "path", path.toString(), "format", format)),
            changelog,
            2,
            1000,
            System.out);
    return new FileConnector().createSink(context);
  }

  private static Batch rows(Object[]... rows) {
    return Batch.ofRows(COUNTS, List.of(rows));
  }

  /** The names of all files in {@code directory}, hidden ones too. */
  private static List<String> files(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void filesAppearOnlyWhenTheirBatchCommits() throws IOException {
    Path out = dir.resolve("out");
    try (Sink sink = sink(out, "csv", false)) {
      assertThat(out).isDirectory();
      sink.write(3, 1, rows(new Object[] {"cat", 1L}));
      sink.write(3, 0, rows(new Object[] {"dog", 2L}));
      sink.write(3, 1, rows(new Object[] {"a, \"b\"", null}));
      assertThat(files(out))
          .containsExactly(".part-000003-000.csv.tmp", ".part-000003-001.csv.tmp");

      sink.commit(3);
      assertThat(files(out)).containsExactly("part-000003-000.csv", "part-000003-001.csv");
      assertThat(read(out.resolve("part-000003-000.csv"))).isEqualTo("word,n\ndog,2\n");
      assertThat(read(out.resolve("part-000003-001.csv")))
          .isEqualTo("word,n\ncat,1\n\"a, \"\"b\"\"\",\n");
    }
  }

  @Test
  void emptyOutputWritesNoFile() throws IOException {
    try (Sink sink = sink(dir, "csv", false)) {
      sink.write(0, 0, Batch.empty(COUNTS));
      sink.commit(0);
      sink.commit(1);
      assertThat(files(dir)).isEmpty();
    }
  }

  @Test
  void changelogFilesStartWithTheOpColumn() throws IOException {
    BatchBuilder builder = new BatchBuilder(COUNTS, 3);
    builder.appendRow(new Object[] {"cat", 1L}, RowKind.INSERT);
    builder.appendRow(new Object[] {"cat", 1L}, RowKind.UPDATE_BEFORE);
    builder.appendRow(new Object[] {"cat", 2L}, RowKind.UPDATE_AFTER);
    Batch changes = builder.build();
    try (Sink csv = sink(dir.resolve("csv"), "csv", true);
        Sink json = sink(dir.resolve("json"), "json", true)) {
      csv.write(12, 2, changes);
      json.write(12, 2, changes);
      csv.commit(12);
      json.commit(12);
    }
    assertThat(read(dir.resolve("csv/part-000012-002.csv")))
        .isEqualTo("op,word,n\n+I,cat,1\n-U,cat,1\n+U,cat,2\n");
    assertThat(read(dir.resolve("json/part-000012-002.json")))
        .isEqualTo(
            """
            {"op":"+I","word":"cat","n":1}
            {"op":"-U","word":"cat","n":1}
            {"op":"+U","word":"cat","n":2}
            """);
  }

  @Test
  void replayedBatchReplacesItsFile() throws IOException {
    try (Sink sink = sink(dir, "json", false)) {
      sink.write(5, 0, rows(new Object[] {"first", 1L}));
      sink.commit(5);
      sink.write(5, 0, rows(new Object[] {"again", 1L}));
      sink.commit(5);
    }
    assertThat(files(dir)).containsExactly("part-000005-000.json");
    assertThat(read(dir.resolve("part-000005-000.json")))
        .isEqualTo("{\"word\":\"again\",\"n\":1}\n");
  }

  @Test
  void closeDiscardsWhatWasNotCommitted() throws IOException {
    Sink sink = sink(dir, "csv", false);
    sink.write(1, 0, rows(new Object[] {"kept", 1L}));
    sink.commit(1);
    sink.write(2, 0, rows(new Object[] {"lost", 1L}));
    sink.close();
    assertThat(files(dir)).containsExactly("part-000001-000.csv");
  }

  @Test
  void fileNamesPadBatchAndPartition() {
    assertThat(FileSink.fileName(1_234_567, 1_000, io.rivulet.runtime.format.TextFormat.JSON))
        .isEqualTo("part-1234567-1000.json");
  }
}
