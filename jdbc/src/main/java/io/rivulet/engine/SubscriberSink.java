package io.rivulet.engine;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A sink that hands every committed micro-batch to a subscriber, after passing it on to an optional
 * downstream sink (the connector of an INSERT INTO). The subscriber runs on the query's driver
 * thread, in commit order, so a slow subscriber holds the query back exactly as a slow reader of a
 * {@link ResultStream} does; it is not called again once the query has ended.
 */
final class SubscriberSink implements Sink {
  private final Schema schema;
  private final Consumer<ResultBatch> subscriber;
  private final Optional<Sink> downstream;
  private final Map<Long, List<Batch>> pending = new TreeMap<>();

  SubscriberSink(Schema schema, Consumer<ResultBatch> subscriber, Optional<Sink> downstream) {
    this.schema = schema;
    this.subscriber = subscriber;
    this.downstream = downstream;
  }

  @Override
  public void write(long batchId, int partition, Batch batch) {
    downstream.ifPresent(sink -> sink.write(batchId, partition, batch));
    synchronized (pending) {
      pending.computeIfAbsent(batchId, id -> new ArrayList<>()).add(batch.withSchema(schema));
    }
  }

  @Override
  public void commit(long batchId) {
    downstream.ifPresent(sink -> sink.commit(batchId));
    List<Batch> batches;
    synchronized (pending) {
      batches = pending.remove(batchId);
    }
    if (batches != null) {
      subscriber.accept(new ResultBatch(batchId, Batch.concat(schema, batches)));
    }
  }

  @Override
  public void close() {
    downstream.ifPresent(Sink::close);
  }
}
