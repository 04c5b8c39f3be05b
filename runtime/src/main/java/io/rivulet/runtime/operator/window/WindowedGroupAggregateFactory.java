package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.operator.aggregate.Accumulator;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An aggregate over rows that already carry their window (e.g. the output of a windowed aggregate,
 * grouped again by window_start and window_end, as in Nexmark q5): groups are keyed by the
 * window columns among the others, and each group emits one append-only row once the watermark
 * reaches its window_end, then is dropped.
 *
 * @param groupKeys the input columns grouped by, window_start and window_end among them
 * @param windowEndColumn the input column holding window_end
 * @param outputSchema the group key columns in order, then one column per call
 */
public record WindowedGroupAggregateFactory(
    Schema inputSchema, int[] groupKeys, int windowEndColumn, List<AggregateCall> calls, Schema outputSchema)
    implements OperatorFactory {

  public WindowedGroupAggregateFactory {
    groupKeys = groupKeys.clone();
    calls = List.copyOf(calls);
  }

  @Override
  public int[] groupKeys() {
    return groupKeys.clone();
  }

  @Override
  public Operator create(OperatorContext context) {
    return new WindowedGroupAggregateOperator();
  }

  @Override
  public boolean stateful() {
    return true;
  }

  @Override
  public String explain() {
    String keys = Arrays.stream(groupKeys).mapToObj(k -> inputSchema.field(k).name())
        .collect(Collectors.joining(", "));
    List<String> names = inputSchema.names();
    String aggregates = calls.stream().map(c -> c.explain(names) + " AS " + c.name())
        .collect(Collectors.joining(", "));
    return "WindowedGroupAggregate(keys=[" + keys + "], aggregates=[" + aggregates + "], emit at "
        + inputSchema.field(windowEndColumn).name() + ")";
  }

  /** The state of one group: its key values, its window end and its accumulators. */
  private record Group(Object[] key, long windowEnd, Accumulator[] accumulators) {}

  private final class WindowedGroupAggregateOperator implements Operator {
    private final Map<List<Object>, Group> groups = new LinkedHashMap<>();
    private long watermark = Long.MIN_VALUE;
    private long lateRows;

    @Override
    public void process(Batch batch, Collector out) {
      LongVector ends = (LongVector) batch.column(windowEndColumn);
      for (int r = 0; r < batch.rowCount(); r++) {
        if (ends.isNull(r)) {
          continue;
        }
        long end = ends.getLong(r);
        if (end <= watermark) {
          lateRows++;
          continue;
        }
        Object[] key = new Object[groupKeys.length];
        for (int k = 0; k < key.length; k++) {
          key[k] = batch.get(r, groupKeys[k]);
        }
        Group group = groups.computeIfAbsent(Arrays.asList(key), k -> newGroup(key, end));
        boolean accumulate = batch.kind(r).isAccumulate();
        for (int c = 0; c < calls.size(); c++) {
          int argument = calls.get(c).argument();
          Object value = argument < 0 ? Boolean.TRUE : batch.get(r, argument);
          if (accumulate) {
            group.accumulators()[c].accumulate(value);
          } else {
            group.accumulators()[c].retract(value);
          }
        }
      }
    }

    private Group newGroup(Object[] key, long end) {
      Accumulator[] accumulators = new Accumulator[calls.size()];
      for (int c = 0; c < accumulators.length; c++) {
        AggregateCall call = calls.get(c);
        accumulators[c] = Accumulator.create(
            call, call.argument() < 0 ? null : inputSchema.type(call.argument()), true);
      }
      return new Group(key, end, accumulators);
    }

    @Override
    public void endBatch(long newWatermark, Collector out) {
      watermark = Math.max(watermark, newWatermark);
      BatchBuilder builder = new BatchBuilder(outputSchema, 16);
      List<Group> closed = new ArrayList<>();
      for (Iterator<Group> it = groups.values().iterator(); it.hasNext(); ) {
        Group group = it.next();
        if (group.windowEnd() <= watermark) {
          closed.add(group);
          it.remove();
        }
      }
      closed.sort((a, b) -> Long.compare(a.windowEnd(), b.windowEnd()));
      for (Group group : closed) {
        Object[] row = new Object[outputSchema.size()];
        System.arraycopy(group.key(), 0, row, 0, group.key().length);
        for (int c = 0; c < calls.size(); c++) {
          row[group.key().length + c] = group.accumulators()[c].result();
        }
        builder.appendRow(row);
      }
      if (builder.rowCount() > 0) {
        out.collect(builder.build());
      }
    }

    @Override
    public void finish(Collector out) {
      endBatch(Long.MAX_VALUE, out);
    }

    @Override
    public long stateSize() {
      return groups.size();
    }

    @Override
    public long lateRows() {
      return lateRows;
    }
  }
}
