package io.rivulet.runtime.connector.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Connectors;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConsoleSinkTest {
  private static final Schema COUNTS =
      Schema.of(Field.of("word", DataType.VARCHAR), Field.of("n", DataType.BIGINT));

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private Sink sink(boolean changelog, Map<String, String> options) {
    return new ConsoleConnector()
        .createSink(
            new ConnectorContext(
                "counts", COUNTS, new Options("query 'q1'", options), changelog, 2, 100, console));
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private static Batch rows(Object[]... rows) {
    return Batch.ofRows(COUNTS, List.of(rows));
  }

  @Test
  void printsEachCommittedBatchWithItsRowsInPartitionOrder() {
    Sink sink = sink(false, Map.of("connector", "console"));
    sink.write(3, 1, rows(new Object[] {"dog", 2L}));
    sink.write(3, 0, rows(new Object[] {"cat", 1L}));
    sink.write(3, 1, rows(new Object[] {"emu", null}));
    assertThat(printed()).isEmpty();
    sink.commit(3);
    assertThat(printed())
        .isEqualTo(
            """
            -------------------------------------------
            Batch: 3
            -------------------------------------------
            +------+------+
            | word |    n |
            +------+------+
            | cat  |    1 |
            | dog  |    2 |
            | emu  | NULL |
            +------+------+

            """);
  }

  @Test
  void emptyBatchesPrintNothing() {
    Sink sink = sink(false, Map.of());
    sink.write(1, 0, Batch.empty(COUNTS));
    sink.commit(1);
    sink.commit(2);
    assertThat(printed()).isEmpty();
  }

  @Test
  void changelogRowsShowTheirKind() {
    BatchBuilder builder = new BatchBuilder(COUNTS, 2);
    builder.appendRow(new Object[] {"cat", 1L}, RowKind.UPDATE_BEFORE);
    builder.appendRow(new Object[] {"cat", 2L}, RowKind.UPDATE_AFTER);
    Sink sink = sink(true, Map.of());
    sink.write(0, 0, builder.build());
    sink.commit(0);
    assertThat(printed())
        .isEqualTo(
            """
            -------------------------------------------
            Batch: 0
            -------------------------------------------
            +----+------+---+
            | op | word | n |
            +----+------+---+
            | -U | cat  | 1 |
            | +U | cat  | 2 |
            +----+------+---+

            """);
  }

  @Test
  void partitionsWriteConcurrently() throws Exception {
    Sink sink = sink(false, Map.of());
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int partition = 0; partition < 4; partition++) {
        int p = partition;
        writes.add(
            workers.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    sink.write(7, p, rows(new Object[] {"p" + p, (long) i}));
                  }
                }));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      workers.shutdown();
    }
    sink.commit(7);
    List<String> rowLines = printed().lines().filter(line -> line.startsWith("| p")).toList();
    assertThat(rowLines).hasSize(400);
    assertThat(rowLines.get(0)).isEqualTo("| p0   |  0 |");
    assertThat(rowLines.get(399)).isEqualTo("| p3   | 99 |");
  }

  @Test
  void hasNoOptionsAndNoSource() {
    assertThat(Connectors.of(new Options("x", Map.of("connector", "console"))))
        .isInstanceOf(ConsoleConnector.class);
    assertThatThrownBy(() -> sink(false, Map.of("connector", "console", "rows", "10")))
        .hasMessage(
            "query 'q1' has an unknown option 'rows' for connector 'console'; known options: ");
  }
}
