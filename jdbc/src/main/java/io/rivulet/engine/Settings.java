package io.rivulet.engine;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.connector.Durations;
import io.rivulet.runtime.exec.QueryConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The SET keys a session understands, their defaults and checks. */
public final class Settings {
  /** A known key: its default and what values it takes. */
  private record Key(String name, String defaultValue, String description) {}

  private static final Map<String, Key> KEYS = new LinkedHashMap<>();

  static {
    add("parallelism", String.valueOf(Runtime.getRuntime().availableProcessors()),
        "worker threads and partitions after an exchange (a whole number >= 1)");
    add("batch.interval", "1 s", "how often a micro-batch starts (a duration such as '500 ms')");
    add("batch.max-rows", "65536",
        "the most rows read from one source per micro-batch, over all its partitions (a whole number or 'unlimited')");
    add("window.emit", "on-close", "when windows emit: 'on-close' or 'every-batch'");
    add("late.policy", "drop", "rows for closed windows: 'drop' or 'fail'");
    add("watermark.idle-timeout", "0 ms", "after how long a silent partition stops holding the watermark back (0: never)");
    add("state.ttl", "0 ms", "how long a regular stream-stream join keeps rows nobody touched (0: for ever)");
    add("result.mode", "tableau", "how the shell shows results: 'tableau', 'table' or 'changelog'");
    add("verbose", "false", "show stack traces of errors: 'true' or 'false'");
  }

  private static void add(String name, String defaultValue, String description) {
    KEYS.put(name, new Key(name, defaultValue, description));
  }

  private final Map<String, String> values = new TreeMap<>();

  /** Checks and sets a key; values are kept as written. */
  public void set(String key, String value) {
    String name = key.toLowerCase(Locale.ROOT);
    if (!KEYS.containsKey(name)) {
      throw new RivuletException(
          Category.VALIDATION,
          "unknown setting '" + key + "'; known settings: " + String.join(", ", KEYS.keySet()));
    }
    check(name, value);
    values.put(name, value);
  }

  public void reset(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    if (!KEYS.containsKey(name)) {
      throw new RivuletException(
          Category.VALIDATION,
          "unknown setting '" + key + "'; known settings: " + String.join(", ", KEYS.keySet()));
    }
    values.remove(name);
  }

  public void resetAll() {
    values.clear();
  }

  public String get(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    String value = values.get(name);
    return value != null ? value : KEYS.get(name).defaultValue();
  }

  /** Every key with its current value, in a stable order. */
  public Map<String, String> all() {
    Map<String, String> all = new LinkedHashMap<>();
    for (String key : KEYS.keySet()) {
      all.put(key, get(key));
    }
    return all;
  }

  public static List<String> keys() {
    return List.copyOf(KEYS.keySet());
  }

  private static void check(String name, String value) {
    switch (name) {
      case "parallelism" -> positiveInt(name, value);
      case "batch.max-rows" -> {
        if (!value.equalsIgnoreCase("unlimited")) {
          positiveInt(name, value);
        }
      }
      case "batch.interval", "watermark.idle-timeout", "state.ttl" -> duration(name, value);
      case "window.emit" -> choice(name, value, "on-close", "every-batch");
      case "late.policy" -> choice(name, value, "drop", "fail");
      case "result.mode" -> choice(name, value, "tableau", "table", "changelog");
      case "verbose" -> choice(name, value, "true", "false");
      default -> {}
    }
  }

  private static int positiveInt(String name, String value) {
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new RivuletException(
        Category.VALIDATION, "setting '" + name + "' must be a whole number >= 1, not '" + value + "'");
  }

  private static Duration duration(String name, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new RivuletException(Category.VALIDATION, "setting '" + name + "': " + e.getMessage());
    }
  }

  private static void choice(String name, String value, String... allowed) {
    for (String option : allowed) {
      if (option.equalsIgnoreCase(value)) {
        return;
      }
    }
    throw new RivuletException(
        Category.VALIDATION,
        "setting '" + name + "' must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
  }

  public int parallelism() {
    return positiveInt("parallelism", get("parallelism"));
  }

  /** The run-time configuration these settings describe. */
  public QueryConfig queryConfig(PrintStream console) {
    String maxRows = get("batch.max-rows");
    int rows = maxRows.equalsIgnoreCase("unlimited") ? Integer.MAX_VALUE : positiveInt("batch.max-rows", maxRows);
    return new QueryConfig(
        parallelism(),
        duration("batch.interval", get("batch.interval")),
        rows,
        console,
        duration("watermark.idle-timeout", get("watermark.idle-timeout")));
  }
}
