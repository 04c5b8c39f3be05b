package io.rivulet.runtime.connector;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The connectors on the class path, by name. */
public final class Connectors {
  private static final Map<String, Connector> BY_NAME = load();

  private Connectors() {}

  private static Map<String, Connector> load() {
    Map<String, Connector> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Connector connector : ServiceLoader.load(Connector.class)) {
      byName.put(connector.name(), connector);
    }
    return byName;
  }

  public static Map<String, Connector> all() {
    return java.util.Collections.unmodifiableMap(BY_NAME);
  }

  /** The connector named by {@code options}' {@code connector} key. */
  public static Connector of(Options options) {
    String name = options.required("connector");
    Connector connector = BY_NAME.get(name);
    if (connector == null) {
      throw new RivuletException(
          Category.CONNECTOR,
          options.owner() + " names an unknown connector '" + name + "'; known connectors: "
              + String.join(", ", BY_NAME.keySet()));
    }
    return connector;
  }
}
