package io.rivulet.runtime.operator.window;

import static io.rivulet.runtime.operator.window.WindowTesting.changesOf;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.BOOLEAN;
import static io.rivulet.runtime.type.DataType.DECIMAL;
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.operator.aggregate.AggregateKind;
import io.rivulet.runtime.operator.aggregate.GroupedAggregates;
import io.rivulet.runtime.operator.window.WindowTesting.Change;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Random streams through {@link WindowAggregateOperator} and through {@link
 * ReferenceWindowAggregateOperator}, the implementation it replaced: every emitted batch must be
 * the same, row for row, in kind, values (a decimal's scale, a double's sign of zero) and order,
 * and so must late row counts and failures. Key and aggregate types, windows, emit modes, batches
 * and lateness are all drawn at random, with values chosen to collide: nulls, {@code 1.0} beside
 * {@code 1.00}, {@code -0.0} beside {@code 0.0}, NaN.
 */
class WindowAggregateDifferentialTest {
  private static final DataType[] KEY_TYPES = {BIGINT, INTEGER, VARCHAR, DECIMAL, DOUBLE, BOOLEAN};

  /** Value columns after the keys and the time: v BIGINT, i INTEGER, d DOUBLE, s VARCHAR, m DECIMAL. */
  private static final DataType[] VALUE_TYPES = {BIGINT, INTEGER, DOUBLE, VARCHAR, DECIMAL};

  @Test
  void randomStreamsGiveTheRowsOfTheReferenceImplementation() {
    for (int seed = 0; seed < 1_500; seed++) {
      Random random = new Random(seed);
      runCase(random, "seed " + seed);
    }
  }

  @Test
  void thousandsOfKeysComingAndGoingOverALongRunGiveTheRowsOfTheReferenceImplementation() {
    Schema input =
        new Schema(
            List.of(
                Field.of("k", BIGINT), Field.of("ts", TIMESTAMP), Field.of("s", VARCHAR)));
    List<AggregateCall> calls =
        List.of(
            AggregateCall.countStar("n"),
            AggregateCall.of(AggregateKind.MAX, 2, VARCHAR, "max_s"));
    WindowSpec[] windows = {
      new WindowSpec.Session(50), WindowSpec.Tumble.of(40), WindowSpec.Hop.of(20, 60)
    };
    for (WindowSpec window : windows) {
      WindowAggregateFactory plan =
          new WindowAggregateFactory(
              input, 1, window, new int[] {0}, calls,
              WindowAggregateFactory.outputSchemaOf(input, new int[] {0}, calls),
              EmitMode.ON_CLOSE, LatePolicy.DROP);
      Operator actual = plan.create(new OperatorContext("q", 0, 1));
      Operator expected = new ReferenceWindowAggregateOperator(plan);
      Random random = new Random(11);
      long peak = 0;
      for (int batch = 0; batch < 300; batch++) {
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 100; r++) {
          // Keys drift upward, so that each is seen for a while and then never again.
          long key = batch * 20L + random.nextInt(200);
          long time = batch * 10L + random.nextInt(10);
          rows.add(new Object[] {key, time, "v" + random.nextInt(5)});
        }
        Batch input1 = Batch.ofRows(input, rows);
        assertThat(failureOf(actual, input1)).isNull();
        assertThat(failureOf(expected, input1)).isNull();
        long watermark = batch * 10L - 5;
        assertThat(outputOf(out -> actual.endBatch(watermark, out)))
            .as("%s, batch %d", window.explain(), batch)
            .isEqualTo(outputOf(out -> expected.endBatch(watermark, out)));
        peak = Math.max(peak, actual.stateSize());
      }
      assertThat(peak).as("%s: state held at most", window.explain()).isLessThan(5_000);
      assertThat(outputOf(actual::finish)).isEqualTo(outputOf(expected::finish));
      assertThat(actual.stateSize()).isZero();
    }
  }

  private static void runCase(Random random, String name) {
    int keyCount = random.nextInt(3);
    List<Field> fields = new ArrayList<>();
    DataType[] keyTypes = new DataType[keyCount];
    for (int k = 0; k < keyCount; k++) {
      keyTypes[k] = random.nextInt(2) == 0 ? BIGINT : KEY_TYPES[random.nextInt(KEY_TYPES.length)];
      fields.add(Field.of("k" + k, keyTypes[k]));
    }
    int time = keyCount;
    fields.add(Field.of("ts", TIMESTAMP));
    String[] valueNames = {"v", "i", "d", "s", "m"};
    for (int c = 0; c < VALUE_TYPES.length; c++) {
      fields.add(Field.of(valueNames[c], VALUE_TYPES[c]));
    }
    Schema input = new Schema(fields);
    int[] keys = new int[keyCount];
    for (int k = 0; k < keyCount; k++) {
      keys[k] = k;
    }
    List<AggregateCall> calls = randomCalls(random, time + 1, input);
    WindowSpec window = randomWindow(random);
    EmitMode emit = random.nextBoolean() ? EmitMode.ON_CLOSE : EmitMode.EVERY_BATCH;
    LatePolicy late = random.nextInt(8) == 0 ? LatePolicy.FAIL : LatePolicy.DROP;
    WindowAggregateFactory plan =
        new WindowAggregateFactory(
            input,
            time,
            window,
            keys,
            calls,
            WindowAggregateFactory.outputSchemaOf(input, keys, calls),
            emit,
            late);
    String description =
        name + ": " + plan.explain() + (GroupedAggregates.mergeExactly(calls, input) ? "" : " *");
    Operator actual = plan.create(new OperatorContext("q", 0, 1));
    Operator expected = new ReferenceWindowAggregateOperator(plan);
    boolean sameStateSize = !(window instanceof WindowSpec.Hop && emit == EmitMode.ON_CLOSE);

    List<Object[]> rows = randomRows(random, keyTypes, 1 + random.nextInt(120));
    long delay = random.nextInt(25);
    long watermark = Long.MIN_VALUE;
    long maximumTime = Long.MIN_VALUE;
    int position = 0;
    while (position < rows.size()) {
      int end = Math.min(rows.size(), position + 1 + random.nextInt(15));
      List<Object[]> batchRows = rows.subList(position, end);
      for (Object[] row : batchRows) {
        if (row[time] != null) {
          maximumTime = Math.max(maximumTime, (Long) row[time]);
        }
      }
      position = end;
      Batch batch = Batch.ofRows(input, batchRows);
      String failure = failureOf(expected, batch);
      assertThat(failureOf(actual, batch)).as("%s: failure", description).isEqualTo(failure);
      if (failure != null) {
        return;
      }
      if (maximumTime != Long.MIN_VALUE && random.nextInt(4) != 0) {
        watermark = Math.max(watermark, maximumTime - delay);
      }
      long batchWatermark = watermark;
      assertThat(outputOf(out -> actual.endBatch(batchWatermark, out)))
          .as("%s: batch ending at watermark %d", description, batchWatermark)
          .isEqualTo(outputOf(out -> expected.endBatch(batchWatermark, out)));
      assertThat(actual.lateRows()).as("%s: late rows", description).isEqualTo(expected.lateRows());
      if (sameStateSize) {
        assertThat(actual.stateSize()).as("%s: state", description).isEqualTo(expected.stateSize());
      }
    }
    if (random.nextBoolean()) {
      assertThat(outputOf(out -> actual.endBatch(Long.MAX_VALUE, out)))
          .as("%s: end of time", description)
          .isEqualTo(outputOf(out -> expected.endBatch(Long.MAX_VALUE, out)));
    }
    assertThat(outputOf(actual::finish))
        .as("%s: finish", description)
        .isEqualTo(outputOf(expected::finish));
    assertThat(actual.stateSize()).as("%s: state at the end", description).isZero();
    actual.close();
  }

  private static String failureOf(Operator operator, Batch batch) {
    List<Batch> output = new ArrayList<>();
    try {
      operator.process(batch, output::add);
    } catch (RivuletException e) {
      return e.getMessage();
    }
    assertThat(output).as("output during process").isEmpty();
    return null;
  }

  private static List<List<Change>> outputOf(Consumer<Collector> call) {
    List<List<Change>> batches = new ArrayList<>();
    call.accept(batch -> batches.add(changesOf(batch)));
    return batches;
  }

  private static List<AggregateCall> randomCalls(Random random, int firstValue, Schema input) {
    int v = firstValue;
    int i = firstValue + 1;
    int d = firstValue + 2;
    int s = firstValue + 3;
    int m = firstValue + 4;
    List<AggregateCall> exact =
        List.of(
            AggregateCall.countStar("n"),
            AggregateCall.of(AggregateKind.COUNT, s, BIGINT, "count_s"),
            AggregateCall.of(AggregateKind.COUNT, d, BIGINT, "count_d"),
            AggregateCall.of(AggregateKind.SUM, v, BIGINT, "sum_v"),
            AggregateCall.of(AggregateKind.SUM, i, INTEGER, "sum_i"),
            AggregateCall.of(AggregateKind.AVG, v, BIGINT, "avg_v"),
            AggregateCall.of(AggregateKind.MIN, v, BIGINT, "min_v"),
            AggregateCall.of(AggregateKind.MAX, i, INTEGER, "max_i"),
            AggregateCall.of(AggregateKind.MAX, d, DOUBLE, "max_d"),
            AggregateCall.of(AggregateKind.MIN, d, DOUBLE, "min_d"),
            AggregateCall.of(AggregateKind.MIN, s, VARCHAR, "min_s"),
            AggregateCall.of(AggregateKind.MAX, s, VARCHAR, "max_s"));
    List<AggregateCall> inexact =
        List.of(
            AggregateCall.of(AggregateKind.SUM, d, DOUBLE, "sum_d"),
            AggregateCall.of(AggregateKind.AVG, d, DOUBLE, "avg_d"),
            AggregateCall.of(AggregateKind.SUM, v, DOUBLE, "sum_v_double"),
            AggregateCall.of(AggregateKind.SUM, m, DECIMAL, "sum_m"),
            AggregateCall.of(AggregateKind.AVG, m, DECIMAL, "avg_m"),
            AggregateCall.of(AggregateKind.MAX, m, DECIMAL, "max_m"),
            new AggregateCall(AggregateKind.COUNT, v, true, BIGINT, "distinct_v"),
            new AggregateCall(AggregateKind.SUM, m, true, DECIMAL, "distinct_m"));
    List<AggregateCall> calls = new ArrayList<>();
    boolean onlyExact = random.nextBoolean();
    int count = 1 + random.nextInt(4);
    for (int c = 0; c < count; c++) {
      AggregateCall call =
          onlyExact || random.nextBoolean()
              ? exact.get(random.nextInt(exact.size()))
              : inexact.get(random.nextInt(inexact.size()));
      calls.add(
          new AggregateCall(call.kind(), call.argument(), call.distinct(), call.resultType(), call.name() + c));
    }
    return calls;
  }

  private static WindowSpec randomWindow(Random random) {
    long offset = random.nextBoolean() ? 0 : random.nextInt(41) - 20;
    return switch (random.nextInt(4)) {
      case 0 -> new WindowSpec.Tumble(1 + random.nextInt(30), offset);
      case 1 -> new WindowSpec.Session(1 + random.nextInt(25));
      default -> {
        long slide = 1 + random.nextInt(15);
        long size = random.nextBoolean() ? slide * (1 + random.nextInt(5)) : 1 + random.nextInt(40);
        yield new WindowSpec.Hop(slide, size, offset);
      }
    };
  }

  private static List<Object[]> randomRows(Random random, DataType[] keyTypes, int count) {
    List<Object[]> rows = new ArrayList<>(count);
    long maximumTime = -100 + random.nextInt(100);
    int keyDomain = 1 + random.nextInt(6);
    for (int r = 0; r < count; r++) {
      Object[] row = new Object[keyTypes.length + 1 + VALUE_TYPES.length];
      for (int k = 0; k < keyTypes.length; k++) {
        row[k] = randomValue(random, keyTypes[k], keyDomain);
      }
      long time = maximumTime + random.nextInt(10) - random.nextInt(20);
      if (random.nextInt(6) == 0) {
        time -= random.nextInt(50); // late for some windows, or for all of them
      }
      maximumTime = Math.max(maximumTime, time);
      row[keyTypes.length] = random.nextInt(30) == 0 ? null : time;
      for (int c = 0; c < VALUE_TYPES.length; c++) {
        row[keyTypes.length + 1 + c] = randomValue(random, VALUE_TYPES[c], 7);
      }
      rows.add(row);
    }
    return rows;
  }

  private static Object randomValue(Random random, DataType type, int domain) {
    if (random.nextInt(7) == 0) {
      return null;
    }
    int n = random.nextInt(domain) - domain / 2;
    return switch (type) {
      case BIGINT -> (long) n;
      case INTEGER -> n;
      case BOOLEAN -> n % 2 == 0;
      case VARCHAR -> new String("w" + n);
      case DECIMAL -> random.nextBoolean() ? BigDecimal.valueOf(n) : new BigDecimal(n + ".00");
      case DOUBLE -> {
        int pick = random.nextInt(12);
        yield pick == 0 ? -0.0d : pick == 1 ? Double.NaN : pick == 2 ? 0.1 * n : n / 4.0;
      }
      default -> throw new IllegalArgumentException(type.toString());
    };
  }
}
