package io.rivulet.runtime.connector;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@code WITH (...)} options of a connector, with typed getters whose errors name the option
 * and say what is expected.
 *
 * @param owner what the options belong to, for messages, e.g. {@code stream 'bids'}
 */
public record Options(String owner, Map<String, String> values) {
  public Options {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String get(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  public String required(String key) {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      throw error("needs the option '" + key + "'");
    }
    return value;
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error("option '" + key + "' must be 'true' or 'false', not '" + value + "'");
    };
  }

  public long getLong(String key, long defaultValue) {
    String value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw error("option '" + key + "' must be a whole number, not '" + value + "'");
    }
  }

  public Duration getDuration(String key, Duration defaultValue) {
    String value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw error("option '" + key + "': " + e.getMessage());
    }
  }

  /** One of {@code allowed} (compared ignoring case), returned in lower case. */
  public String getChoice(String key, String defaultValue, Collection<String> allowed) {
    String value = values.getOrDefault(key, defaultValue).toLowerCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw error(
          "option '" + key + "' must be one of " + String.join(", ", allowed) + ", not '" + value
              + "'");
    }
    return value;
  }

  /** Rejects keys that are not in {@code known}, naming the ones that are. */
  public void checkKnown(String connector, Collection<String> known) {
    for (String key : values.keySet()) {
      if (!known.contains(key) && !key.equals("connector")) {
        throw error(
            "has an unknown option '" + key + "' for connector '" + connector + "'; known options: "
                + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  public RivuletException error(String message) {
    return new RivuletException(Category.CONNECTOR, owner + " " + message);
  }
}
