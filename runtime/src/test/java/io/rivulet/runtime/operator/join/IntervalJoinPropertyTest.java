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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random streams through the interval join against a plain join of the rows that were not late,
 * with the moment each unmatched row is emitted checked, and a long run whose state stays flat.
 */
class IntervalJoinPropertyTest {
  private static final Schema LEFT = schema("k", INTEGER, "lt", TIMESTAMP, "id", BIGINT);
  private static final Schema RIGHT = schema("k", BIGINT, "rt", TIMESTAMP, "id", BIGINT);
  private static final int[] BY_K = {0};
  private static final int K = 0;
  private static final int TIME = 1;
  private static final int ID = 2;

  private static IntervalJoinFactory join(JoinType type, long lower, long upper) {
    return new IntervalJoinFactory(
        LEFT, BY_K, TIME, RIGHT, BY_K, TIME, lower, upper, type, type.outputSchema(LEFT, RIGHT));
  }

  /**
   * Rows of both sides at times mostly within {@code delay} of the greatest time before them, some
   * later than that when {@code lateness} allows; ids are unique, left from 0, right from 100000.
   */
  static List<Arrival> randomStream(Random random, int length, long delay, long lateness) {
    List<Arrival> arrivals = new ArrayList<>();
    long clock = random.nextInt(100);
    for (int i = 0; i < length; i++) {
      clock += random.nextInt(6);
      boolean left = random.nextBoolean();
      long back = random.nextInt((int) delay + 1);
      if (lateness > 0 && random.nextInt(8) == 0) {
        back += random.nextInt((int) lateness);
      }
      Object time = random.nextInt(25) == 0 ? null : clock - back;
      Object key = random.nextInt(10) == 0 ? null : random.nextInt(4);
      if (left) {
        arrivals.add(JoinTesting.left(key, time, (long) i));
      } else {
        Object rightKey = key == null ? null : ((Integer) key).longValue();
        arrivals.add(JoinTesting.right(rightKey, time, 100_000L + i));
      }
    }
    return arrivals;
  }

  private static boolean matches(Object[] left, Object[] right, long lower, long upper) {
    if (!keysEqual(left, BY_K, right, BY_K) || left[TIME] == null || right[TIME] == null) {
      return false;
    }
    long leftTime = (Long) left[TIME];
    long rightTime = (Long) right[TIME];
    return leftTime >= rightTime - lower && leftTime <= rightTime + upper;
  }

  @Test
  void randomStreamsWithinTheDelayGiveOneResultInEveryHarnessWay() {
    for (int seed = 0; seed < 100; seed++) {
      Random random = new Random(seed);
      JoinType type = JoinType.values()[random.nextInt(JoinType.values().length)];
      long lower = random.nextInt(30) - 10;
      long upper = Math.max(-lower, random.nextInt(30) - 10);
      long delay = random.nextInt(20);
      List<Arrival> arrivals = randomStream(random, 1 + random.nextInt(40), delay, 0);
      List<Object[]> lefts = new ArrayList<>();
      List<Object[]> rights = new ArrayList<>();
      for (Arrival arrival : arrivals) {
        (arrival.left() ? lefts : rights).add(arrival.change().values().toArray());
      }

      assertThat(runAdversarially(JoinCase.of(join(type, lower, upper), delay), arrivals))
          .as("seed %d, %s join, interval [%d, %d], delay %d", seed, type, lower, upper, delay)
          .isEqualTo(
              referenceJoin(type, lefts, 3, rights, 3, (l, r) -> matches(l, r, lower, upper)));
    }
  }

  @Test
  void randomStreamsWithLateRowsMatchAPlainJoinOfTheRowsOnTime() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      JoinType type = JoinType.values()[random.nextInt(JoinType.values().length)];
      long lower = random.nextInt(40) - 15;
      long upper = Math.max(-lower, random.nextInt(40) - 15);
      long delay = random.nextInt(25);
      List<Arrival> arrivals = randomStream(random, random.nextInt(120), delay, 60);
      int parallelism = 1 + random.nextInt(4);
      IntervalJoinFactory plan = join(type, lower, upper);
      String description =
          String.format(
              java.util.Locale.ROOT,
              "seed %d, %s join, interval [%d, %d], delay %d, %d instance(s)",
              seed,
              type,
              lower,
              upper,
              delay,
              parallelism);

      TimedRun run =
          JoinTesting.runRandomly(JoinCase.of(plan, delay), arrivals, random, parallelism, 10);

      List<Object[]> lefts = new ArrayList<>();
      List<Object[]> rights = new ArrayList<>();
      Map<Long, Integer> arrivalOfId = new HashMap<>();
      long late = 0;
      for (int a = 0; a < arrivals.size(); a++) {
        Object[] values = arrivals.get(a).change().values().toArray();
        arrivalOfId.put((Long) values[ID], a);
        if (values[TIME] != null && (Long) values[TIME] < run.watermarkAtArrival(a)) {
          late++;
        } else {
          (arrivals.get(a).left() ? lefts : rights).add(values);
        }
      }
      assertThat(run.sortedRows())
          .as(description)
          .isEqualTo(
              referenceJoin(type, lefts, 3, rights, 3, (l, r) -> matches(l, r, lower, upper)));
      assertThat(run.lateRows()).as(description).isEqualTo(late);
      checkEmissionTimes(run, type, lower, upper, arrivals, arrivalOfId, description);
    }
  }

  /**
   * Matches come while rows arrive; an unmatched row that could have matched comes at the first
   * micro-batch whose watermark is past its time plus its side's bound, never earlier.
   */
  private static void checkEmissionTimes(
      TimedRun run,
      JoinType type,
      long lower,
      long upper,
      List<Arrival> arrivals,
      Map<Long, Integer> arrivalOfId,
      String description) {
    for (Emitted emitted : run.rows()) {
      List<Object> values = emitted.values();
      boolean rightOnly = type.outputsRightColumns() && values.get(ID) == null;
      boolean leftOnly =
          type == JoinType.ANTI || (type.outputsRightColumns() && values.get(3 + ID) == null);
      if (!leftOnly && !rightOnly) {
        assertThat(emitted.atEndBatch())
            .as("%s: a match %s comes at once", description, values)
            .isFalse();
        continue;
      }
      int offset = leftOnly ? 0 : 3;
      Object time = values.get(offset + TIME);
      if (time == null || values.get(offset + K) == null) {
        assertThat(emitted.atEndBatch())
            .as("%s: unmatchable %s comes at once", description, values)
            .isFalse();
        continue;
      }
      long bound = (Long) time + (leftOnly ? lower : upper);
      int arrival = arrivalOfId.get((Long) values.get(offset + ID));
      assertThat(emitted.atEndBatch())
          .as("%s: %s waits for the watermark", description, values)
          .isTrue();
      assertThat(run.watermarks().get(emitted.batch()))
          .as("%s: watermark when %s comes", description, values)
          .isGreaterThan(bound);
      for (int batch = run.batchOfArrival()[arrival]; batch < emitted.batch(); batch++) {
        assertThat(run.watermarks().get(batch))
            .as("%s: %s could have come with an earlier watermark", description, values)
            .isLessThanOrEqualTo(bound);
      }
    }
    assertThat(arrivals).isNotNull();
  }

  @Test
  void overALongRunTheStateStaysFlat() {
    long lower = 300;
    long upper = 500;
    long delay = 200;
    IntervalJoinFactory plan = join(JoinType.FULL, lower, upper);
    Random random = new Random(42);
    List<Arrival> arrivals = new ArrayList<>();
    List<Integer> batchSizes = new ArrayList<>();
    int id = 0;
    for (int batch = 0; batch < 200; batch++) {
      // 100 ms of event time per micro-batch, rows up to the delay out of order.
      for (int i = 0; i < 20; i++) {
        long time = batch * 100L + random.nextInt(100) - random.nextInt((int) delay);
        int key = random.nextInt(50);
        arrivals.add(
            i % 2 == 0
                ? JoinTesting.left(key, time, (long) id++)
                : JoinTesting.right((long) key, time, 100_000L + id++));
      }
      batchSizes.add(20);
    }

    TimedRun run = JoinTesting.runTimed(JoinCase.of(plan, delay), arrivals, batchSizes, 4);

    List<Long> sizes = run.stateSizes();
    long firstHalfMaximum =
        sizes.subList(20, 100).stream().mapToLong(Long::longValue).max().orElseThrow();
    long secondHalfMaximum =
        sizes.subList(100, 200).stream().mapToLong(Long::longValue).max().orElseThrow();
    // Left rows stay for lower + delay (5 batches), right rows for upper + delay (7): about 120.
    assertThat(secondHalfMaximum).isLessThanOrEqualTo(200);
    assertThat(secondHalfMaximum).isLessThanOrEqualTo(firstHalfMaximum + 20);
    assertThat(sizes.get(sizes.size() - 1)).as("after the end of time").isZero();
    assertThat(run.rows()).hasSizeGreaterThan(1000);
  }
}
