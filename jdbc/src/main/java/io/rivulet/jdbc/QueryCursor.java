package io.rivulet.jdbc;

import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.ResultBatch;
import io.rivulet.engine.ResultStream;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.exec.QueryStatus;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Duration;

/**
 * The rows of a running SELECT, read batch by batch from its {@link ResultStream}. Reading blocks
 * until the query commits its next batch; not reading holds the query back once the stream's
 * buffer is full. The rows end when the query ends, or early when the cursor is stopped (cancel,
 * time-out, close or max rows): stopping stops the query and abandons its stream.
 */
final class QueryCursor implements RowCursor {
  /** How long one wait for a batch lasts before the cursor checks whether it was stopped. */
  private static final Duration POLL = Duration.ofMillis(50);

  /** Why the rows ended early. */
  enum StopReason {
    CANCELLED,
    TIMED_OUT,
    CLOSED,
    MAX_ROWS
  }

  private final QueryHandle query;
  private final ResultStream rows;
  private final SqlTemplate.PositionMap positions;
  private final long maxRows;
  private volatile StopReason stopped;
  private volatile String timeoutText = "";
  private Batch current;
  private int position;
  private long delivered;
  private SQLWarning warning;

  QueryCursor(QueryHandle query, ResultStream rows, SqlTemplate.PositionMap positions, long maxRows) {
    this.query = query;
    this.rows = rows;
    this.positions = positions;
    this.maxRows = maxRows;
  }

  QueryHandle query() {
    return query;
  }

  @Override
  public Object[] next() throws SQLException {
    while (true) {
      StopReason reason = stopped;
      if (reason != null) {
        noteStop(reason);
        return null;
      }
      if (maxRows > 0 && delivered >= maxRows) {
        stop(StopReason.MAX_ROWS);
        return null;
      }
      if (current != null && position + 1 < current.rowCount()) {
        position++;
        delivered++;
        return row(current, position);
      }
      current = null;
      ResultBatch batch = poll(POLL);
      if (batch == null && !rows.ended() && query.status().isTerminal()) {
        // A query commits its last rows before it turns terminal: whatever is left is queued now.
        batch = poll(Duration.ZERO);
        if (batch == null) {
          return end();
        }
      }
      if (batch != null) {
        current = batch.rows();
        position = -1;
      } else if (rows.ended()) {
        return end();
      }
    }
  }

  private ResultBatch poll(Duration timeout) throws SQLException {
    try {
      return rows.poll(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(StopReason.CANCELLED);
      throw new SQLException("interrupted while waiting for the rows of query " + query.id(), "HY008", e);
    }
  }

  private Object[] row(Batch batch, int row) {
    int offset = query.changelog() ? 1 : 0;
    Object[] values = new Object[batch.columnCount() + offset];
    if (offset == 1) {
      values[0] = batch.kind(row).shortName();
    }
    for (int c = 0; c < batch.columnCount(); c++) {
      values[c + offset] = batch.get(row, c);
    }
    return values;
  }

  /** The query ended: a failure is the reader's error; a stop, by this cursor or elsewhere, a warning. */
  private Object[] end() throws SQLException {
    StopReason reason = stopped;
    if (reason != null) {
      noteStop(reason);
      return null;
    }
    if (query.status() == QueryStatus.FAILED) {
      throw SqlErrors.of(query.failure().orElseThrow(), positions);
    }
    if (query.status() == QueryStatus.STOPPED && warning == null) {
      warning = new SQLWarning("query " + query.id() + " was stopped (STOP QUERY) before its input ended");
    }
    return null;
  }

  private void noteStop(StopReason reason) {
    if (warning != null) {
      return;
    }
    if (reason == StopReason.CANCELLED) {
      warning = new SQLWarning("query " + query.id() + " was cancelled", "HY008");
    } else if (reason == StopReason.TIMED_OUT) {
      warning = new SQLWarning("query " + query.id() + " was stopped: the query timeout" + timeoutText
          + " passed", "HYT00");
    }
  }

  @Override
  public boolean isLast() throws SQLException {
    throw SqlErrors.unsupported("isLast on the rows of a running query");
  }

  @Override
  public boolean hasNoRows() throws SQLException {
    throw SqlErrors.unsupported("asking a running query whether it has rows before reading one");
  }

  /** Ends the rows early and stops the query; safe from any thread, and more than once. */
  void stop(StopReason reason) {
    if (stopped == null) {
      stopped = reason;
    }
    query.stop();
    rows.abandon();
  }

  void timedOut(int seconds) {
    timeoutText = " of " + seconds + " s";
    stop(StopReason.TIMED_OUT);
  }

  @Override
  public void close() {
    stop(StopReason.CLOSED);
  }

  @Override
  public SQLWarning warnings() {
    return warning;
  }
}
