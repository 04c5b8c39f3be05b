package io.rivulet.engine;

import io.rivulet.runtime.exec.MicroBatchQuery;
import io.rivulet.runtime.exec.Progress;
import io.rivulet.runtime.exec.QueryStatus;
import io.rivulet.runtime.type.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A running (or ended) continuous query: its id, what it runs, its status and progress. */
public final class QueryHandle {
  private final String id;
  private final String sql;
  private final Schema schema;
  private final boolean changelog;
  private final MicroBatchQuery query;
  private volatile Runnable onStop = () -> {};

  QueryHandle(String id, String sql, Schema schema, boolean changelog, MicroBatchQuery query) {
    this.id = id;
    this.sql = sql;
    this.schema = schema;
    this.changelog = changelog;
    this.query = query;
  }

  public String id() {
    return id;
  }

  /** The statement text that started it. */
  public String sql() {
    return sql;
  }

  /** The result's columns (without a change-kind column). */
  public Schema schema() {
    return schema;
  }

  /** Whether result rows carry change kinds. */
  public boolean changelog() {
    return changelog;
  }

  public QueryStatus status() {
    return query.status();
  }

  public Optional<Throwable> failure() {
    return query.failure();
  }

  public Optional<Progress> lastProgress() {
    return query.lastProgress();
  }

  /** The progress of recent micro-batches, oldest first. */
  public List<Progress> progressHistory() {
    return query.recentProgress();
  }

  /** All rows read from sources since the query started. */
  public long totalInputRows() {
    return query.totalInputRows();
  }

  public void onProgress(Consumer<Progress> listener) {
    query.addProgressListener(listener);
  }

  public void stop() {
    query.stop();
  }

  /** Stops the query and discards rows nobody will read, so a blocked query can end at once. */
  void stopAndDiscard() {
    onStop.run();
    query.stop();
  }

  void whenStoppedByStatement(Runnable action) {
    onStop = action;
  }

  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return query.awaitTermination(timeout);
  }

  public void awaitTermination() throws InterruptedException {
    query.awaitTermination();
  }
}
