package io.rivulet.runtime.plan;

import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.exec.QueryConfig;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import java.util.Optional;

/**
 * Reads a source.
 *
 * @param objectName the stream or table read, for EXPLAIN and messages
 * @param description how it is read, e.g. {@code file, format=csv, path=data/bids}
 * @param provider creates the source when a query starts
 * @param eventTime the column holding event time and the watermark delay, when declared
 */
public record ScanNode(
    String objectName,
    String description,
    Schema schema,
    SourceProvider provider,
    Optional<EventTime> eventTime)
    implements PhysicalNode {

  /** Creates the source of one running query. */
  @FunctionalInterface
  public interface SourceProvider {
    Source create(QueryConfig config);
  }

  /**
   * The event-time attribute of a source: watermark = max event time seen - delay.
   *
   * @param column the index of the TIMESTAMP column
   * @param delayMillis the declared out-of-orderness bound
   */
  public record EventTime(int column, long delayMillis) {
    /** Time is the wall clock when rows are processed: the watermark follows the clock. */
    public static final EventTime PROCESSING_TIME = new EventTime(-1, 0);

    public boolean isProcessingTime() {
      return column < 0;
    }
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of();
  }

  @Override
  public boolean changelog() {
    return false;
  }

  @Override
  public String explain() {
    return "Scan(" + objectName + (description.isEmpty() ? "" : ": " + description) + ")";
  }

  @Override
  public PhysicalNode withInputs(List<PhysicalNode> newInputs) {
    if (!newInputs.isEmpty()) {
      throw new IllegalArgumentException("a scan has no inputs");
    }
    return this;
  }
}
