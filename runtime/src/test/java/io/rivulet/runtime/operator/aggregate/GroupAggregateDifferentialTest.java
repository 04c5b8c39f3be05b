package io.rivulet.runtime.operator.aggregate;

import static io.rivulet.runtime.operator.aggregate.AggregateTesting.changesOf;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.BOOLEAN;
import static io.rivulet.runtime.type.DataType.DATE;
import static io.rivulet.runtime.type.DataType.DECIMAL;
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.FLOAT;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.SMALLINT;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.aggregate.AggregateTesting.Change;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random inputs through {@link GroupAggregateOperator} and through {@link
 * ReferenceGroupAggregateOperator}, the implementation it replaced: every changelog batch must be
 * the same, row for row, in kind, values and order. Inputs are inserts only or changelogs that
 * retract rows inserted before (and, now and then, rows never inserted), with colliding values:
 * nulls, {@code 1.0} beside {@code 1.00}, {@code -0.0} beside {@code 0.0}, NaN.
 */
class GroupAggregateDifferentialTest {
  private static final DataType[] KEY_TYPES = {
    BIGINT, INTEGER, DATE, VARCHAR, DECIMAL, DOUBLE, BOOLEAN
  };

  /** v BIGINT, i INTEGER, t SMALLINT, d DOUBLE, f FLOAT, s VARCHAR, m DECIMAL. */
  private static final DataType[] VALUE_TYPES = {BIGINT, INTEGER, SMALLINT, DOUBLE, FLOAT, VARCHAR, DECIMAL};

  @Test
  void randomInputsGiveTheChangelogOfTheReferenceImplementation() {
    for (int seed = 0; seed < 1_000; seed++) {
      runCase(new Random(seed), "seed " + seed);
    }
  }

  private static void runCase(Random random, String name) {
    int keyCount = random.nextInt(3);
    List<Field> fields = new ArrayList<>();
    DataType[] keyTypes = new DataType[keyCount];
    for (int k = 0; k < keyCount; k++) {
      keyTypes[k] = random.nextInt(3) == 0 ? BIGINT : KEY_TYPES[random.nextInt(KEY_TYPES.length)];
      fields.add(Field.of("k" + k, keyTypes[k]));
    }
    String[] valueNames = {"v", "i", "t", "d", "f", "s", "m"};
    for (int c = 0; c < VALUE_TYPES.length; c++) {
      fields.add(Field.of(valueNames[c], VALUE_TYPES[c]));
    }
    Schema input = new Schema(fields);
    int[] keys = new int[keyCount];
    for (int k = 0; k < keyCount; k++) {
      keys[k] = k;
    }
    boolean changelog = random.nextBoolean();
    List<AggregateCall> calls = randomCalls(random, keyCount);
    GroupAggregateFactory plan = AggregateTesting.factory(input, keys, changelog, calls);
    String description = name + ": " + plan.explain() + (changelog ? " over a changelog" : "");
    Operator actual = plan.create(new OperatorContext("q", 0, 1));
    Operator expected = new ReferenceGroupAggregateOperator(plan);

    List<Object[]> live = new ArrayList<>();
    int batches = 1 + random.nextInt(12);
    for (int b = 0; b < batches; b++) {
      BatchBuilder builder = new BatchBuilder(input, 16);
      int rows = random.nextInt(25);
      for (int r = 0; r < rows; r++) {
        if (changelog && !live.isEmpty() && random.nextInt(3) == 0) {
          Object[] retracted = live.remove(random.nextInt(live.size()));
          builder.appendRow(retracted, random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE);
        } else if (changelog && random.nextInt(20) == 0) {
          builder.appendRow(randomRow(random, keyTypes), RowKind.DELETE); // never inserted
        } else {
          Object[] row = randomRow(random, keyTypes);
          live.add(row);
          builder.appendRow(row, changelog && random.nextBoolean() ? RowKind.UPDATE_AFTER : RowKind.INSERT);
        }
      }
      Batch batch = builder.build();
      List<Batch> duringProcess = new ArrayList<>();
      actual.process(batch, duringProcess::add);
      expected.process(batch, duringProcess::add);
      assertThat(duringProcess).as("output during process").isEmpty();
      assertThat(outputOf(actual, false))
          .as("%s: batch %d", description, b)
          .isEqualTo(outputOf(expected, false));
      assertThat(actual.stateSize()).as("%s: groups", description).isEqualTo(expected.stateSize());
    }
    assertThat(outputOf(actual, true)).as("%s: finish", description).isEqualTo(outputOf(expected, true));
  }

  private static List<List<Change>> outputOf(Operator operator, boolean finish) {
    List<List<Change>> batches = new ArrayList<>();
    if (finish) {
      operator.finish(batch -> batches.add(changesOf(batch)));
    } else {
      operator.endBatch(Long.MIN_VALUE, batch -> batches.add(changesOf(batch)));
    }
    return batches;
  }

  private static List<AggregateCall> randomCalls(Random random, int keyCount) {
    int v = keyCount;
    int i = keyCount + 1;
    int t = keyCount + 2;
    int d = keyCount + 3;
    int f = keyCount + 4;
    int s = keyCount + 5;
    int m = keyCount + 6;
    List<AggregateCall> pool =
        List.of(
            AggregateCall.countStar("n"),
            AggregateCall.of(AggregateKind.COUNT, s, BIGINT, "count_s"),
            AggregateCall.of(AggregateKind.COUNT, d, INTEGER, "count_d"),
            AggregateCall.of(AggregateKind.SUM, v, BIGINT, "sum_v"),
            AggregateCall.of(AggregateKind.SUM, i, INTEGER, "sum_i"),
            AggregateCall.of(AggregateKind.SUM, t, SMALLINT, "sum_t"),
            AggregateCall.of(AggregateKind.AVG, v, BIGINT, "avg_v"),
            AggregateCall.of(AggregateKind.AVG, i, INTEGER, "avg_i"),
            AggregateCall.of(AggregateKind.MIN, v, BIGINT, "min_v"),
            AggregateCall.of(AggregateKind.MAX, i, INTEGER, "max_i"),
            AggregateCall.of(AggregateKind.MAX, d, DOUBLE, "max_d"),
            AggregateCall.of(AggregateKind.MIN, f, FLOAT, "min_f"),
            AggregateCall.of(AggregateKind.MIN, s, VARCHAR, "min_s"),
            AggregateCall.of(AggregateKind.SUM, d, DOUBLE, "sum_d"),
            AggregateCall.of(AggregateKind.SUM, f, FLOAT, "sum_f"),
            AggregateCall.of(AggregateKind.AVG, d, DOUBLE, "avg_d"),
            AggregateCall.of(AggregateKind.SUM, v, DOUBLE, "sum_v_double"),
            AggregateCall.of(AggregateKind.AVG, i, DOUBLE, "avg_i_double"),
            AggregateCall.of(AggregateKind.SUM, m, DECIMAL, "sum_m"),
            AggregateCall.of(AggregateKind.MAX, m, DECIMAL, "max_m"),
            new AggregateCall(AggregateKind.COUNT, v, true, BIGINT, "distinct_v"),
            new AggregateCall(AggregateKind.SUM, m, true, DECIMAL, "distinct_m"));
    List<AggregateCall> calls = new ArrayList<>();
    int count = 1 + random.nextInt(5);
    for (int c = 0; c < count; c++) {
      AggregateCall call = pool.get(random.nextInt(pool.size()));
      calls.add(
          new AggregateCall(
              call.kind(), call.argument(), call.distinct(), call.resultType(), call.name() + c));
    }
    return calls;
  }

  private static Object[] randomRow(Random random, DataType[] keyTypes) {
    Object[] row = new Object[keyTypes.length + VALUE_TYPES.length];
    for (int k = 0; k < keyTypes.length; k++) {
      row[k] = randomValue(random, keyTypes[k], 5);
    }
    for (int c = 0; c < VALUE_TYPES.length; c++) {
      row[keyTypes.length + c] = randomValue(random, VALUE_TYPES[c], 9);
    }
    return row;
  }

  private static Object randomValue(Random random, DataType type, int domain) {
    if (random.nextInt(7) == 0) {
      return null;
    }
    int n = random.nextInt(domain) - domain / 2;
    return switch (type) {
      case BIGINT -> random.nextInt(40) == 0 ? Long.MAX_VALUE - n : (long) n;
      case INTEGER -> random.nextInt(40) == 0 ? Integer.MAX_VALUE - n : n;
      case SMALLINT -> (short) (random.nextInt(40) == 0 ? Short.MAX_VALUE - n : n);
      case DATE -> 19_000 + n;
      case BOOLEAN -> n % 2 == 0;
      case VARCHAR -> new String("w" + n);
      case DECIMAL -> random.nextBoolean() ? BigDecimal.valueOf(n) : new BigDecimal(n + ".00");
      case DOUBLE -> {
        int pick = random.nextInt(12);
        yield pick == 0 ? -0.0d : pick == 1 ? Double.NaN : pick == 2 ? 0.1 * n : n / 4.0;
      }
      case FLOAT -> random.nextInt(10) == 0 ? -0.0f : (float) (0.3 * n);
      default -> throw new IllegalArgumentException(type.toString());
    };
  }
}
