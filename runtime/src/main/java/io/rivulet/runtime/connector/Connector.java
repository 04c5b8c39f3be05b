package io.rivulet.runtime.connector;

import java.util.Set;

/**
 * A kind of external system, named by {@code 'connector' = '...'}, that can provide sources or
 * sinks. Implementations are found through {@link java.util.ServiceLoader}.
 */
public interface Connector {
  /** The name used in {@code WITH ('connector' = name)}. */
  String name();

  /** The option keys a source accepts (without {@code connector}); empty if it has no source. */
  Set<String> sourceOptions();

  /** The option keys a sink accepts (without {@code connector}); empty if it has no sink. */
  Set<String> sinkOptions();

  /**
   * Checks a source's options when a stream or table is created, before any query runs, so that a
   * bad path or option is reported at the CREATE statement. Throws {@link
   * io.rivulet.runtime.RivuletException}.
   */
  default void validateSource(ConnectorContext context) {}

  default void validateSink(ConnectorContext context) {}

  default Source createSource(ConnectorContext context) {
    throw context.options().error("cannot be read: connector '" + name() + "' has no source");
  }

  default Sink createSink(ConnectorContext context) {
    throw context.options().error("cannot be written: connector '" + name() + "' has no sink");
  }
}
