package io.rivulet.runtime.connector.datagen;

import io.rivulet.runtime.connector.Connector;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.type.Field;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code datagen} connector: a source of pseudo-random rows for whatever columns a stream
 * declares, like Flink SQL's. Options: {@code rows-per-second} (wall-clock rate, default 10,000,
 * as in Flink), {@code number-of-rows} (left out, the stream never ends) and {@code seed} (the
 * same seed gives the same rows, default 42).
 *
 * <p>Values: BOOLEAN, integer, FLOAT and DOUBLE columns are uniform over the type (floating point
 * in [0, 1)); DECIMAL(p, s) uniform over its precision; VARCHAR 1 to 16 letters and digits (fewer
 * if its declared length is shorter); DATE from 2000 to 2029, TIME any millisecond of the day;
 * TIMESTAMP is not random but advances with the row number, 1 / rows-per-second seconds per row
 * from 2024-01-01 00:00:00, so that event-time windows over it behave like those over a clock.
 */
public final class DatagenConnector implements Connector {
  static final Set<String> KEYS = Set.of("rows-per-second", "number-of-rows", "seed");
  static final long DEFAULT_ROWS_PER_SECOND = 10_000;
  static final long DEFAULT_SEED = 42;

  @Override
  public String name() {
    return "datagen";
  }

  @Override
  public Set<String> sourceOptions() {
    return KEYS;
  }

  @Override
  public Set<String> sinkOptions() {
    return Set.of();
  }

  @Override
  public void validateSource(ConnectorContext context) {
    check(context);
  }

  @Override
  public Source createSource(ConnectorContext context) {
    check(context);
    Options options = context.options();
    long rate = options.getLong("rows-per-second", DEFAULT_ROWS_PER_SECOND);
    OptionalLong rows =
        options.get("number-of-rows").isPresent()
            ? OptionalLong.of(options.getLong("number-of-rows", 0))
            : OptionalLong.empty();
    DatagenValues values =
        new DatagenValues(context.schema(), options.getLong("seed", DEFAULT_SEED), rate);
    return new DatagenSource(values, rows, rate, context.parallelism());
  }

  private static void check(ConnectorContext context) {
    Options options = context.options();
    options.checkKnown("datagen", KEYS);
    long rate = options.getLong("rows-per-second", DEFAULT_ROWS_PER_SECOND);
    if (rate < 1) {
      throw options.error("option 'rows-per-second' must be a whole number >= 1, not " + rate);
    }
    long rows = options.getLong("number-of-rows", 0);
    if (rows < 0) {
      throw options.error(
          "option 'number-of-rows' must be a whole number >= 0 (or left out for an endless"
              + " stream), not " + rows);
    }
    options.getLong("seed", DEFAULT_SEED);
    for (Field field : context.schema().fields()) {
      if (!DatagenValues.supports(field.type())) {
        throw options.error(
            "cannot generate column '" + field.name() + "' of type " + field.typeName()
                + "; datagen makes BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE,"
                + " DECIMAL, VARCHAR, DATE, TIME and TIMESTAMP columns");
      }
    }
  }
}
