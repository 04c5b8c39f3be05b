package io.rivulet.jdbc;

import io.rivulet.engine.Settings;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed {@code jdbc:rivulet:[name][;key=value]...} URL merged with connection properties.
 *
 * @param name the named in-process engine to join, or empty for a private engine
 * @param settings SET keys (lower case) and their values, URL first, then {@link Properties}
 */
record ConnectionUrl(String name, Map<String, String> settings) {
  static final String PREFIX = "jdbc:rivulet:";

  /** Properties that tools pass to every driver and that mean nothing to an in-process engine. */
  private static final Set<String> IGNORED = Set.of("user", "password");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]*");

  ConnectionUrl {
    settings = Map.copyOf(settings);
  }

  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  static ConnectionUrl parse(String url, Properties info) throws SQLException {
    String rest = url.substring(PREFIX.length());
    String[] parts = rest.split(";", -1);
    String name = parts[0].trim();
    if (!NAME.matcher(name).matches()) {
      throw new SQLException("bad engine name '" + name + "' in " + url
          + "; a name has letters, digits, '_', '.' and '-' (jdbc:rivulet:name;key=value)", "08001");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      int equals = part.indexOf('=');
      if (equals <= 0) {
        throw new SQLException("bad property '" + part + "' in " + url
            + "; write properties as ;key=value, e.g. jdbc:rivulet:" + name + ";parallelism=2", "08001");
      }
      put(settings, part.substring(0, equals), part.substring(equals + 1));
    }
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        put(settings, key, info.getProperty(key));
      }
    }
    return new ConnectionUrl(name, settings);
  }

  private static void put(Map<String, String> settings, String key, String value) throws SQLException {
    String normalized = key.trim().toLowerCase(Locale.ROOT);
    if (IGNORED.contains(normalized)) {
      return;
    }
    if (!Settings.keys().contains(normalized)) {
      throw new SQLException("unknown connection property '" + key.trim() + "'; known: "
          + String.join(", ", Settings.keys()), "08001");
    }
    settings.put(normalized, value.trim());
  }
}
