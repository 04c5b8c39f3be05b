package io.rivulet.runtime.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
  static final Schema BIDS =
      Schema.of(
          Field.of("auction", DataType.BIGINT),
          Field.of("channel", DataType.VARCHAR),
          Field.of("price", DataType.BIGINT));

  @TempDir Path dir;

  static ConnectorContext context(Schema schema, String... keysAndValues) {
    Map<String, String> options = new HashMap<>();
    options.put("connector", "file");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new ConnectorContext(
        "bids", schema, new Options("stream 'bids'", options), false, 2, 1000, System.out);
  }

  private static Source source(Schema schema, String... keysAndValues) {
    return new FileConnector().createSource(context(schema, keysAndValues));
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Reads every partition to its end, {@code maxRows} at a time, as bounded queries do. */
  private static List<Object[]> readAll(Source source, int maxRows) {
    List<Object[]> rows = new ArrayList<>();
    for (int round = 0; round < 100_000; round++) {
      List<SourcePartition> partitions = source.partitions();
      if (partitions.isEmpty()) {
        return rows;
      }
      for (SourcePartition partition : partitions) {
        Batch batch = partition.read(maxRows);
        assertThat(batch.rowCount()).isLessThanOrEqualTo(maxRows);
        rows.addAll(batch.rows());
      }
    }
    throw new AssertionError("the source never ended");
  }

  private static List<List<Object>> lists(List<Object[]> rows) {
    return rows.stream().map(Arrays::asList).toList();
  }

  @Test
  void boundedDirectoryReadsVisibleFilesInNameOrder() throws IOException {
    write(dir.resolve("b.csv"), "3,web,30\n");
    write(dir.resolve("a.csv"), "1,web,10\n2,app,20\n");
    write(dir.resolve("c.csv"), "4,app,40");
    write(dir.resolve(".hidden.csv"), "not,a,row,at all\n");
    write(dir.resolve("_in_progress.csv"), "nor,this\n");
    Files.createDirectory(dir.resolve("sub"));
    write(dir.resolve("sub/d.csv"), "5,web,50\n");

    try (Source source = source(BIDS, "path", dir.toString(), "format", "csv", "mode", "bounded")) {
      assertThat(source.bounded()).isTrue();
      List<SourcePartition> partitions = source.partitions();
      assertThat(partitions)
          .extracting(SourcePartition::id)
          .containsExactly(
              dir.resolve("a.csv") + "[0..18)",
              dir.resolve("b.csv") + "[0..9)",
              dir.resolve("c.csv") + "[0..8)");
      assertThat(lists(readAll(source, Integer.MAX_VALUE)))
          .containsExactly(
              List.of(1L, "web", 10L),
              List.of(2L, "app", 20L),
              List.of(3L, "web", 30L),
              List.of(4L, "app", 40L));
      assertThat(partitions).allMatch(SourcePartition::exhausted);
      assertThat(source.partitions()).isEmpty();
    }
  }

  @Test
  void boundedModeListsFilesOnlyOnce() throws IOException {
    write(dir.resolve("a.csv"), "1,web,10\n");
    try (Source source = source(BIDS, "path", dir.toString(), "format", "csv", "mode", "bounded")) {
      assertThat(source.partitions()).hasSize(1);
      write(dir.resolve("b.csv"), "2,web,10\n");
      assertThat(readAll(source, 10)).hasSize(1);
    }
  }

  @Test
  void singleFilePathAndHeader() throws IOException {
    Path file = dir.resolve("users.csv");
    write(file, "auction,channel,price\n1,web,10\n");
    try (Source source =
        source(
            BIDS,
            "path",
            file.toString(),
            "format",
            "csv",
            "mode",
            "bounded",
            "csv.header",
            "true")) {
      assertThat(lists(readAll(source, 100))).containsExactly(List.of(1L, "web", 10L));
    }
  }

  @Test
  void readContinuesWhereTheLastReadStopped() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      text.append(i).append(",web,").append(i * 10).append('\n');
    }
    write(dir.resolve("a.csv"), text.toString());
    try (Source source = source(BIDS, "path", dir.toString(), "format", "csv", "mode", "bounded")) {
      SourcePartition partition = source.partitions().get(0);
      List<Long> auctions = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      while (!partition.exhausted()) {
        Batch batch = partition.read(3);
        sizes.add(batch.rowCount());
        batch.rows().forEach(row -> auctions.add((Long) row[0]));
      }
      assertThat(sizes).containsExactly(3, 3, 3, 1);
      assertThat(auctions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
      assertThat(partition.read(3).rowCount()).isZero();
    }
  }

  @Test
  void largeFileIsSplitAndEveryLineIsReadExactlyOnce() throws IOException {
    Path file = dir.resolve("numbers.csv");
    StringBuilder text = new StringBuilder();
    long expectedSum = 0;
    for (int i = 0; i < 10_000; i++) {
      // Lines of varying length so that split boundaries fall everywhere in a line.
      text.append(i).append(',').append("x".repeat(i % 17)).append(',').append(i * 3L).append('\n');
      expectedSum += i;
    }
    write(file, text.toString());
    try (Source source =
        source(
            BIDS,
            "path",
            file.toString(),
            "format",
            "csv",
            "mode",
            "bounded",
            "split.size",
            "4096")) {
      assertThat(source.partitions()).hasSize((int) ((Files.size(file) + 4095) / 4096));
      List<Object[]> rows = readAll(source, 1000);
      assertThat(rows).hasSize(10_000);
      assertThat(rows.stream().mapToLong(row -> (Long) row[0]).sum()).isEqualTo(expectedSum);
      assertThat(rows.stream().map(row -> row[0]).distinct().count()).isEqualTo(10_000);
      assertThat(rows).allMatch(row -> (Long) row[2] == 3 * (Long) row[0]);
    }
  }

  @Test
  void everySplitSizeReadsEveryLineOnce() throws IOException {
    Path file = dir.resolve("small.txt");
    // Fixed-width lines put split boundaries right at line starts for some sizes.
    String text = "aaaa\nbb\n\ncccccc\nd\neeee\nffff\ng";
    write(file, text);
    Schema line = Schema.of(Field.of("line", DataType.VARCHAR));
    for (int splitSize = 1; splitSize <= text.length() + 1; splitSize++) {
      try (Source source =
          source(
              line,
              "path",
              file.toString(),
              "format",
              "text",
              "mode",
              "bounded",
              "split.size",
              Integer.toString(splitSize))) {
        // Partitions are read in rounds, so rows of different partitions interleave.
        assertThat(lists(readAll(source, 2)))
            .as("split size %d", splitSize)
            .containsExactlyInAnyOrder(
                List.of("aaaa"),
                List.of("bb"),
                List.of(""),
                List.of("cccccc"),
                List.of("d"),
                List.of("eeee"),
                List.of("ffff"),
                List.of("g"));
      }
    }
  }

  @Test
  void textFormatKeepsEmptyLinesAndJsonFormatReadsObjects() throws IOException {
    Path text = dir.resolve("a.txt");
    write(text, "first\r\n\nthird\n");
    try (Source source =
        source(
            Schema.of(Field.of("words", DataType.VARCHAR)),
            "path",
            text.toString(),
            "format",
            "text",
            "mode",
            "bounded")) {
      assertThat(lists(readAll(source, 10)))
          .containsExactly(List.of("first"), List.of(""), List.of("third"));
    }
    Path json = dir.resolve("a.json");
    write(json, "{\"auction\": 1, \"channel\": \"web\", \"price\": 10}\n{\"AUCTION\": 2}\n");
    try (Source source =
        source(BIDS, "path", json.toString(), "format", "json", "mode", "bounded")) {
      assertThat(lists(readAll(source, 10)))
          .containsExactly(List.of(1L, "web", 10L), Arrays.asList(2L, null, null));
    }
  }

  @Test
  void continuousModePicksUpFilesRenamedIntoTheDirectory() throws IOException {
    write(dir.resolve("a.csv"), "1,web,10\n");
    try (Source source = source(BIDS, "path", dir.toString(), "format", "csv")) {
      assertThat(source.bounded()).isFalse();
      List<SourcePartition> first = source.partitions();
      assertThat(first).hasSize(1);
      assertThat(first.get(0).read(100).rowCount()).isEqualTo(1);
      assertThat(first.get(0).exhausted()).isTrue();

      Path inProgress = dir.resolve(".b.csv");
      write(inProgress, "2,app,20\n3,app,30\n");
      assertThat(source.partitions()).isEmpty();

      Files.move(inProgress, dir.resolve("b.csv"));
      List<SourcePartition> second = source.partitions();
      assertThat(second)
          .extracting(SourcePartition::id)
          .containsExactly(dir.resolve("b.csv") + "[0..18)");
      assertThat(lists(second.get(0).read(100).rows()))
          .containsExactly(List.of(2L, "app", 20L), List.of(3L, "app", 30L));
      assertThat(source.partitions()).isEmpty();
    }
  }

  @Test
  void continuousModeKeepsReturningPartitionsUntilTheyAreExhausted() throws IOException {
    write(dir.resolve("a.csv"), "1,web,10\n2,web,20\n");
    try (Source source = source(BIDS, "path", dir.toString(), "format", "csv")) {
      SourcePartition partition = source.partitions().get(0);
      partition.read(1);
      assertThat(source.partitions()).containsExactly(partition);
      partition.read(1);
      partition.read(1);
      assertThat(source.partitions()).isEmpty();
    }
  }

  @Test
  void malformedRowFailsWithFileAndLine() throws IOException {
    Path file = dir.resolve("a.csv");
    write(file, "auction,channel,price\n1,web,10\n2,web\n");
    try (Source source =
        source(
            BIDS,
            "path",
            file.toString(),
            "format",
            "csv",
            "mode",
            "bounded",
            "csv.header",
            "true")) {
      SourcePartition partition = source.partitions().get(0);
      assertThatThrownBy(() -> partition.read(100))
          .isInstanceOf(RivuletException.class)
          .hasMessage(
              "malformed csv row in "
                  + file
                  + " line 3: expected 3 fields, found 2 \u2014 fix the"
                  + " row or set 'on-error' = 'skip'")
          .extracting(e -> ((RivuletException) e).category())
          .isEqualTo(Category.INPUT);
    }
  }

  @Test
  void malformedRowInALaterSplitNamesItsByte() throws IOException {
    Path file = dir.resolve("a.csv");
    write(file, "1,web,10\n2,web,20\n3,web,oops\n");
    try (Source source =
        source(
            BIDS,
            "path",
            file.toString(),
            "format",
            "csv",
            "mode",
            "bounded",
            "split.size",
            "10")) {
      List<SourcePartition> partitions = source.partitions();
      assertThat(partitions).hasSize(3);
      assertThat(partitions.get(0).read(100).rowCount()).isEqualTo(2);
      assertThatThrownBy(() -> partitions.get(1).read(100))
          .hasMessage(
              "malformed csv row in "
                  + file
                  + " at byte 18: column 'price': cannot read 'oops' as"
                  + " BIGINT \u2014 fix the row or set 'on-error' = 'skip'");
    }
  }

  @Test
  void skippedRowsAreCounted() throws IOException {
    write(
        dir.resolve("a.json"),
        "{\"auction\": 1}\nnot json\n[1]\n{\"auction\": \"x\"}\n{\"auction\": 5}\n");
    try (Source source =
        source(
            BIDS,
            "path",
            dir.toString(),
            "format",
            "json",
            "mode",
            "bounded",
            "on-error",
            "skip")) {
      SourcePartition partition = source.partitions().get(0);
      Batch batch = partition.read(100);
      assertThat(batch.rows()).extracting(row -> row[0]).containsExactly(1L, 5L);
      assertThat(partition.skippedRows()).isEqualTo(3);
    }
  }

  @Test
  void skippedRowsOfFinishedFilesStayCounted() throws IOException {
    write(dir.resolve("a.json"), "{\"auction\": 1}\nnot json\n");
    write(dir.resolve("b.json"), "[2]\n{\"auction\": 3}\n{\"auction\": \"x\"}\n");
    try (Source source =
        source(BIDS, "path", dir.toString(), "format", "json", "mode", "bounded", "on-error", "skip")) {
      List<SourcePartition> partitions = source.partitions();
      assertThat(partitions).hasSize(2);
      assertThat(partitions.get(0).read(100).rows()).extracting(row -> row[0]).containsExactly(1L);
      assertThat(partitions.get(0).exhausted()).isTrue();
      assertThat(source.skippedRows()).isEqualTo(1);
      // The finished file's partition is dropped; its skipped row still counts.
      assertThat(source.partitions()).containsExactly(partitions.get(1));
      assertThat(partitions.get(1).read(100).rows()).extracting(row -> row[0]).containsExactly(3L);
      assertThat(source.partitions()).isEmpty();
      assertThat(source.skippedRows()).isEqualTo(3);
    }
  }

  @Test
  void aDirectoryRemovedWhileRunningIsAnError() throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    try (Source source = source(BIDS, "path", data.toString(), "format", "csv")) {
      assertThat(source.partitions()).isEmpty();
      Files.delete(data);
      assertThatThrownBy(source::partitions)
          .hasMessage(
              "stream 'bids' reads path '"
                  + data
                  + "' which does not exist; create it or fix the 'path' option");
    }
  }

  @Test
  void aFileRemovedBeforeItIsReadIsAnError() throws IOException {
    Path file = dir.resolve("a.csv");
    write(file, "1,web,10\n");
    try (Source source = source(BIDS, "path", dir.toString(), "format", "csv")) {
      SourcePartition partition = source.partitions().get(0);
      Files.delete(file);
      assertThatThrownBy(() -> partition.read(10))
          .hasMessage("cannot read " + file + ": the file no longer exists")
          .extracting(e -> ((RivuletException) e).category())
          .isEqualTo(Category.CONNECTOR);
      assertThat(partition.exhausted()).isTrue();
    }
  }

  @Test
  void emptyFilesHaveNoPartitions() throws IOException {
    write(dir.resolve("empty.csv"), "");
    try (Source source = source(BIDS, "path", dir.toString(), "format", "csv", "mode", "bounded")) {
      assertThat(source.partitions()).isEmpty();
    }
  }

  private static Source source(
      Schema schema, int parallelism, boolean[] needed, String... keysAndValues) {
    ConnectorContext base = context(schema, keysAndValues);
    return new FileConnector()
        .createSource(
            new ConnectorContext(
                base.objectName(),
                schema,
                base.options(),
                false,
                parallelism,
                1000,
                System.out,
                needed));
  }

  /** Lines of {@code auction,channel,price} from {@code first}, about {@code bytes} long. */
  private static String lines(int first, long bytes) {
    StringBuilder text = new StringBuilder();
    for (int i = first; text.length() < bytes; i++) {
      text.append(i).append(",channel-").append(i % 977).append(',').append(i * 3L).append('\n');
    }
    return text.toString();
  }

  @Test
  void filesListedTogetherAreCutIntoAboutParallelismRanges() throws IOException {
    long mib = 1 << 20;
    write(dir.resolve("big.csv"), lines(0, 12 * mib));
    for (int[] parallelismAndRanges : new int[][] {{1, 1}, {2, 2}, {3, 3}, {4, 3}, {8, 3}}) {
      try (Source source =
          source(
              BIDS,
              parallelismAndRanges[0],
              null,
              "path",
              dir.toString(),
              "format",
              "csv",
              "mode",
              "bounded")) {
        assertThat(source.partitions())
            .as("parallelism %d", parallelismAndRanges[0])
            .hasSize(parallelismAndRanges[1]);
        List<Object[]> rows = readAll(source, 100_000);
        assertThat(rows.stream().map(row -> row[0]).distinct().count()).isEqualTo(rows.size());
        assertThat((Long) rows.get(rows.size() - 1)[0]).isEqualTo(rows.size() - 1L);
      }
    }
    // Two files of half the size: one range each at parallelism 2, and small files stay whole.
    Files.delete(dir.resolve("big.csv"));
    write(dir.resolve("a.csv"), lines(0, 6 * mib));
    write(dir.resolve("b.csv"), lines(0, 6 * mib));
    write(dir.resolve("c.csv"), lines(0, 1000));
    try (Source source =
        source(BIDS, 2, null, "path", dir.toString(), "format", "csv", "mode", "bounded")) {
      assertThat(source.partitions()).hasSize(3);
    }
  }

  @Test
  void columnsNotReadAreNullAndTheirValuesUnchecked() throws IOException {
    write(dir.resolve("a.csv"), "1,web,10\nx,\"a, \"\"b\"\"\",20\n3,app,y\n");
    try (Source source =
        source(
            BIDS,
            2,
            new boolean[] {false, true, true},
            "path",
            dir.toString(),
            "format",
            "csv",
            "mode",
            "bounded",
            "on-error",
            "skip")) {
      List<List<Object>> rows = lists(readAll(source, 1000));
      assertThat(rows)
          .containsExactly(Arrays.asList(null, "web", 10L), Arrays.asList(null, "a, \"b\"", 20L));
      assertThat(source.partitions()).isEmpty();
    }
  }
}
