package io.rivulet.jdbc;

import io.rivulet.engine.Settings;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:rivulet:} driver: runs Rivulet in this JVM.
 *
 * <ul>
 *   <li>{@code jdbc:rivulet:} — a private engine for this connection, closed with it.
 *   <li>{@code jdbc:rivulet:name} — the engine called {@code name}, shared by every connection to
 *       that name (catalog and running queries); it is created by the first connection and closed,
 *       stopping its queries, when the last one closes.
 * </ul>
 *
 * <p>Settings (any SET key, e.g. {@code parallelism}, {@code batch.interval}) follow the name as
 * {@code ;key=value} pairs, {@code jdbc:rivulet:orders;parallelism=2;batch.interval=100 ms}, or come
 * in the connection {@link Properties}, which win over the URL. They become the session's SET values.
 * The driver registers itself with {@link DriverManager} when loaded (and through
 * {@code META-INF/services/java.sql.Driver}).
 */
public final class RivuletDriver implements Driver {
  /** The version of the driver and of the engine it embeds. */
  public static final String VERSION = "0.1.0-SNAPSHOT";

  static final int MAJOR_VERSION = 0;
  static final int MINOR_VERSION = 1;

  private static final RivuletDriver INSTANCE = new RivuletDriver();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Returns null for a URL of another driver, as DriverManager expects. */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    return EmbeddedConnection.open(url, ConnectionUrl.parse(url, info));
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionUrl.accepts(url);
  }

  /** Every SET key, with the value the URL and properties give it, or its default. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Map<String, String> given = acceptsURL(url) ? ConnectionUrl.parse(url, info).settings() : Map.of();
    Settings defaults = new Settings();
    List<DriverPropertyInfo> properties = new ArrayList<>();
    for (String key : Settings.keys()) {
      DriverPropertyInfo property = new DriverPropertyInfo(key, given.getOrDefault(key, defaults.get(key)));
      property.required = false;
      property.description = "the session setting '" + key + "' (SET '" + key + "' = ...)";
      properties.add(property);
    }
    return properties.toArray(new DriverPropertyInfo[0]);
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  /** Not compliant: there are no transactions, and much of SQL-92 entry level (e.g. UPDATE) is missing. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("a java.util.logging parent logger is not supported: Rivulet logs through SLF4J", "0A000");
  }
}
