package io.rivulet.bench.checksum;

import io.rivulet.runtime.connector.Connector;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Sink;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code checksum} connector: a sink for benchmarks that checksums what it discards. The
 * runner finds the sink a query wrote to by the stream's name, through {@link #lastSink}.
 */
public final class ChecksumConnector implements Connector {
  private static final Map<String, ChecksumSink> LAST = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "checksum";
  }

  @Override
  public Set<String> sourceOptions() {
    return Set.of();
  }

  /** One optional, unused key: the engine takes a connector with no sink options for read-only. */
  @Override
  public Set<String> sinkOptions() {
    return Set.of("label");
  }

  @Override
  public void validateSink(ConnectorContext context) {
    context.options().checkKnown(name(), sinkOptions());
  }

  @Override
  public Sink createSink(ConnectorContext context) {
    validateSink(context);
    ChecksumSink sink = new ChecksumSink();
    LAST.put(context.objectName().toLowerCase(java.util.Locale.ROOT), sink);
    return sink;
  }

  /** The sink most recently created for the stream {@code name}. */
  public static Optional<ChecksumSink> lastSink(String name) {
    return Optional.ofNullable(LAST.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /** Forgets the sink of stream {@code name}, before a new run writes to it. */
  public static void forget(String name) {
    LAST.remove(name.toLowerCase(java.util.Locale.ROOT));
  }
}
