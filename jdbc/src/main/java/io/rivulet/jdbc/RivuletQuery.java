package io.rivulet.jdbc;

import io.rivulet.engine.QueryHandle;
import io.rivulet.runtime.exec.Progress;
import io.rivulet.runtime.exec.QueryStatus;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A handle on a continuous query running in an engine: its id (as SHOW QUERIES and STOP QUERY name
 * it), its status, its progress per micro-batch, and how to wait for it or stop it.
 */
public final class RivuletQuery {
  private final QueryHandle handle;

  RivuletQuery(QueryHandle handle) {
    this.handle = handle;
  }

  /** The id, such as {@code q3}. */
  public String id() {
    return handle.id();
  }

  /** The statement that started it. */
  public String sql() {
    return handle.sql();
  }

  /** The output's column names; an updating result has a first column {@code op}. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    if (handle.changelog()) {
      names.add("op");
    }
    names.addAll(handle.schema().names());
    return names;
  }

  /** Whether the output is a changelog (rows carry +I, -U, +U or -D) rather than append-only. */
  public boolean changelog() {
    return handle.changelog();
  }

  public QueryStatus status() {
    return handle.status();
  }

  /** Why the query failed, if it did, as the SQLException a reader of its rows gets. */
  public Optional<SQLException> failure() {
    return handle.failure().map(SqlErrors::of);
  }

  /** The progress record of the latest micro-batch. */
  public Optional<Progress> lastProgress() {
    return handle.lastProgress();
  }

  /** The progress records of recent micro-batches (the last 100), oldest first. */
  public List<Progress> progressHistory() {
    return handle.progressHistory();
  }

  /** Calls {@code listener} with the progress of every later micro-batch, on the query's thread. */
  public void onProgress(Consumer<Progress> listener) {
    handle.onProgress(listener);
  }

  /** Asks the query to stop after the micro-batch it is running; does not wait. */
  public void stop() {
    handle.stop();
  }

  /** Waits until the query has ended; returns false if it still runs after {@code timeout}. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return handle.awaitTermination(timeout);
  }

  public void awaitTermination() throws InterruptedException {
    handle.awaitTermination();
  }

  /** The engine's own handle, for code that works with {@code io.rivulet.engine} directly. */
  public QueryHandle handle() {
    return handle;
  }

  /** Handles on the same query are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RivuletQuery query && query.handle == handle;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(handle);
  }

  @Override
  public String toString() {
    return "RivuletQuery[" + id() + ", " + status() + "]";
  }
}
