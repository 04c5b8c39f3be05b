package io.rivulet.runtime.connector.blackhole;

import io.rivulet.runtime.connector.Connector;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Sink;
import java.util.Set;

/** The {@code blackhole} connector: a sink that discards its rows, for benchmarks and tests. */
public final class BlackholeConnector implements Connector {
  @Override
  public String name() {
    return "blackhole";
  }

  @Override
  public Set<String> sourceOptions() {
    return Set.of();
  }

  @Override
  public Set<String> sinkOptions() {
    return Set.of();
  }

  @Override
  public void validateSink(ConnectorContext context) {
    context.options().checkKnown(name(), Set.of());
  }

  @Override
  public Sink createSink(ConnectorContext context) {
    validateSink(context);
    return new BlackholeSink();
  }
}
