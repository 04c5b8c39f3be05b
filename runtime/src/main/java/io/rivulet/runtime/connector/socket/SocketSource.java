package io.rivulet.runtime.connector.socket;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.type.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads text lines from one TCP connection as a single partition that never ends by itself: a
 * daemon thread reads lines into a bounded queue (so a fast server is slowed down rather than
 * filling the memory) and each {@code read} takes what is queued without waiting. When the server
 * closes the connection, the partition is exhausted once the queue is drained.
 */
public final class SocketSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(SocketSource.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final int QUEUE_CAPACITY = 65_536;
  private static final int MAX_EXPECTED_ROWS = 4096;

  private final String owner;
  private final Schema schema;
  private final String address;
  private final Socket socket;
  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final LinePartition partition = new LinePartition();
  private volatile boolean ended;
  private volatile boolean closing;
  private volatile IOException failure;
  private final Thread readerThread;

  private SocketSource(String owner, Schema schema, String address, Socket socket) {
    this.owner = owner;
    this.schema = schema;
    this.address = address;
    this.socket = socket;
    this.readerThread = new Thread(this::readLines, "rivulet-socket-" + address);
    readerThread.setDaemon(true);
  }

  /**
   * Connects to {@code host:port} and starts reading lines.
   *
   * @throws RivuletException of category CONNECTOR when the connection fails
   */
  static SocketSource connect(String owner, Schema schema, String host, int port) {
    String address = host + ":" + port;
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
    } catch (ConnectException e) {
      closeQuietly(socket);
      String message =
          "%s cannot connect to %s (%s); start the server first, for example with 'nc -lk %d'";
      throw new RivuletException(
          Category.CONNECTOR,
          String.format(Locale.ROOT, message, owner, address, e.getMessage(), port),
          e);
    } catch (IOException e) {
      closeQuietly(socket);
      String message = "%s cannot connect to %s: %s; check the 'host' and 'port' options";
      throw new RivuletException(
          Category.CONNECTOR, String.format(Locale.ROOT, message, owner, address, e), e);
    }
    SocketSource source = new SocketSource(owner, schema, address, socket);
    source.readerThread.start();
    LOG.info("{} connected to {}", owner, address);
    return source;
  }

  @Override
  public List<SourcePartition> partitions() {
    return partition.exhausted() ? List.of() : List.of(partition);
  }

  /** Once the server has closed the connection the stream has ended, and so can the query. */
  @Override
  public boolean bounded() {
    return ended && failure == null;
  }

  @Override
  public void close() {
    closing = true;
    closeQuietly(socket);
    // The reader may be waiting for room in a full queue rather than for the socket.
    readerThread.interrupt();
  }

  private void readLines() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.put(line);
      }
      LOG.info("{}: the server at {} closed the connection", owner, address);
    } catch (IOException e) {
      if (!closing) {
        failure = e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ended = true;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("cannot close a socket: {}", e.toString());
    }
  }

  /** The one partition: the lines queued so far. */
  private final class LinePartition implements SourcePartition {
    private volatile boolean failureReported;

    @Override
    public String id() {
      return "socket " + address;
    }

    @Override
    public Batch read(int maxRows) {
      List<String> taken = new ArrayList<>(Math.min(Math.max(maxRows, 0), MAX_EXPECTED_ROWS));
      lines.drainTo(taken, Math.max(maxRows, 0));
      if (taken.isEmpty() && ended && lines.isEmpty() && failure != null && !failureReported) {
        failureReported = true;
        throw new RivuletException(
            Category.CONNECTOR,
            owner + " lost its connection to " + address + ": " + failure.getMessage(),
            failure);
      }
      BatchBuilder builder = new BatchBuilder(schema, taken.size());
      VectorBuilder column = builder.column(0);
      for (String line : taken) {
        column.append(line);
        builder.endRow();
      }
      return builder.build();
    }

    @Override
    public boolean exhausted() {
      return ended && lines.isEmpty() && (failure == null || failureReported);
    }
  }
}
