package io.rivulet.engine;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.type.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The result of a SELECT, delivered to the client batch by batch. A slow reader holds the query
 * back: at most {@code capacity} committed batches wait, then the query's commit blocks.
 */
public final class ResultStream implements Sink {
  private static final ResultBatch END = new ResultBatch(-1, null);

  private final Schema schema;
  private final BlockingQueue<ResultBatch> ready;
  private final Map<Long, List<Batch>> pending = new TreeMap<>();
  private volatile boolean abandoned;
  private boolean ended;

  public ResultStream(Schema schema, int capacity) {
    this.schema = schema;
    this.ready = new ArrayBlockingQueue<>(capacity);
  }

  public Schema schema() {
    return schema;
  }

  @Override
  public void write(long batchId, int partition, Batch batch) {
    synchronized (pending) {
      pending.computeIfAbsent(batchId, id -> new ArrayList<>()).add(batch);
    }
  }

  @Override
  public void commit(long batchId) {
    List<Batch> batches;
    synchronized (pending) {
      batches = pending.remove(batchId);
    }
    if (batches == null || abandoned) {
      return;
    }
    offer(new ResultBatch(batchId, Batch.concat(schema, batches)));
  }

  private void offer(ResultBatch batch) {
    try {
      while (!abandoned && !ready.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        // wait for the reader, unless it went away
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Called when the query ends, however it ended: the reader sees the end after the last rows. */
  @Override
  public void close() {
    offer(END);
  }

  /** The next committed batch, waiting for it; null once the query has ended. */
  public ResultBatch next() throws InterruptedException {
    if (ended) {
      return null;
    }
    ResultBatch batch = ready.take();
    return endOr(batch);
  }

  /** The next committed batch if one comes within {@code timeout}; null on time-out or end. */
  public ResultBatch poll(Duration timeout) throws InterruptedException {
    if (ended) {
      return null;
    }
    ResultBatch batch = ready.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return batch == null ? null : endOr(batch);
  }

  private ResultBatch endOr(ResultBatch batch) {
    if (batch == END) {
      ended = true;
      return null;
    }
    return batch;
  }

  public boolean ended() {
    return ended;
  }

  /** The reader is gone: drop whatever comes and never block the query again. */
  public void abandon() {
    abandoned = true;
    ready.clear();
  }
}
