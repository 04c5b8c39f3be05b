package io.rivulet.runtime.operator.join;

import static io.rivulet.runtime.operator.join.JoinTesting.keysEqual;
import static io.rivulet.runtime.operator.join.JoinTesting.referenceJoin;
import static io.rivulet.runtime.operator.join.JoinTesting.runAdversarially;
import static io.rivulet.runtime.operator.join.JoinTesting.schema;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.operator.join.JoinTesting.Arrival;
import io.rivulet.runtime.operator.join.JoinTesting.Emitted;
import io.rivulet.runtime.operator.join.JoinTesting.JoinCase;
import io.rivulet.runtime.operator.join.JoinTesting.TimedRun;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random windowed streams through the window join against a plain join of the rows that were not
 * late, with the moment each window is emitted checked, and a long run whose state stays flat.
 */
class WindowJoinPropertyTest {
  private static final Schema LEFT =
      schema(
          "k",
          INTEGER,
          "ts",
          TIMESTAMP,
          "window_start",
          TIMESTAMP,
          "window_end",
          TIMESTAMP,
          "id",
          BIGINT);
  private static final Schema RIGHT =
      schema(
          "k",
          BIGINT,
          "ts",
          TIMESTAMP,
          "window_start",
          TIMESTAMP,
          "window_end",
          TIMESTAMP,
          "id",
          BIGINT);
  private static final int[] BY_K = {0};
  private static final int TS = 1;
  private static final int START = 2;
  private static final int END = 3;
  private static final int WIDTH = 5;

  private static WindowJoinFactory join(JoinType type) {
    return new WindowJoinFactory(
        LEFT, BY_K, START, END, RIGHT, BY_K, START, END, type, type.outputSchema(LEFT, RIGHT));
  }

  private static JoinCase harness(JoinType type, long delay) {
    return JoinCase.of(join(type), TS, TS, delay);
  }

  /**
   * Events at times mostly within {@code delay} of the greatest before them (some later when {@code
   * lateness} allows), each as one row per HOP window of {@code slide} and {@code size} containing
   * it (a TUMBLE when they are equal), as the window table function gives them.
   */
  static List<Arrival> randomStream(
      Random random, int events, long slide, long size, long delay, long lateness) {
    List<Arrival> arrivals = new ArrayList<>();
    long clock = random.nextInt(50);
    for (int i = 0; i < events; i++) {
      clock += random.nextInt(5);
      boolean left = random.nextBoolean();
      long back = random.nextInt((int) delay + 1);
      if (lateness > 0 && random.nextInt(8) == 0) {
        back += random.nextInt((int) lateness);
      }
      long time = clock - back;
      Integer key = random.nextInt(10) == 0 ? null : random.nextInt(4);
      long id = left ? i : 100_000L + i;
      long lastStart = Math.floorDiv(time, slide) * slide;
      for (long start = lastStart; start + size > time; start -= slide) {
        if (left) {
          arrivals.add(JoinTesting.left(key, time, start, start + size, id));
        } else {
          Object rightKey = key == null ? null : key.longValue();
          arrivals.add(JoinTesting.right(rightKey, time, start, start + size, id));
        }
      }
    }
    return arrivals;
  }

  private static boolean matches(Object[] left, Object[] right) {
    return keysEqual(left, BY_K, right, BY_K)
        && left[START].equals(right[START])
        && left[END].equals(right[END]);
  }

  @Test
  void randomStreamsWithinTheDelayGiveOneResultInEveryHarnessWay() {
    for (int seed = 0; seed < 100; seed++) {
      Random random = new Random(seed);
      JoinType type = JoinType.values()[random.nextInt(JoinType.values().length)];
      long size = 5 + random.nextInt(20);
      long slide = random.nextBoolean() ? size : 2 + random.nextInt((int) size);
      long delay = random.nextInt(15);
      List<Arrival> arrivals = randomStream(random, 1 + random.nextInt(25), slide, size, delay, 0);
      List<Object[]> lefts = new ArrayList<>();
      List<Object[]> rights = new ArrayList<>();
      for (Arrival arrival : arrivals) {
        (arrival.left() ? lefts : rights).add(arrival.change().values().toArray());
      }

      assertThat(runAdversarially(harness(type, delay), arrivals))
          .as("seed %d, %s join, slide %d, size %d, delay %d", seed, type, slide, size, delay)
          .isEqualTo(
              referenceJoin(type, lefts, WIDTH, rights, WIDTH, WindowJoinPropertyTest::matches));
    }
  }

  @Test
  void randomStreamsWithLateRowsMatchAPlainJoinOfTheRowsOnTime() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      JoinType type = JoinType.values()[random.nextInt(JoinType.values().length)];
      long size = 5 + random.nextInt(20);
      long slide = random.nextBoolean() ? size : 2 + random.nextInt((int) size);
      long delay = random.nextInt(20);
      List<Arrival> arrivals = randomStream(random, random.nextInt(80), slide, size, delay, 50);
      int parallelism = 1 + random.nextInt(4);
      String description =
          String.format(
              Locale.ROOT,
              "seed %d, %s join, slide %d, size %d, delay %d, %d instance(s)",
              seed,
              type,
              slide,
              size,
              delay,
              parallelism);

      TimedRun run =
          JoinTesting.runRandomly(harness(type, delay), arrivals, random, parallelism, 12);

      List<Object[]> lefts = new ArrayList<>();
      List<Object[]> rights = new ArrayList<>();
      long late = 0;
      for (int a = 0; a < arrivals.size(); a++) {
        Object[] values = arrivals.get(a).change().values().toArray();
        if ((Long) values[END] <= run.watermarkAtArrival(a)) {
          late++;
        } else {
          (arrivals.get(a).left() ? lefts : rights).add(values);
        }
      }
      assertThat(run.sortedRows())
          .as(description)
          .isEqualTo(
              referenceJoin(type, lefts, WIDTH, rights, WIDTH, WindowJoinPropertyTest::matches));
      assertThat(run.lateRows()).as(description).isEqualTo(late);
      for (Emitted emitted : run.rows()) {
        List<Object> values = emitted.values();
        long end = (Long) (values.get(END) != null ? values.get(END) : values.get(WIDTH + END));
        assertThat(emitted.atEndBatch())
            .as("%s: %s waits for its window", description, values)
            .isTrue();
        assertThat(run.watermarks().get(emitted.batch()))
            .as("%s: watermark when %s comes", description, values)
            .isGreaterThanOrEqualTo(end);
        if (emitted.batch() > 0) {
          assertThat(run.watermarks().get(emitted.batch() - 1))
              .as("%s: %s could have come with the watermark before", description, values)
              .isLessThan(end);
        }
      }
    }
  }

  @Test
  void overALongRunTheStateStaysFlat() {
    long size = 500;
    long slide = 250;
    long delay = 200;
    Random random = new Random(42);
    List<Arrival> arrivals = new ArrayList<>();
    List<Integer> batchSizes = new ArrayList<>();
    int id = 0;
    for (int batch = 0; batch < 200; batch++) {
      // 100 ms of event time per micro-batch, 20 events (40 rows: each in two HOP windows).
      int before = arrivals.size();
      for (int i = 0; i < 20; i++) {
        long time = batch * 100L + random.nextInt(100) - random.nextInt((int) delay);
        int key = random.nextInt(50);
        long lastStart = Math.floorDiv(time, slide) * slide;
        for (long start = lastStart; start + size > time; start -= slide) {
          arrivals.add(
              i % 2 == 0
                  ? JoinTesting.left(key, time, start, start + size, (long) id)
                  : JoinTesting.right((long) key, time, start, start + size, 100_000L + id));
        }
        id++;
      }
      batchSizes.add(arrivals.size() - before);
    }

    TimedRun run = JoinTesting.runTimed(harness(JoinType.FULL, delay), arrivals, batchSizes, 4);

    List<Long> sizes = run.stateSizes();
    long firstHalfMaximum =
        sizes.subList(20, 100).stream().mapToLong(Long::longValue).max().orElseThrow();
    long secondHalfMaximum =
        sizes.subList(100, 200).stream().mapToLong(Long::longValue).max().orElseThrow();
    // A row stays until its window's end passes the watermark: at most size + delay + a batch
    // of event time, 8 batches of 40 rows.
    assertThat(secondHalfMaximum).isLessThanOrEqualTo(8 * 40);
    assertThat(secondHalfMaximum).isLessThanOrEqualTo(firstHalfMaximum + 40);
    assertThat(sizes.get(sizes.size() - 1)).as("after the end of time").isZero();
    assertThat(run.lateRows()).isZero();
    assertThat(run.rows()).hasSizeGreaterThan(4000);
  }
}
