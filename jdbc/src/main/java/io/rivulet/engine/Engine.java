package io.rivulet.engine;

import io.rivulet.planner.QueryPlanner;
import io.rivulet.planner.catalog.Catalog;
import io.rivulet.runtime.exec.QueryStatus;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-process Rivulet engine: a catalog of streams, tables and views, and the continuous
 * queries running over them. Sessions share its catalog and queries; each has its own settings.
 */
public final class Engine implements AutoCloseable {
  private final Catalog catalog = new Catalog();
  private final Map<String, QueryHandle> queries = new ConcurrentHashMap<>();
  private final AtomicInteger nextQueryNumber = new AtomicInteger(1);
  private final QueryPlanner planner;
  private final PrintStream console;

  /** An engine whose console sinks print to standard output. */
  public Engine() {
    this(System.out);
  }

  /** An engine whose console sinks print to {@code console}. */
  public Engine(PrintStream console) {
    this.console = console;
    this.planner = new QueryPlanner(catalog, Clock.systemUTC());
  }

  public Session newSession() {
    return new Session(this);
  }

  Catalog catalog() {
    return catalog;
  }

  QueryPlanner planner() {
    return planner;
  }

  PrintStream console() {
    return console;
  }

  String nextQueryId() {
    return "q" + nextQueryNumber.getAndIncrement();
  }

  void register(QueryHandle query) {
    queries.put(query.id(), query);
  }

  /** All queries started on this engine, oldest first. */
  public List<QueryHandle> queries() {
    List<QueryHandle> all = new ArrayList<>(queries.values());
    all.sort((a, b) -> Integer.compare(number(a.id()), number(b.id())));
    return all;
  }

  private static int number(String id) {
    return Integer.parseInt(id.substring(1));
  }

  public Optional<QueryHandle> query(String id) {
    return Optional.ofNullable(queries.get(id));
  }

  /** Stops every query still running and waits for them. */
  @Override
  public void close() {
    for (QueryHandle query : queries.values()) {
      if (!query.status().isTerminal()) {
        query.stop();
      }
    }
    for (QueryHandle query : queries.values()) {
      try {
        query.awaitTermination(java.time.Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Whether any query is still running. */
  public boolean hasRunningQueries() {
    return queries.values().stream().anyMatch(q -> q.status() == QueryStatus.RUNNING);
  }
}
