package io.rivulet.planner;

import io.rivulet.runtime.connector.Connector;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test connector, {@code 'connector' = 'recording'}, whose sources have no rows but remember
 * the context they were opened with, by stream name.
 */
public final class RecordingConnector implements Connector {
  static final Map<String, ConnectorContext> OPENED = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "recording";
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
  public Source createSource(ConnectorContext context) {
    OPENED.put(context.objectName(), context);
    return new Source() {
      @Override
      public List<SourcePartition> partitions() {
        return List.of();
      }

      @Override
      public boolean bounded() {
        return true;
      }
    };
  }
}
