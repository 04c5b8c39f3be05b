package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.operator.aggregate.Accumulator;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plan of an event-time window aggregate: groups an append-only input by key columns and by
 * the TUMBLE, HOP or SESSION windows of a time column, and emits each window's aggregates when the
 * watermark closes it.
 *
 * <p>The output has the group key columns, in order, then {@code window_start} and {@code
 * window_end} (TIMESTAMP, epoch milliseconds, the window being {@code [window_start,
 * window_end)}), then one column per aggregate call. With {@link EmitMode#ON_CLOSE} it is an
 * append stream of {@code +I} rows; with {@link EmitMode#EVERY_BATCH} a changelog.
 */
public final class WindowAggregateFactory implements OperatorFactory {
  private final Schema inputSchema;
  private final int timeColumn;
  private final WindowSpec window;
  private final int[] groupKeys;
  private final List<AggregateCall> calls;
  private final Schema outputSchema;
  private final EmitMode emit;
  private final LatePolicy latePolicy;

  /**
   * @param inputSchema the columns of the input, an append-only stream
   * @param timeColumn the TIMESTAMP input column whose event time places rows in windows
   * @param window the kind and dimensions of the windows
   * @param groupKeys the input columns to group by besides the window, in output order
   * @param calls the aggregates to compute per key and window
   * @param outputSchema the key columns, {@code window_start}, {@code window_end}, then one column
   *     per call (see {@link #outputSchemaOf})
   * @param emit when to emit a window's result
   * @param latePolicy what to do with a row whose windows have all closed
   * @throws IllegalArgumentException when the columns do not line up
   */
  public WindowAggregateFactory(
      Schema inputSchema,
      int timeColumn,
      WindowSpec window,
      int[] groupKeys,
      List<AggregateCall> calls,
      Schema outputSchema,
      EmitMode emit,
      LatePolicy latePolicy) {
    this.inputSchema = Objects.requireNonNull(inputSchema, "inputSchema");
    this.timeColumn = timeColumn;
    this.window = Objects.requireNonNull(window, "window");
    this.groupKeys = groupKeys.clone();
    this.calls = List.copyOf(calls);
    this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema");
    this.emit = Objects.requireNonNull(emit, "emit");
    this.latePolicy = Objects.requireNonNull(latePolicy, "latePolicy");
    validate();
  }

  /**
   * The output schema a planner would give by default: the key columns as in the input, then
   * {@code window_start} and {@code window_end} as non-null {@code TIMESTAMP(3)}, then one
   * nullable column per call named after it.
   */
  public static Schema outputSchemaOf(
      Schema inputSchema, int[] groupKeys, List<AggregateCall> calls) {
    List<Field> fields = new ArrayList<>(inputSchema.project(groupKeys).fields());
    fields.add(new Field("window_start", DataType.TIMESTAMP, false, "TIMESTAMP(3)"));
    fields.add(new Field("window_end", DataType.TIMESTAMP, false, "TIMESTAMP(3)"));
    for (AggregateCall call : calls) {
      fields.add(Field.of(call.name(), call.resultType()));
    }
    return new Schema(fields);
  }

  private void validate() {
    checkInputColumn(timeColumn, "the window's time column");
    if (inputSchema.type(timeColumn) != DataType.TIMESTAMP) {
      throw new IllegalArgumentException(
          "window time column "
              + inputSchema.field(timeColumn).name()
              + " is "
              + inputSchema.type(timeColumn)
              + "; windows need a TIMESTAMP column");
    }
    int expectedColumns = groupKeys.length + 2 + calls.size();
    if (outputSchema.size() != expectedColumns) {
      throw new IllegalArgumentException(
          "output schema "
              + outputSchema
              + " should have "
              + groupKeys.length
              + " group key column(s), window_start, window_end and "
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
    for (int i = groupKeys.length; i < groupKeys.length + 2; i++) {
      if (outputSchema.type(i) != DataType.TIMESTAMP) {
        throw new IllegalArgumentException(
            "output column "
                + outputSchema.field(i).name()
                + " holds the window "
                + (i == groupKeys.length ? "start" : "end")
                + " and must be TIMESTAMP, not "
                + outputSchema.type(i));
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      calls.get(i).check(inputSchema, outputSchema.type(groupKeys.length + 2 + i), false);
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

  /** The input column holding each row's event time. */
  public int timeColumn() {
    return timeColumn;
  }

  public WindowSpec window() {
    return window;
  }

  /** The input columns grouped by besides the window, in output order. */
  public int[] groupKeys() {
    return groupKeys.clone();
  }

  public List<AggregateCall> calls() {
    return calls;
  }

  public Schema outputSchema() {
    return outputSchema;
  }

  public EmitMode emit() {
    return emit;
  }

  public LatePolicy latePolicy() {
    return latePolicy;
  }

  @Override
  public Operator create(OperatorContext context) {
    return new WindowAggregateOperator(this);
  }

  @Override
  public boolean stateful() {
    return true;
  }

  /**
   * For example {@code WindowAggregate(window=HOP(slide=2 s, size=10 s) on date_time,
   * keys=[auction], aggregates=[COUNT(*) AS bids], emit=on-close)}; {@code late=fail} is added
   * when late rows fail the query rather than being dropped.
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
    return "WindowAggregate(window="
        + window.explain()
        + " on "
        + inputNames.get(timeColumn)
        + ", keys="
        + keyNames
        + ", aggregates="
        + aggregates
        + ", emit="
        + emit.settingValue()
        + (latePolicy == LatePolicy.DROP ? "" : ", late=" + latePolicy.settingValue())
        + ")";
  }

  @Override
  public String toString() {
    return explain();
  }
}
