package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plan of an updating (non-windowed) group aggregate: groups its input by key columns and
 * emits, every micro-batch, a changelog of the groups whose aggregates changed.
 *
 * <p>The output has the group key columns, in order, then one column per aggregate call. It is a
 * changelog ({@code +I}, {@code -U}/{@code +U}, {@code -D}) whatever the input is; the input may
 * itself be a changelog, in which case MIN and MAX keep every value so that they can retract.
 */
public final class GroupAggregateFactory implements OperatorFactory {
  private final Schema inputSchema;
  private final int[] groupKeys;
  private final List<AggregateCall> calls;
  private final Schema outputSchema;
  private final boolean inputIsChangelog;

  /**
   * @param inputSchema the columns of the input
   * @param groupKeys the input columns to group by, in output order; empty for a global aggregate
   * @param calls the aggregates to compute per group
   * @param outputSchema the group key columns followed by one column per call
   * @param inputIsChangelog whether input rows may retract ({@code -U}, {@code -D})
   * @throws IllegalArgumentException when the columns do not line up
   */
  public GroupAggregateFactory(
      Schema inputSchema,
      int[] groupKeys,
      List<AggregateCall> calls,
      Schema outputSchema,
      boolean inputIsChangelog) {
    this.inputSchema = Objects.requireNonNull(inputSchema, "inputSchema");
    this.groupKeys = groupKeys.clone();
    this.calls = List.copyOf(calls);
    this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema");
    this.inputIsChangelog = inputIsChangelog;
    validate();
  }

  private void validate() {
    int expectedColumns = groupKeys.length + calls.size();
    if (outputSchema.size() != expectedColumns) {
      throw new IllegalArgumentException(
          "output schema "
              + outputSchema
              + " should have "
              + groupKeys.length
              + " group key column(s) and "
              + calls.size()
              + " aggregate column(s)");
    }
    for (int i = 0; i < groupKeys.length; i++) {
      checkInputColumn(groupKeys[i], "group key");
      if (inputSchema.type(groupKeys[i]) != outputSchema.type(i)) {
        throw new IllegalArgumentException(
            "group key "
                + inputSchema.field(groupKeys[i]).name()
                + " is "
                + inputSchema.type(groupKeys[i])
                + " but output column "
                + outputSchema.field(i).name()
                + " is "
                + outputSchema.type(i));
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      calls.get(i).check(inputSchema, outputSchema.type(groupKeys.length + i), inputIsChangelog);
    }
  }

  private void checkInputColumn(int index, String what) {
    if (index < 0 || index >= inputSchema.size()) {
      throw new IllegalArgumentException(
          what + " refers to column " + index + " of input " + inputSchema);
    }
  }

  /** The type of the input column {@code call} reads, or null for {@code COUNT(*)}. */
  DataType argumentType(AggregateCall call) {
    return call.argumentType(inputSchema);
  }

  public Schema inputSchema() {
    return inputSchema;
  }

  /** The input columns grouped by, in output order. */
  public int[] groupKeys() {
    return groupKeys.clone();
  }

  public List<AggregateCall> calls() {
    return calls;
  }

  public Schema outputSchema() {
    return outputSchema;
  }

  public boolean inputIsChangelog() {
    return inputIsChangelog;
  }

  int groupKeyCount() {
    return groupKeys.length;
  }

  int groupKey(int index) {
    return groupKeys[index];
  }

  @Override
  public Operator create(OperatorContext context) {
    return new GroupAggregateOperator(this);
  }

  @Override
  public boolean stateful() {
    return true;
  }

  /**
   * For example {@code GroupAggregate(keys=[word], aggregates=[COUNT(*) AS c, SUM(price) AS
   * total], emit=changelog)}.
   */
  @Override
  public String explain() {
    List<String> inputNames = inputSchema.names();
    List<String> keyNames = new ArrayList<>(groupKeys.length);
    for (int key : groupKeys) {
      keyNames.add(inputNames.get(key));
    }
    List<String> aggregates = new ArrayList<>(calls.size());
    for (AggregateCall call : calls) {
      aggregates.add(call.explain(inputNames) + " AS " + call.name());
    }
    return "GroupAggregate(keys="
        + keyNames
        + ", aggregates="
        + aggregates
        + ", emit=changelog)";
  }

  @Override
  public String toString() {
    return explain();
  }
}
