package io.rivulet.engine;

import io.rivulet.runtime.batch.Batch;

/** The rows one micro-batch added to a query's result, in commit order. */
public record ResultBatch(long batchId, Batch rows) {}
