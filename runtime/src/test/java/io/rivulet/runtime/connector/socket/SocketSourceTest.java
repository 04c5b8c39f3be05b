package io.rivulet.runtime.connector.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Connectors;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketSourceTest {
  private static final Schema LINES = Schema.of(Field.of("line", DataType.VARCHAR));
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private ServerSocket server;

  @BeforeEach
  void startServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stopServer() throws IOException {
    server.close();
  }

  private static ConnectorContext context(Schema schema, String... keysAndValues) {
    Map<String, String> options = new HashMap<>();
    options.put("connector", "socket");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new ConnectorContext(
        "lines", schema, new Options("stream 'lines'", options), false, 1, 1000, System.out);
  }

  private Source connect() {
    return new SocketConnector()
        .createSource(
            context(LINES, "host", "127.0.0.1", "port", Integer.toString(server.getLocalPort())));
  }

  /** Waits, boundedly, for a condition that a background thread makes true. */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(5);
    }
  }

  /** Reads until {@code count} lines have arrived. */
  private static List<String> readLines(SourcePartition partition, int count, int maxRows)
      throws InterruptedException {
    List<String> lines = new ArrayList<>();
    await(
        () -> {
          Batch batch = partition.read(maxRows);
          assertThat(batch.rowCount()).isLessThanOrEqualTo(maxRows);
          batch.rows().forEach(row -> lines.add((String) row[0]));
          return lines.size() >= count;
        });
    return lines;
  }

  @Test
  void readsLinesUntilTheServerClosesTheConnection() throws Exception {
    try (Source source = connect();
        Socket client = server.accept()) {
      assertThat(source.bounded()).isFalse();
      List<SourcePartition> partitions = source.partitions();
      assertThat(partitions).hasSize(1);
      SourcePartition partition = partitions.get(0);
      assertThat(partition.id()).isEqualTo("socket 127.0.0.1:" + server.getLocalPort());
      assertThat(partition.read(10).rowCount()).isZero();

      Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
      out.write("hello\nwörld\r\none\ntwo\nthree\n");
      out.flush();
      assertThat(readLines(partition, 5, 2))
          .containsExactly("hello", "wörld", "one", "two", "three");
      assertThat(partition.exhausted()).isFalse();

      out.write("last");
      out.flush();
      client.shutdownOutput();
      assertThat(readLines(partition, 1, Integer.MAX_VALUE)).containsExactly("last");
      await(partition::exhausted);
      assertThat(source.partitions()).isEmpty();
    }
  }

  @Test
  void closingTheSourceEndsTheReader() throws Exception {
    Source source = connect();
    try (Socket client = server.accept()) {
      SourcePartition partition = source.partitions().get(0);
      source.close();
      await(partition::exhausted);
      assertThat(partition.read(10).rowCount()).isZero();
    }
  }

  @Test
  void refusedConnectionSaysToStartTheServer() throws IOException {
    int port = server.getLocalPort();
    server.close();
    assertThatThrownBy(
            () ->
                new SocketConnector()
                    .createSource(
                        context(LINES, "host", "127.0.0.1", "port", Integer.toString(port))))
        .isInstanceOf(RivuletException.class)
        .hasMessageStartingWith("stream 'lines' cannot connect to 127.0.0.1:" + port + " (")
        .hasMessageEndingWith("); start the server first, for example with 'nc -lk " + port + "'")
        .extracting(e -> ((RivuletException) e).category())
        .isEqualTo(Category.CONNECTOR);
  }

  @Test
  void optionsAndSchemaAreChecked() {
    SocketConnector connector = new SocketConnector();
    assertThat(Connectors.of(new Options("x", Map.of("connector", "socket"))))
        .isInstanceOf(SocketConnector.class);
    assertThatThrownBy(() -> connector.validateSource(context(LINES, "host", "localhost")))
        .hasMessage("stream 'lines' needs the option 'port'");
    assertThatThrownBy(
            () -> connector.validateSource(context(LINES, "host", "localhost", "port", "70000")))
        .hasMessage("stream 'lines' option 'port' must be a TCP port from 1 to 65535, not 70000");
    assertThatThrownBy(
            () ->
                connector.validateSource(
                    context(LINES, "host", "localhost", "port", "1", "path", "x")))
        .hasMessage(
            "stream 'lines' has an unknown option 'path' for connector 'socket'; known options:"
                + " host, port");
    Schema two = Schema.of(Field.of("a", DataType.VARCHAR), Field.of("b", DataType.BIGINT));
    assertThatThrownBy(
            () -> connector.validateSource(context(two, "host", "localhost", "port", "9999")))
        .hasMessage(
            "stream 'lines' reads text lines from a socket into exactly one VARCHAR column, such as"
                + " (line VARCHAR); its columns are (a VARCHAR, b BIGINT)");
    assertThatThrownBy(() -> connector.createSink(context(LINES)))
        .hasMessage("stream 'lines' cannot be written: connector 'socket' has no sink");
  }
}
