package io.rivulet.runtime.operator.aggregate;

import static io.rivulet.runtime.operator.aggregate.AggregateTesting.changes;
import static io.rivulet.runtime.operator.aggregate.AggregateTesting.schema;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.DECIMAL;
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.aggregate.AggregateTesting.Change;
import io.rivulet.runtime.operator.aggregate.AggregateTesting.Harness;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random inputs, cut into random micro-batches, must leave the changelog's final state equal to a
 * plain computation over all rows, whatever the cut.
 */
class GroupAggregatePropertyTest {
  private static final Schema INPUT =
      schema(
          "k", VARCHAR, "g", INTEGER, "v", BIGINT, "d", DOUBLE, "x", DECIMAL, "s", VARCHAR);
  private static final int K = 0;
  private static final int G = 1;
  private static final int V = 2;
  private static final int D = 3;
  private static final int X = 4;
  private static final int S = 5;

  private static final List<AggregateCall> CALLS =
      List.of(
          AggregateCall.countStar("rows"),
          AggregateCall.of(AggregateKind.COUNT, V, BIGINT, "count_v"),
          AggregateCall.of(AggregateKind.SUM, V, BIGINT, "sum_v"),
          AggregateCall.of(AggregateKind.MIN, V, BIGINT, "min_v"),
          AggregateCall.of(AggregateKind.MAX, V, BIGINT, "max_v"),
          AggregateCall.of(AggregateKind.AVG, V, BIGINT, "avg_v"),
          new AggregateCall(AggregateKind.COUNT, V, true, BIGINT, "distinct_v"),
          new AggregateCall(AggregateKind.SUM, V, true, BIGINT, "distinct_sum_v"),
          AggregateCall.of(AggregateKind.SUM, D, DOUBLE, "sum_d"),
          AggregateCall.of(AggregateKind.AVG, D, DOUBLE, "avg_d"),
          AggregateCall.of(AggregateKind.MAX, D, DOUBLE, "max_d"),
          AggregateCall.of(AggregateKind.SUM, X, DECIMAL, "sum_x"),
          AggregateCall.of(AggregateKind.AVG, X, DECIMAL, "avg_x"),
          AggregateCall.of(AggregateKind.MIN, S, VARCHAR, "min_s"),
          AggregateCall.of(AggregateKind.MAX, S, VARCHAR, "max_s"),
          new AggregateCall(AggregateKind.COUNT, S, true, BIGINT, "distinct_s"));

  private static final int[][] KEY_SETS = {{K}, {K, G}, {}, {G}, {S, K}};

  @Test
  void appendOnlyInputInRandomMicroBatchesMatchesAPlainComputation() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      int[] keys = KEY_SETS[seed % KEY_SETS.length];
      List<Change> input = new ArrayList<>();
      int rowCount = random.nextInt(400);
      for (int i = 0; i < rowCount; i++) {
        input.add(Change.of(RowKind.INSERT, randomRow(random)));
      }
      check(seed, random, keys, false, input);
    }
  }

  @Test
  void changelogInputInRandomMicroBatchesMatchesAPlainComputationOverTheLiveRows() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      int[] keys = KEY_SETS[seed % KEY_SETS.length];
      List<Change> input = new ArrayList<>();
      List<Object[]> live = new ArrayList<>();
      int steps = random.nextInt(400);
      for (int i = 0; i < steps; i++) {
        int choice = random.nextInt(10);
        if (live.isEmpty() || choice < 5) {
          Object[] row = randomRow(random);
          live.add(row);
          input.add(Change.of(RowKind.INSERT, row));
        } else {
          Object[] old = live.remove(random.nextInt(live.size()));
          if (choice < 8) {
            Object[] replacement = random.nextBoolean() ? randomRow(random) : nudged(random, old);
            live.add(replacement);
            input.add(Change.of(RowKind.UPDATE_BEFORE, old));
            input.add(Change.of(RowKind.UPDATE_AFTER, replacement));
          } else {
            input.add(Change.of(RowKind.DELETE, old));
          }
        }
      }
      // Finally retract whatever is left, so that every group must be deleted again.
      Collections.shuffle(live, random);
      for (Object[] row : live) {
        input.add(Change.of(RowKind.DELETE, row));
      }
      Harness harness = check(seed, random, keys, true, input);
      assertThat(harness.operator.stateSize()).as("seed %d", seed).isZero();
    }
  }

  /**
   * Feeds {@code input} cut into random micro-batches (each of one to three batches) and checks,
   * after every micro-batch, the changelog's state against a plain computation over the rows so
   * far.
   */
  private static Harness check(
      int seed, Random random, int[] keys, boolean changelog, List<Change> input) {
    Harness harness = new Harness(AggregateTesting.factory(INPUT, keys, changelog, CALLS));
    Map<List<Object>, List<Object>> state = new HashMap<>();
    List<Object[]> rowsSoFar = new ArrayList<>();
    int position = 0;
    while (position < input.size()) {
      int end = Math.min(input.size(), position + 1 + random.nextInt(60));
      List<Batch> batches = new ArrayList<>();
      int start = position;
      while (start < end) {
        int cut = start + 1 + random.nextInt(end - start);
        batches.add(changes(INPUT, input.subList(start, cut).toArray(new Change[0])));
        start = cut;
      }
      for (Change change : input.subList(position, end)) {
        if (change.kind().isAccumulate()) {
          rowsSoFar.add(change.values().toArray());
        } else {
          rowsSoFar.remove(indexOfRow(rowsSoFar, change.values()));
        }
      }
      position = end;

      List<Change> emitted = harness.microBatch(batches.toArray(new Batch[0]));
      apply(seed, keys.length, emitted, state);
      assertThat(state)
          .as("seed %d after %d changes", seed, position)
          .isEqualTo(expected(keys, rowsSoFar));
      assertThat(harness.operator.stateSize()).as("seed %d", seed).isEqualTo(state.size());
    }
    return harness;
  }

  private static int indexOfRow(List<Object[]> rows, List<Object> values) {
    for (int i = 0; i < rows.size(); i++) {
      if (Arrays.asList(rows.get(i)).equals(values)) {
        return i;
      }
    }
    throw new AssertionError("retracted a row never added: " + values);
  }

  /**
   * Applies one emitted changelog to a materialized view, checking it is well formed: a key is
   * inserted only when absent, {@code -U} and {@code -D} retract exactly the row held, and each
   * {@code -U} is directly followed by the {@code +U} of its key.
   */
  private static void apply(
      int seed, int keyCount, List<Change> changes, Map<List<Object>, List<Object>> state) {
    Set<List<Object>> keysInBatch = new HashSet<>();
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      List<Object> key = change.values().subList(0, keyCount);
      String where = "seed " + seed + ", change " + change;
      switch (change.kind()) {
        case INSERT -> {
          assertThat(keysInBatch.add(key)).as(where).isTrue();
          assertThat(state.put(key, change.values())).as(where).isNull();
        }
        case UPDATE_BEFORE -> {
          assertThat(keysInBatch.add(key)).as(where).isTrue();
          assertThat(state.remove(key)).as(where).isEqualTo(change.values());
          assertThat(i + 1).as(where).isLessThan(changes.size());
          Change after = changes.get(i + 1);
          assertThat(after.kind()).as(where).isEqualTo(RowKind.UPDATE_AFTER);
          assertThat(after.values().subList(0, keyCount)).as(where).isEqualTo(key);
          assertThat(after.values()).as(where).isNotEqualTo(change.values());
        }
        case UPDATE_AFTER -> {
          assertThat(changes.get(i - 1).kind()).as(where).isEqualTo(RowKind.UPDATE_BEFORE);
          assertThat(state.put(key, change.values())).as(where).isNull();
        }
        case DELETE -> {
          assertThat(keysInBatch.add(key)).as(where).isTrue();
          assertThat(state.remove(key)).as(where).isEqualTo(change.values());
        }
      }
    }
  }

  /** The result computed plainly, one group at a time, without the accumulators. */
  private static Map<List<Object>, List<Object>> expected(int[] keys, List<Object[]> rows) {
    Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
    for (Object[] row : rows) {
      List<Object> key = new ArrayList<>();
      for (int index : keys) {
        key.add(row[index]);
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    Map<List<Object>, List<Object>> result = new HashMap<>();
    groups.forEach(
        (key, groupRows) -> {
          List<Long> v = nonNull(groupRows, V, Long.class);
          List<Double> d = nonNull(groupRows, D, Double.class);
          List<BigDecimal> x = nonNull(groupRows, X, BigDecimal.class);
          List<String> s = nonNull(groupRows, S, String.class);
          List<Object> values = new ArrayList<>(key);
          values.add((long) groupRows.size());
          values.add((long) v.size());
          values.add(v.isEmpty() ? null : v.stream().mapToLong(Long::longValue).sum());
          values.add(v.isEmpty() ? null : Collections.min(v));
          values.add(v.isEmpty() ? null : Collections.max(v));
          values.add(
              v.isEmpty()
                  ? null
                  : decimalSum(v, BigDecimal::valueOf)
                      .divide(BigDecimal.valueOf(v.size()), 0, RoundingMode.DOWN)
                      .longValueExact());
          values.add((long) new HashSet<>(v).size());
          values.add(
              v.isEmpty() ? null : new HashSet<>(v).stream().mapToLong(Long::longValue).sum());
          double doubleSum = d.stream().mapToDouble(Double::doubleValue).sum();
          values.add(d.isEmpty() ? null : doubleSum);
          values.add(d.isEmpty() ? null : doubleSum / d.size());
          values.add(d.isEmpty() ? null : Collections.max(d));
          BigDecimal decimalSum = decimalSum(x, Function.identity());
          values.add(x.isEmpty() ? null : decimalSum);
          values.add(
              x.isEmpty()
                  ? null
                  : decimalSum.divide(BigDecimal.valueOf(x.size()), 2, RoundingMode.DOWN));
          values.add(s.isEmpty() ? null : Collections.min(s));
          values.add(s.isEmpty() ? null : Collections.max(s));
          values.add((long) new HashSet<>(s).size());
          result.put(key, values);
        });
    return result;
  }

  private static <T> List<T> nonNull(List<Object[]> rows, int column, Class<T> type) {
    List<T> values = new ArrayList<>();
    for (Object[] row : rows) {
      if (row[column] != null) {
        values.add(type.cast(row[column]));
      }
    }
    return values;
  }

  private static <T> BigDecimal decimalSum(List<T> values, Function<T, BigDecimal> toDecimal) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (T value : values) {
      sum = sum.add(toDecimal.apply(value));
    }
    return sum;
  }

  private static Object[] randomRow(Random random) {
    return new Object[] {
      nullOr(random, "k" + random.nextInt(5)),
      nullOr(random, random.nextInt(3)),
      nullOr(random, (long) (random.nextInt(101) - 50)),
      // Quarters add exactly in any order, so the plain sum equals the incremental one.
      nullOr(random, (random.nextInt(81) - 40) / 4.0),
      nullOr(random, BigDecimal.valueOf(random.nextInt(2001) - 1000, 2)),
      nullOr(random, String.valueOf((char) ('a' + random.nextInt(6))))
    };
  }

  /** The same row with one aggregated column changed, as an upstream update would. */
  private static Object[] nudged(Random random, Object[] row) {
    Object[] copy = row.clone();
    Object[] fresh = randomRow(random);
    int column = List.of(V, D, X, S).get(random.nextInt(4));
    copy[column] = fresh[column];
    return copy;
  }

  private static <T> T nullOr(Random random, T value) {
    return random.nextInt(8) == 0 ? null : value;
  }

  @Test
  void plainComputationAgreesWithAHandWrittenCase() {
    List<Object[]> rows =
        List.of(
            new Object[] {"a", 1, 3L, 0.5, new BigDecimal("1.00"), "p"},
            new Object[] {"a", 2, -4L, null, new BigDecimal("0.01"), "q"},
            new Object[] {"a", 1, 3L, 1.0, null, null});
    List<Object> expectedRow =
        Arrays.asList(
            "a", 3L, 3L, 2L, -4L, 3L, 0L, 2L, -1L, 1.5, 0.75, 1.0, new BigDecimal("1.01"),
            new BigDecimal("0.50"), "p", "q", 2L);

    assertThat(expectedRow).hasSize(1 + CALLS.size());
    assertThat(expected(new int[] {K}, rows))
        .containsExactly(Map.entry(List.of("a"), expectedRow));
  }
}
