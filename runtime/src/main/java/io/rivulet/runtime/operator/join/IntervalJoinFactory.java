package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.connector.Durations;
import io.rivulet.runtime.operator.BinaryOperator;
import io.rivulet.runtime.operator.BinaryOperatorFactory;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.type.Schema;
import java.time.Duration;
import java.util.Objects;

/**
 * The plan of an event-time interval join: joins two append-only streams on equality keys and
 * {@code left.time BETWEEN right.time - lower AND right.time + upper}, both bounds inclusive.
 *
 * <p>Put the other way round, a left row at {@code t} meets the right rows whose time lies in
 * {@code [t - upper, t + lower]}, and a right row at {@code t} the left rows in {@code [t - lower,
 * t + upper]}. Either bound may be negative as long as the interval is not empty ({@code lower +
 * upper >= 0}): {@code a.ts BETWEEN b.ts + INTERVAL '1' MINUTE AND b.ts + INTERVAL '10' MINUTE} has
 * {@code lower = -1 min} and {@code upper = 10 min}.
 *
 * <p>Output is append-only: matches as soon as both rows have arrived; unmatched rows of an outer
 * side, padded with nulls, once the watermark shows that no match can come any more; and the state
 * is purged by the watermark, so it stays bounded by the rate of the inputs times the interval and
 * the watermark delay (see {@link IntervalJoinOperator}). All join types are supported: SEMI emits
 * a left row at its first match, ANTI when the watermark passes it unmatched.
 */
public final class IntervalJoinFactory implements BinaryOperatorFactory {
  private final Schema leftSchema;
  private final int[] leftKeys;
  private final int leftTimeColumn;
  private final Schema rightSchema;
  private final int[] rightKeys;
  private final int rightTimeColumn;
  private final long lowerMillis;
  private final long upperMillis;
  private final JoinType joinType;
  private final Schema outputSchema;

  /**
   * @param leftSchema the columns of the left input, an append-only stream
   * @param leftKeys the left key columns, compared with {@code rightKeys} pairwise; may be empty
   * @param leftTimeColumn the left TIMESTAMP column holding each row's event time
   * @param rightSchema the columns of the right input, an append-only stream
   * @param rightKeys the right key columns, as many as {@code leftKeys}
   * @param rightTimeColumn the right TIMESTAMP column holding each row's event time
   * @param lowerMillis how far the left time may lie before the right time
   * @param upperMillis how far the left time may lie after the right time
   * @param joinType which rows the join keeps
   * @param outputSchema the columns {@code joinType} produces (see {@link JoinType#outputSchema})
   * @throws IllegalArgumentException when the columns do not line up or the interval is empty
   */
  public IntervalJoinFactory(
      Schema leftSchema,
      int[] leftKeys,
      int leftTimeColumn,
      Schema rightSchema,
      int[] rightKeys,
      int rightTimeColumn,
      long lowerMillis,
      long upperMillis,
      JoinType joinType,
      Schema outputSchema) {
    this.leftSchema = Objects.requireNonNull(leftSchema, "leftSchema");
    this.leftKeys = leftKeys.clone();
    this.leftTimeColumn = leftTimeColumn;
    this.rightSchema = Objects.requireNonNull(rightSchema, "rightSchema");
    this.rightKeys = rightKeys.clone();
    this.rightTimeColumn = rightTimeColumn;
    this.lowerMillis = lowerMillis;
    this.upperMillis = upperMillis;
    this.joinType = Objects.requireNonNull(joinType, "joinType");
    this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema");
    JoinColumns.checkKeys(leftSchema, leftKeys, "left", rightSchema, rightKeys, "right");
    JoinColumns.checkTimestamp(leftSchema, leftTimeColumn, "left time column");
    JoinColumns.checkTimestamp(rightSchema, rightTimeColumn, "right time column");
    JoinColumns.checkOutput(joinType, leftSchema, rightSchema, outputSchema);
    if (isEmpty(lowerMillis, upperMillis)) {
      throw new IllegalArgumentException(
          "the interval of "
              + timeCondition()
              + " is empty, so the join could never match; put the smaller bound first");
    }
  }

  /** Whether {@code lower + upper < 0}, computed without overflow. */
  private static boolean isEmpty(long lower, long upper) {
    if (lower < 0 && upper < 0) {
      return true;
    }
    // One at least is not negative, so their sum cannot overflow.
    return lower + upper < 0;
  }

  public Schema leftSchema() {
    return leftSchema;
  }

  public int[] leftKeys() {
    return leftKeys.clone();
  }

  public int leftTimeColumn() {
    return leftTimeColumn;
  }

  public Schema rightSchema() {
    return rightSchema;
  }

  public int[] rightKeys() {
    return rightKeys.clone();
  }

  public int rightTimeColumn() {
    return rightTimeColumn;
  }

  /** How far the left time may lie before the right time, in milliseconds. */
  public long lowerMillis() {
    return lowerMillis;
  }

  /** How far the left time may lie after the right time, in milliseconds. */
  public long upperMillis() {
    return upperMillis;
  }

  public JoinType joinType() {
    return joinType;
  }

  public Schema outputSchema() {
    return outputSchema;
  }

  @Override
  public BinaryOperator create(OperatorContext context) {
    return new IntervalJoinOperator(this);
  }

  /**
   * For example {@code IntervalJoin(type=LEFT, keys=[ad_id = ad_id], time=click_time BETWEEN
   * shown_at - 0 ms AND shown_at + 10 min)}.
   */
  @Override
  public String explain() {
    return "IntervalJoin(type="
        + joinType
        + ", keys="
        + JoinColumns.explainKeys(leftSchema, leftKeys, rightSchema, rightKeys)
        + ", time="
        + timeCondition()
        + ")";
  }

  private String timeCondition() {
    String right = rightSchema.field(rightTimeColumn).name();
    return leftSchema.field(leftTimeColumn).name()
        + " BETWEEN "
        + right
        + (lowerMillis >= 0 ? " - " : " + ")
        + Durations.format(Duration.ofMillis(Math.abs(lowerMillis)))
        + " AND "
        + right
        + (upperMillis >= 0 ? " + " : " - ")
        + Durations.format(Duration.ofMillis(Math.abs(upperMillis)));
  }

  @Override
  public String toString() {
    return explain();
  }
}
