package io.rivulet.runtime.connector.nexmark;

import io.rivulet.runtime.connector.Connector;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Source;
import java.util.Set;

/**
 * The {@code nexmark} connector: a source of generated Nexmark auction events. A stream reads one
 * kind of event, named by {@code 'table'} ({@code person}, {@code auction} or {@code bid}); three
 * streams declared with the same {@code events}, {@code events.per-second} and {@code seed} read
 * the three tables of one event sequence, in the proportions 1 : 3 : 46.
 *
 * <pre>{@code
 * CREATE STREAM bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,
 *   date_time TIMESTAMP(3), extra VARCHAR,
 *   WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
 * WITH ('connector' = 'nexmark', 'table' = 'bid', 'events' = '10000000');
 * }</pre>
 *
 * <p>Options: {@code events} (all tables together; left out, the stream never ends), {@code
 * events.per-second} (of event time, default 10,000), {@code seed} (default 42), {@code table}
 * (default: the stream's name, when it is one of the tables), {@code disorder.max-millis} (event
 * times lag their in-order times by up to this much, default 0) and {@code rows-per-second} (a
 * wall-clock limit; left out, as fast as possible). A stream may declare any subset of its
 * table's columns, in any order, with the generator's types. Columns a query does not read are
 * not generated; since every column of an event is computed on its own, the others come out the
 * same either way.
 */
public final class NexmarkConnector implements Connector {
  @Override
  public String name() {
    return "nexmark";
  }

  @Override
  public Set<String> sourceOptions() {
    return NexmarkOptions.KEYS;
  }

  @Override
  public Set<String> sinkOptions() {
    return Set.of();
  }

  @Override
  public void validateSource(ConnectorContext context) {
    NexmarkOptions.of(context);
  }

  @Override
  public Source createSource(ConnectorContext context) {
    return new NexmarkSource(
        context.schema(),
        NexmarkOptions.of(context),
        context.parallelism(),
        context.neededColumns());
  }
}
