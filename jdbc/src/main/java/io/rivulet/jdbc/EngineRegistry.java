package io.rivulet.jdbc;

import io.rivulet.engine.Engine;
import java.util.HashMap;
import java.util.Map;

/**
 * The named in-process engines of this JVM. Connections to {@code jdbc:rivulet:name} share one
 * engine; it is created by the first connection and closed (its queries stopped) when the last
 * connection to it closes.
 */
final class EngineRegistry {
  /** An engine and how many open connections use it. */
  private static final class Shared {
    final Engine engine = new Engine();
    int connections;
  }

  private static final Map<String, Shared> ENGINES = new HashMap<>();

  private EngineRegistry() {}

  /** The engine named {@code name}, created if no open connection uses it. */
  static Engine acquire(String name) {
    synchronized (ENGINES) {
      Shared shared = ENGINES.computeIfAbsent(name, n -> new Shared());
      shared.connections++;
      return shared.engine;
    }
  }

  /** One connection to {@code engine} closed; the last one closes the engine. */
  static void release(String name, Engine engine) {
    Shared closing = null;
    synchronized (ENGINES) {
      Shared shared = ENGINES.get(name);
      if (shared != null && shared.engine == engine && --shared.connections == 0) {
        ENGINES.remove(name);
        closing = shared;
      }
    }
    if (closing != null) {
      closing.engine.close();
    }
  }
}
