package io.rivulet.runtime.exec;

import java.time.Instant;
import java.util.List;

/**
 * What one micro-batch did, for people watching a query.
 *
 * @param batchId zero-based id of the micro-batch
 * @param inputRows rows read from sources in this batch
 * @param outputRows rows written to the sink in this batch
 * @param durationMillis wall time of the batch
 * @param watermark the event-time watermark after the batch (epoch millis; {@code Long.MIN_VALUE}
 *     before any event time is known, {@code Long.MAX_VALUE} at the end of bounded input)
 * @param stateSize entries of operator state after the batch
 * @param skippedRows malformed input rows skipped so far
 * @param lateRows rows dropped so far because they arrived after their window closed
 * @param stageMillis wall time per stage, in stage order
 */
public record Progress(
    String queryId,
    long batchId,
    Instant timestamp,
    long inputRows,
    long outputRows,
    long durationMillis,
    long watermark,
    long stateSize,
    long skippedRows,
    long lateRows,
    List<Long> stageMillis) {

  public Progress {
    stageMillis = List.copyOf(stageMillis);
  }

  /** Input rows per second of batch time. */
  public double inputRowsPerSecond() {
    return durationMillis == 0 ? inputRows * 1000.0 : inputRows * 1000.0 / durationMillis;
  }
}
