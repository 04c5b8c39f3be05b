package io.rivulet.runtime.connector.nexmark;

import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The checked options of a nexmark stream.
 *
 * @param config the event sequence
 * @param table which kind of event the stream reads
 * @param events how many events (of all tables) the sequence has; empty for an endless one
 * @param columns for each declared column, its index in {@code table}'s schema
 * @param rowsPerSecond the most rows per second of wall-clock time the stream reads; empty for as
 *     fast as possible
 */
record NexmarkOptions(
    NexmarkConfig config,
    NexmarkTable table,
    OptionalLong events,
    int[] columns,
    OptionalLong rowsPerSecond) {

  static final Set<String> KEYS =
      Set.of(
          "events",
          "events.per-second",
          "seed",
          "table",
          "disorder.max-millis",
          "rows-per-second");

  static final long DEFAULT_SEED = 42;

  /** Reads and checks the options of {@code context}, throwing a CONNECTOR error if one is wrong. */
  static NexmarkOptions of(ConnectorContext context) {
    Options options = context.options();
    options.checkKnown("nexmark", KEYS);
    NexmarkTable table = table(context);
    OptionalLong events = OptionalLong.empty();
    if (options.get("events").isPresent()) {
      long count = options.getLong("events", 0);
      if (count < 0) {
        throw options.error(
            "option 'events' must be a whole number >= 0 (or left out for an endless stream),"
                + " not " + count);
      }
      events = OptionalLong.of(count);
    }
    long eventsPerSecond =
        options.getLong("events.per-second", NexmarkConfig.DEFAULT_EVENTS_PER_SECOND);
    if (eventsPerSecond < 1 || eventsPerSecond > 1_000_000_000L) {
      throw options.error(
          "option 'events.per-second' (events per second of event time) must be from 1 to"
              + " 1000000000, not " + eventsPerSecond);
    }
    long seed = options.getLong("seed", DEFAULT_SEED);
    long disorder = options.getLong("disorder.max-millis", 0);
    if (disorder < 0 || disorder > Integer.MAX_VALUE) {
      throw options.error(
          "option 'disorder.max-millis' must be a number of milliseconds from 0 to "
              + Integer.MAX_VALUE + ", not " + disorder);
    }
    OptionalLong rate = OptionalLong.empty();
    if (options.get("rows-per-second").isPresent()) {
      long rows = options.getLong("rows-per-second", 0);
      if (rows < 1) {
        throw options.error(
            "option 'rows-per-second' must be a whole number >= 1 (or left out to read as fast"
                + " as possible), not " + rows);
      }
      rate = OptionalLong.of(rows);
    }
    int[] columns = columns(context.schema(), table, options);
    return new NexmarkOptions(
        NexmarkConfig.of(seed, eventsPerSecond, disorder), table, events, columns, rate);
  }

  /** The {@code table} option, or the stream's own name when it names a table. */
  private static NexmarkTable table(ConnectorContext context) {
    Options options = context.options();
    String names = String.join(", ", NexmarkTable.optionNames());
    if (options.get("table").isEmpty()) {
      return NexmarkTable.ofName(context.objectName())
          .orElseThrow(
              () ->
                  options.error(
                      "needs the option 'table' to say which Nexmark events it reads: one of "
                          + names));
    }
    String name = options.get("table", "");
    return NexmarkTable.ofName(name)
        .orElseThrow(
            () ->
                options.error(
                    "option 'table' must be one of " + names + ", not '" + name + "'"));
  }

  /** Maps the declared columns, by name, onto the table's columns and checks their types. */
  private static int[] columns(Schema schema, NexmarkTable table, Options options) {
    Schema all = table.schema();
    int[] columns = new int[schema.size()];
    for (int i = 0; i < schema.size(); i++) {
      Field declared = schema.field(i);
      OptionalInt index = all.indexOf(declared.name());
      if (index.isEmpty()) {
        throw options.error(
            "declares a column '" + declared.name() + "' that Nexmark " + table.optionName()
                + " events do not have; their columns are " + all);
      }
      DataType want = all.type(index.getAsInt());
      if (declared.type() != want) {
        throw options.error(
            "declares column '" + declared.name() + "' as " + declared.typeName()
                + ", but Nexmark generates it as " + all.field(index.getAsInt()).typeName()
                + "; declare it so (and CAST in the query if needed)");
      }
      columns[i] = index.getAsInt();
    }
    return columns;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NexmarkOptions that
        && config.equals(that.config)
        && table == that.table
        && events.equals(that.events)
        && Arrays.equals(columns, that.columns)
        && rowsPerSecond.equals(that.rowsPerSecond);
  }

  @Override
  public int hashCode() {
    return config.hashCode() * 31 + Arrays.hashCode(columns);
  }

  @Override
  public String toString() {
    return "NexmarkOptions[" + table.optionName() + ", " + config + ", events=" + events + "]";
  }
}
