package io.rivulet.runtime.connector.console;

import io.rivulet.runtime.connector.Connector;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Sink;
import java.util.Set;

/** The {@code console} connector: a sink printing each micro-batch as a table, like Spark's. */
public final class ConsoleConnector implements Connector {
  @Override
  public String name() {
    return "console";
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
    return new ConsoleSink(context.schema(), context.changelog(), context.console());
  }
}
