package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.connector.Durations;
import io.rivulet.runtime.operator.BinaryOperator;
import io.rivulet.runtime.operator.BinaryOperatorFactory;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.type.Schema;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The plan of a regular stream–stream join on equality keys, without a time bound: every row of
 * either side is kept, so that any later row of the other side can still meet it.
 *
 * <p>Both inputs may be changelogs ({@code +I}/{@code +U} add a row, {@code -U}/{@code -D} take one
 * copy of it away), and the output is always a changelog of {@code +I} and {@code -D} rows whose
 * final state is the join of the rows each side holds at that point (see {@link HashJoinOperator}).
 * All join types are supported; the planner is expected to use INNER, LEFT, RIGHT and FULL here,
 * SEMI and ANTI mostly over bounded inputs.
 *
 * <p>Its state grows with the number of distinct rows of both inputs, without bound on unbounded
 * inputs, unless a state time-to-live is set: a row neither added nor retracted for that long (by
 * the clock) is then forgotten at the end of a micro-batch, with no output. That bounds the state
 * but can lose matches: a row of the other side arriving later no longer finds it, and a retraction
 * of it is ignored, exactly as with Flink's {@code table.exec.state.ttl}.
 */
public final class HashJoinFactory implements BinaryOperatorFactory {
  private final Schema leftSchema;
  private final int[] leftKeys;
  private final Schema rightSchema;
  private final int[] rightKeys;
  private final JoinType joinType;
  private final Schema outputSchema;
  private final Duration stateTtl;
  private final Clock clock;

  /**
   * @param leftSchema the columns of the left input
   * @param leftKeys the left key columns, compared with {@code rightKeys} pairwise
   * @param rightSchema the columns of the right input
   * @param rightKeys the right key columns, as many as {@code leftKeys}
   * @param joinType which rows the join keeps
   * @param outputSchema the columns {@code joinType} produces (see {@link JoinType#outputSchema})
   * @param stateTtl how long a row untouched stays in the state; {@link Duration#ZERO} for ever
   * @param clock the clock that ages rows for the time-to-live
   * @throws IllegalArgumentException when the columns do not line up or the time-to-live is
   *     negative
   */
  public HashJoinFactory(
      Schema leftSchema,
      int[] leftKeys,
      Schema rightSchema,
      int[] rightKeys,
      JoinType joinType,
      Schema outputSchema,
      Duration stateTtl,
      Clock clock) {
    this.leftSchema = Objects.requireNonNull(leftSchema, "leftSchema");
    this.leftKeys = leftKeys.clone();
    this.rightSchema = Objects.requireNonNull(rightSchema, "rightSchema");
    this.rightKeys = rightKeys.clone();
    this.joinType = Objects.requireNonNull(joinType, "joinType");
    this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema");
    this.stateTtl = Objects.requireNonNull(stateTtl, "stateTtl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (stateTtl.isNegative()) {
      throw new IllegalArgumentException("the state time-to-live must not be negative");
    }
    JoinColumns.checkKeys(leftSchema, leftKeys, "left", rightSchema, rightKeys, "right");
    JoinColumns.checkOutput(joinType, leftSchema, rightSchema, outputSchema);
  }

  public Schema leftSchema() {
    return leftSchema;
  }

  public int[] leftKeys() {
    return leftKeys.clone();
  }

  public Schema rightSchema() {
    return rightSchema;
  }

  public int[] rightKeys() {
    return rightKeys.clone();
  }

  public JoinType joinType() {
    return joinType;
  }

  public Schema outputSchema() {
    return outputSchema;
  }

  /** How long an untouched row stays in the state; zero for ever. */
  public Duration stateTtl() {
    return stateTtl;
  }

  Clock clock() {
    return clock;
  }

  /** Whether the state grows without bound on unbounded inputs: when no time-to-live is set. */
  public boolean unboundedState() {
    return stateTtl.isZero();
  }

  @Override
  public BinaryOperator create(OperatorContext context) {
    return new HashJoinOperator(this);
  }

  /**
   * For example {@code HashJoin(type=LEFT, keys=[user_id = id], state=unbounded)}, or {@code
   * state=ttl 1 h} when a time-to-live bounds it.
   */
  @Override
  public String explain() {
    return "HashJoin(type="
        + joinType
        + ", keys="
        + JoinColumns.explainKeys(leftSchema, leftKeys, rightSchema, rightKeys)
        + ", state="
        + (stateTtl.isZero() ? "unbounded" : "ttl " + Durations.format(stateTtl))
        + ")";
  }

  @Override
  public String toString() {
    return explain();
  }
}
