package io.rivulet.runtime.connector.socket;

import io.rivulet.runtime.connector.Connector;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.format.TextLineParser;
import java.util.Set;

/**
 * The {@code socket} connector: a source reading text lines from a TCP server, one row of a single
 * VARCHAR column per line, like Spark's socket source; for demos and tests, not for production,
 * since what arrives while no query is connected is lost.
 */
public final class SocketConnector implements Connector {
  static final Set<String> KEYS = Set.of("host", "port");

  @Override
  public String name() {
    return "socket";
  }

  @Override
  public Set<String> sourceOptions() {
    return KEYS;
  }

  @Override
  public Set<String> sinkOptions() {
    return Set.of();
  }

  @Override
  public void validateSource(ConnectorContext context) {
    Options options = context.options();
    options.checkKnown(name(), KEYS);
    options.required("host");
    port(options);
    if (!TextLineParser.isLineSchema(context.schema())) {
      throw options.error(
          "reads text lines from a socket into exactly one VARCHAR column, such as (line VARCHAR);"
              + " its columns are "
              + context.schema());
    }
  }

  /** Connects to the server; the connection stays open until the source is closed. */
  @Override
  public Source createSource(ConnectorContext context) {
    validateSource(context);
    Options options = context.options();
    return SocketSource.connect(
        options.owner(), context.schema(), options.required("host"), port(options));
  }

  private static int port(Options options) {
    options.required("port");
    long port = options.getLong("port", 0);
    if (port < 1 || port > 65_535) {
      throw options.error("option 'port' must be a TCP port from 1 to 65535, not " + port);
    }
    return (int) port;
  }
}
