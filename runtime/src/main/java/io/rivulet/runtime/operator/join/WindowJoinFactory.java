package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.operator.BinaryOperator;
import io.rivulet.runtime.operator.BinaryOperatorFactory;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.type.Schema;
import java.util.Objects;

/**
 * The plan of a window join: joins two append-only streams windowed by the same TUMBLE, HOP or
 * SESSION definition on {@code window_start}, {@code window_end} and equality keys.
 *
 * <p>Each input carries its window's bounds as two TIMESTAMP columns (as the window table functions
 * produce them, one row per window a row belongs to). Rows are buffered per window, and the
 * window's whole result, unmatched rows of outer sides padded with nulls included, is emitted once,
 * as {@code +I} rows, when the watermark reaches its end; its state is freed then (see {@link
 * WindowJoinOperator}). All join types are supported.
 */
public final class WindowJoinFactory implements BinaryOperatorFactory {
  private final Schema leftSchema;
  private final int[] leftKeys;
  private final int leftWindowStart;
  private final int leftWindowEnd;
  private final Schema rightSchema;
  private final int[] rightKeys;
  private final int rightWindowStart;
  private final int rightWindowEnd;
  private final JoinType joinType;
  private final Schema outputSchema;

  /**
   * @param leftSchema the columns of the left input, an append-only stream
   * @param leftKeys the left key columns besides the window bounds, compared with {@code rightKeys}
   *     pairwise; may be empty
   * @param leftWindowStart the left TIMESTAMP column holding {@code window_start}
   * @param leftWindowEnd the left TIMESTAMP column holding {@code window_end}
   * @param rightSchema the columns of the right input, an append-only stream
   * @param rightKeys the right key columns besides the window bounds, as many as {@code leftKeys}
   * @param rightWindowStart the right TIMESTAMP column holding {@code window_start}
   * @param rightWindowEnd the right TIMESTAMP column holding {@code window_end}
   * @param joinType which rows the join keeps
   * @param outputSchema the columns {@code joinType} produces (see {@link JoinType#outputSchema})
   * @throws IllegalArgumentException when the columns do not line up
   */
  public WindowJoinFactory(
      Schema leftSchema,
      int[] leftKeys,
      int leftWindowStart,
      int leftWindowEnd,
      Schema rightSchema,
      int[] rightKeys,
      int rightWindowStart,
      int rightWindowEnd,
      JoinType joinType,
      Schema outputSchema) {
    this.leftSchema = Objects.requireNonNull(leftSchema, "leftSchema");
    this.leftKeys = leftKeys.clone();
    this.leftWindowStart = leftWindowStart;
    this.leftWindowEnd = leftWindowEnd;
    this.rightSchema = Objects.requireNonNull(rightSchema, "rightSchema");
    this.rightKeys = rightKeys.clone();
    this.rightWindowStart = rightWindowStart;
    this.rightWindowEnd = rightWindowEnd;
    this.joinType = Objects.requireNonNull(joinType, "joinType");
    this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema");
    JoinColumns.checkKeys(leftSchema, leftKeys, "left", rightSchema, rightKeys, "right");
    JoinColumns.checkTimestamp(leftSchema, leftWindowStart, "left window_start column");
    JoinColumns.checkTimestamp(leftSchema, leftWindowEnd, "left window_end column");
    JoinColumns.checkTimestamp(rightSchema, rightWindowStart, "right window_start column");
    JoinColumns.checkTimestamp(rightSchema, rightWindowEnd, "right window_end column");
    JoinColumns.checkOutput(joinType, leftSchema, rightSchema, outputSchema);
  }

  public Schema leftSchema() {
    return leftSchema;
  }

  public int[] leftKeys() {
    return leftKeys.clone();
  }

  public int leftWindowStart() {
    return leftWindowStart;
  }

  public int leftWindowEnd() {
    return leftWindowEnd;
  }

  public Schema rightSchema() {
    return rightSchema;
  }

  public int[] rightKeys() {
    return rightKeys.clone();
  }

  public int rightWindowStart() {
    return rightWindowStart;
  }

  public int rightWindowEnd() {
    return rightWindowEnd;
  }

  public JoinType joinType() {
    return joinType;
  }

  public Schema outputSchema() {
    return outputSchema;
  }

  @Override
  public BinaryOperator create(OperatorContext context) {
    return new WindowJoinOperator(this);
  }

  /**
   * For example {@code WindowJoin(type=INNER, window=[window_start = window_start, window_end =
   * window_end], keys=[auction = id])}.
   */
  @Override
  public String explain() {
    return "WindowJoin(type="
        + joinType
        + ", window="
        + JoinColumns.explainKeys(
            leftSchema,
            new int[] {leftWindowStart, leftWindowEnd},
            rightSchema,
            new int[] {rightWindowStart, rightWindowEnd})
        + ", keys="
        + JoinColumns.explainKeys(leftSchema, leftKeys, rightSchema, rightKeys)
        + ")";
  }

  @Override
  public String toString() {
    return explain();
  }
}
