package io.rivulet.runtime.operator.window;

import static io.rivulet.runtime.operator.window.WindowTesting.factory;
import static io.rivulet.runtime.operator.window.WindowTesting.firingOrder;
import static io.rivulet.runtime.operator.window.WindowTesting.row;
import static io.rivulet.runtime.operator.window.WindowTesting.runAdversarially;
import static io.rivulet.runtime.operator.window.WindowTesting.schema;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.operator.aggregate.AggregateKind;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random event streams against a plain computation of the same windows written here, and a long
 * run that shows the state stays bounded.
 */
class WindowAggregatePropertyTest {
  private static final Schema INPUT =
      schema("k", INTEGER, "ts", TIMESTAMP, "v", BIGINT, "d", DOUBLE);
  private static final int K = 0;
  private static final int TS = 1;
  private static final int V = 2;
  private static final int D = 3;
  private static final List<AggregateCall> CALLS =
      List.of(
          AggregateCall.countStar("rows"),
          AggregateCall.of(AggregateKind.COUNT, V, BIGINT, "count_v"),
          AggregateCall.of(AggregateKind.SUM, V, BIGINT, "sum_v"),
          AggregateCall.of(AggregateKind.MIN, V, BIGINT, "min_v"),
          AggregateCall.of(AggregateKind.MAX, V, BIGINT, "max_v"),
          AggregateCall.of(AggregateKind.AVG, V, BIGINT, "avg_v"),
          AggregateCall.of(AggregateKind.SUM, D, DOUBLE, "sum_d"),
          AggregateCall.of(AggregateKind.MAX, D, DOUBLE, "max_d"),
          new AggregateCall(AggregateKind.COUNT, V, true, BIGINT, "distinct_v"));

  @Test
  void randomStreamsWithinTheDelayMatchAPlainComputationInEveryHarnessWay() {
    for (int seed = 0; seed < 150; seed++) {
      Random random = new Random(seed);
      WindowSpec window = randomWindow(random);
      long delay = random.nextInt(40);
      List<Object[]> rows = randomStream(random, delay, 0, 1 + random.nextInt(80));
      WindowAggregateFactory plan = plan(window, EmitMode.ON_CLOSE, LatePolicy.DROP);

      List<List<Object>> expected = reference(window, rows, null);
      assertThat(runAdversarially(plan, delay, rows))
          .as("seed %d, %s, delay %d", seed, window.explain(), delay)
          .isEqualTo(expected);
    }
  }

  @Test
  void randomBatchesAndParallelismWithLateRowsMatchAPlainComputation() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      WindowSpec window = randomWindow(random);
      long delay = random.nextInt(30);
      // Sessions only get rows within the delay: a row later than that may open a session beside
      // one that has already fired, which no plain computation over all rows reproduces.
      long lateness = window instanceof WindowSpec.Session ? 0 : random.nextInt(60);
      List<Object[]> rows = randomStream(random, delay, lateness, random.nextInt(150));
      int parallelism = 1 + random.nextInt(4);
      EmitMode emit = random.nextBoolean() ? EmitMode.ON_CLOSE : EmitMode.EVERY_BATCH;
      WindowAggregateFactory plan = plan(window, emit, LatePolicy.DROP);

      Operator[] instances = new Operator[parallelism];
      for (int i = 0; i < parallelism; i++) {
        instances[i] = plan.create(new OperatorContext("q", i, parallelism));
      }
      List<Batch> output = new ArrayList<>();
      // The watermark each row met, so that the plain computation can tell which windows closed.
      long[] watermarkAtArrival = new long[rows.size()];
      long watermark = Long.MIN_VALUE;
      long maximumTime = Long.MIN_VALUE;
      int position = 0;
      while (position < rows.size()) {
        int end = Math.min(rows.size(), position + 1 + random.nextInt(12));
        List<List<Object[]>> byInstance = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
          byInstance.add(new ArrayList<>());
        }
        for (int r = position; r < end; r++) {
          Object[] row = rows.get(r);
          watermarkAtArrival[r] = watermark;
          maximumTime = Math.max(maximumTime, (Long) row[TS]);
          byInstance.get(Math.floorMod((Integer) row[K], parallelism)).add(row);
        }
        position = end;
        for (int i = 0; i < parallelism; i++) {
          instances[i].process(Batch.ofRows(INPUT, byInstance.get(i)), output::add);
        }
        watermark = Math.max(watermark, maximumTime - delay);
        for (Operator instance : instances) {
          instance.endBatch(watermark, output::add);
        }
      }
      long lateRows = 0;
      for (Operator instance : instances) {
        instance.endBatch(Long.MAX_VALUE, output::add);
        assertThat(instance.stateSize()).isZero();
        lateRows += instance.lateRows();
      }

      Map<List<Object>, Integer> state = new LinkedHashMap<>();
      for (Batch batch : output) {
        for (int r = 0; r < batch.rowCount(); r++) {
          List<Object> values = WindowTesting.values(batch.row(r));
          state.merge(values, batch.kind(r).isAccumulate() ? 1 : -1, Integer::sum);
        }
      }
      state.values().removeIf(count -> count == 0);
      assertThat(state.values()).as("seed %d: multiplicities", seed).allMatch(count -> count == 1);
      List<List<Object>> actual = new ArrayList<>(state.keySet());
      actual.sort(firingOrder(1));
      String description = "seed " + seed + ", " + window.explain() + ", " + emit;
      assertThat(actual).as(description).isEqualTo(reference(window, rows, watermarkAtArrival));
      assertThat(lateRows)
          .as(description)
          .isEqualTo(referenceLateRows(window, rows, watermarkAtArrival));
    }
  }

  @Test
  void stateStaysBoundedOverALongRunWithAnAdvancingWatermark() {
    long delay = 2_000;
    WindowSpec[] windows = {
      WindowSpec.Tumble.of(5_000), WindowSpec.Hop.of(1_000, 5_000), new WindowSpec.Session(3_000)
    };
    int keys = 200;
    for (WindowSpec window : windows) {
      Random random = new Random(42);
      Operator operator =
          plan(window, EmitMode.ON_CLOSE, LatePolicy.DROP).create(new OperatorContext("q", 0, 1));
      // Per key, at most the windows from the watermark to the newest time can be open.
      long span = window instanceof WindowSpec.Session session ? session.gapMillis() : 5_000;
      long step = window instanceof WindowSpec.Hop hop ? hop.slideMillis() : span;
      long bound = keys * ((span + delay) / step + 2);
      List<Batch> output = new ArrayList<>();
      long maximumTime = Long.MIN_VALUE;
      long peak = 0;
      for (int batch = 0; batch < 200; batch++) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          long time = Math.max(0, batch * 1_000L + random.nextInt(1_000) - random.nextInt(2_000));
          rows.add(row(random.nextInt(keys), time, (long) random.nextInt(100), 0.5));
          maximumTime = Math.max(maximumTime, time);
        }
        operator.process(Batch.ofRows(INPUT, rows), output::add);
        operator.endBatch(maximumTime - delay, output::add);
        peak = Math.max(peak, operator.stateSize());
        assertThat(operator.stateSize()).as("%s after batch %d", window, batch).isLessThan(bound);
      }
      assertThat(operator.lateRows()).isZero();
      long firedAlongTheWay = output.stream().mapToLong(Batch::rowCount).sum();
      assertThat(firedAlongTheWay)
          .as("%s: windows fired along the way", window)
          .isGreaterThan(peak);
      operator.endBatch(Long.MAX_VALUE, output::add);
      assertThat(operator.stateSize()).isZero();
    }
  }

  private static WindowAggregateFactory plan(WindowSpec window, EmitMode emit, LatePolicy late) {
    return factory(INPUT, TS, window, new int[] {K}, CALLS, emit, late);
  }

  private static WindowSpec randomWindow(Random random) {
    long offset = random.nextBoolean() ? 0 : random.nextInt(41) - 20;
    return switch (random.nextInt(3)) {
      case 0 -> new WindowSpec.Tumble(1 + random.nextInt(30), offset);
      case 1 -> new WindowSpec.Hop(1 + random.nextInt(15), 1 + random.nextInt(40), offset);
      default -> new WindowSpec.Session(1 + random.nextInt(25));
    };
  }

  /**
   * Rows of a few keys whose times wander upward from before 1970; each is at most {@code delay}
   * behind the greatest time before it, or, for about one row in five, up to {@code lateness}
   * more.
   */
  private static List<Object[]> randomStream(
      Random random, long delay, long lateness, int rowCount) {
    List<Object[]> rows = new ArrayList<>(rowCount);
    long maximumTime = -200 + random.nextInt(100);
    int keys = 1 + random.nextInt(5);
    for (int i = 0; i < rowCount; i++) {
      long time = maximumTime + random.nextInt(12) - random.nextInt((int) delay + 1);
      if (lateness > 0 && random.nextInt(5) == 0) {
        time -= random.nextInt((int) lateness + 1);
      }
      if (random.nextInt(4) == 0) {
        time = maximumTime; // ties and rows exactly on the watermark
      }
      maximumTime = Math.max(maximumTime, time);
      Long value = random.nextInt(6) == 0 ? null : (long) random.nextInt(9) - 3;
      Double decimal = random.nextInt(6) == 0 ? null : (random.nextInt(17) - 8) / 4.0;
      rows.add(row(random.nextInt(keys), time, value, decimal));
    }
    return rows;
  }

  // ---------------------------------------------------------------- the plain computation

  /**
   * The result rows in firing order: each row in every window that contains its time; with
   * {@code watermarks}, only in those that ended after the watermark the row met.
   */
  private static List<List<Object>> reference(
      WindowSpec window, List<Object[]> rows, long[] watermarks) {
    Map<List<Object>, List<Object[]>> windows = new TreeMap<>(firingOrder(1));
    if (window instanceof WindowSpec.Session session) {
      Map<Integer, List<Long>> timesByKey = new TreeMap<>();
      for (Object[] row : rows) {
        timesByKey.computeIfAbsent((Integer) row[K], key -> new ArrayList<>()).add((Long) row[TS]);
      }
      timesByKey.forEach(
          (key, times) -> {
            times.sort(null);
            long start = times.get(0);
            long end = start + session.gapMillis();
            for (long time : times) {
              if (time >= end) {
                windows.put(List.of(key, start, end), new ArrayList<>());
                start = time;
              }
              end = time + session.gapMillis();
            }
            windows.put(List.of(key, start, end), new ArrayList<>());
          });
      for (Object[] row : rows) {
        long time = (Long) row[TS];
        for (Map.Entry<List<Object>, List<Object[]>> entry : windows.entrySet()) {
          List<Object> bounds = entry.getKey();
          if (bounds.get(0).equals(row[K])
              && (Long) bounds.get(1) <= time
              && time < (Long) bounds.get(2)) {
            entry.getValue().add(row);
          }
        }
      }
    } else {
      for (int r = 0; r < rows.size(); r++) {
        Object[] row = rows.get(r);
        for (long[] bounds : alignedWindows(window, (Long) row[TS])) {
          if (watermarks == null || bounds[1] > watermarks[r]) {
            windows.computeIfAbsent(List.of(row[K], bounds[0], bounds[1]), w -> new ArrayList<>())
                .add(row);
          }
        }
      }
    }
    List<List<Object>> result = new ArrayList<>();
    windows.forEach((bounds, members) -> result.add(aggregate(bounds, members)));
    return result;
  }

  /** How many rows met a watermark at or past the end of every window holding them. */
  private static long referenceLateRows(
      WindowSpec window, List<Object[]> rows, long[] watermarks) {
    long late = 0;
    for (int r = 0; r < rows.size(); r++) {
      long time = (Long) rows.get(r)[TS];
      if (window instanceof WindowSpec.Session session) {
        late += time + session.gapMillis() <= watermarks[r] ? 1 : 0;
        continue;
      }
      List<long[]> containing = alignedWindows(window, time);
      long open = 0;
      for (long[] bounds : containing) {
        open += bounds[1] > watermarks[r] ? 1 : 0;
      }
      late += !containing.isEmpty() && open == 0 ? 1 : 0;
    }
    return late;
  }

  /** Every {@code [start, end)} with {@code start = k * slide + offset} holding {@code time}. */
  private static List<long[]> alignedWindows(WindowSpec window, long time) {
    long slide;
    long size;
    long offset;
    if (window instanceof WindowSpec.Tumble tumble) {
      slide = tumble.sizeMillis();
      size = tumble.sizeMillis();
      offset = tumble.offsetMillis();
    } else {
      WindowSpec.Hop hop = (WindowSpec.Hop) window;
      slide = hop.slideMillis();
      size = hop.sizeMillis();
      offset = hop.offsetMillis();
    }
    List<long[]> windows = new ArrayList<>();
    for (long k = (time - size - offset) / slide - 2; k * slide + offset <= time; k++) {
      long start = k * slide + offset;
      if (start <= time && time < start + size) {
        windows.add(new long[] {start, start + size});
      }
    }
    return windows;
  }

  private static List<Object> aggregate(List<Object> bounds, List<Object[]> members) {
    long count = 0;
    long sum = 0;
    Long minimum = null;
    Long maximum = null;
    double doubleSum = 0;
    long doubleCount = 0;
    Double doubleMaximum = null;
    Set<Long> distinct = new HashSet<>();
    for (Object[] row : members) {
      Long value = (Long) row[V];
      if (value != null) {
        count++;
        sum += value;
        minimum = minimum == null ? value : Math.min(minimum, value);
        maximum = maximum == null ? value : Math.max(maximum, value);
        distinct.add(value);
      }
      Double decimal = (Double) row[D];
      if (decimal != null) {
        doubleCount++;
        doubleSum += decimal;
        doubleMaximum = doubleMaximum == null ? decimal : Math.max(doubleMaximum, decimal);
      }
    }
    List<Object> result = new ArrayList<>(bounds);
    result.addAll(
        Arrays.asList(
            (long) members.size(),
            count,
            count == 0 ? null : sum,
            minimum,
            maximum,
            count == 0 ? null : sum / count,
            doubleCount == 0 ? null : doubleSum,
            doubleMaximum,
            (long) distinct.size()));
    return result;
  }
}
