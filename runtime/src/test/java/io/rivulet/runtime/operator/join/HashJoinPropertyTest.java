package io.rivulet.runtime.operator.join;

import static io.rivulet.runtime.operator.join.JoinTesting.keysEqual;
import static io.rivulet.runtime.operator.join.JoinTesting.referenceJoin;
import static io.rivulet.runtime.operator.join.JoinTesting.runAdversarially;
import static io.rivulet.runtime.operator.join.JoinTesting.schema;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.BinaryOperator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.join.JoinTesting.Arrival;
import io.rivulet.runtime.operator.join.JoinTesting.JoinCase;
import io.rivulet.runtime.operator.join.JoinTesting.ManualClock;
import io.rivulet.runtime.operator.join.JoinTesting.Run;
import io.rivulet.runtime.type.Schema;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random changelogs through the regular join against a plain join of the rows each side holds at
 * the end, in every way the harness cuts and spreads them.
 */
class HashJoinPropertyTest {
  private static final Schema LEFT = schema("k", INTEGER, "j", BIGINT, "v", BIGINT);
  private static final Schema RIGHT = schema("k", BIGINT, "j", BIGINT, "w", BIGINT);
  private static final int[] ONE_KEY = {0};
  private static final int[] TWO_KEYS = {0, 1};

  @Test
  void randomChangelogsEndInThePlainJoinOfTheRowsHeld() {
    for (int seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      JoinType type = JoinType.values()[random.nextInt(JoinType.values().length)];
      int[] keys = random.nextBoolean() ? ONE_KEY : TWO_KEYS;
      Duration ttl = random.nextInt(4) == 0 ? Duration.ofHours(1) : Duration.ZERO;
      HashJoinFactory plan =
          new HashJoinFactory(
              LEFT,
              keys,
              RIGHT,
              keys,
              type,
              type.outputSchema(LEFT, RIGHT),
              ttl,
              Clock.systemUTC());
      List<Object[]> leftHeld = new ArrayList<>();
      List<Object[]> rightHeld = new ArrayList<>();
      List<Arrival> arrivals = randomChangelog(random, 1 + random.nextInt(60), leftHeld, rightHeld);

      List<List<Object>> expected =
          referenceJoin(type, leftHeld, 3, rightHeld, 3, (l, r) -> keysEqual(l, keys, r, keys));
      assertThat(runAdversarially(JoinCase.of(plan), arrivals))
          .as("seed %d, %s join on %d key(s): %s", seed, type, keys.length, arrivals)
          .isEqualTo(expected);
    }
  }

  /**
   * Inserts and retractions of rows each side holds (as {@code -D}, or {@code -U} followed by
   * {@code +U} of a new row), with few distinct keys and values so that duplicates abound; fills
   * {@code leftHeld} and {@code rightHeld} with the rows held at the end.
   */
  static List<Arrival> randomChangelog(
      Random random, int length, List<Object[]> leftHeld, List<Object[]> rightHeld) {
    List<Arrival> arrivals = new ArrayList<>();
    while (arrivals.size() < length) {
      boolean left = random.nextBoolean();
      List<Object[]> held = left ? leftHeld : rightHeld;
      if (!held.isEmpty() && random.nextInt(3) == 0) {
        Object[] retracted = held.remove(random.nextInt(held.size()));
        if (random.nextBoolean()) {
          arrivals.add(change(left, RowKind.DELETE, retracted));
        } else {
          Object[] updated = randomRow(random, left);
          arrivals.add(change(left, RowKind.UPDATE_BEFORE, retracted));
          arrivals.add(change(left, RowKind.UPDATE_AFTER, updated));
          held.add(updated);
        }
      } else {
        Object[] inserted = randomRow(random, left);
        arrivals.add(change(left, RowKind.INSERT, inserted));
        held.add(inserted);
      }
    }
    return arrivals;
  }

  private static Object[] randomRow(Random random, boolean left) {
    Object key = random.nextInt(7) == 0 ? null : random.nextInt(4);
    if (key != null && !left) {
      key = ((Integer) key).longValue();
    }
    Object second = random.nextInt(9) == 0 ? null : (long) random.nextInt(2);
    return new Object[] {key, second, (long) random.nextInt(3)};
  }

  private static Arrival change(boolean left, RowKind kind, Object[] values) {
    return left ? JoinTesting.leftChange(kind, values) : JoinTesting.rightChange(kind, values);
  }

  @Test
  void rowsOutlivingTheTimeToLiveLeaveTheStateBounded() {
    ManualClock clock = new ManualClock(0);
    HashJoinFactory plan =
        new HashJoinFactory(
            LEFT,
            ONE_KEY,
            RIGHT,
            ONE_KEY,
            JoinType.INNER,
            JoinType.INNER.outputSchema(LEFT, RIGHT),
            Duration.ofSeconds(5),
            clock);
    JoinCase join = JoinCase.of(plan);
    Random random = new Random(7);
    List<Arrival> arrivals = new ArrayList<>();
    List<Integer> batchSizes = new ArrayList<>();
    for (int batch = 0; batch < 200; batch++) {
      for (int i = 0; i < 10; i++) {
        // Ever new keys, as in a stream of sessions: without a time-to-live the state grows.
        int key = batch * 10 + random.nextInt(10);
        arrivals.add(JoinTesting.left(key, 0L, (long) i));
        arrivals.add(JoinTesting.right((long) key, 0L, (long) i));
      }
      batchSizes.add(20);
    }
    List<Long> stateSizes = new ArrayList<>();
    Run run = runWithClock(join, arrivals, batchSizes, clock, stateSizes);

    assertThat(run.batches()).isNotEmpty();
    // One second per micro-batch and a 5 s time-to-live: about 6 batches of 20 rows are held.
    assertThat(stateSizes.subList(100, 200))
        .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(120));
    assertThat(stateSizes.get(199)).isLessThanOrEqualTo(stateSizes.get(99) + 20);
  }

  /** Runs over 2 instances, one second of the clock per micro-batch, recording the state size. */
  private static Run runWithClock(
      JoinCase join,
      List<Arrival> arrivals,
      List<Integer> batchSizes,
      ManualClock clock,
      List<Long> stateSizes) {
    List<Batch> batches = new ArrayList<>();
    BinaryOperator[] instances = {
      join.plan().create(new OperatorContext("ttl", 0, 2)),
      join.plan().create(new OperatorContext("ttl", 1, 2))
    };
    int position = 0;
    for (int size : batchSizes) {
      for (Arrival arrival : arrivals.subList(position, position + size)) {
        Object key = arrival.change().values().get(0);
        int instance = Math.floorMod(((Number) key).intValue(), 2);
        Batch batch =
            JoinTesting.batchOf(
                arrival.left() ? join.leftSchema() : join.rightSchema(), List.of(arrival.change()));
        if (arrival.left()) {
          instances[instance].processLeft(batch, batches::add);
        } else {
          instances[instance].processRight(batch, batches::add);
        }
      }
      position += size;
      clock.advanceMillis(1_000);
      long state = 0;
      for (BinaryOperator instance : instances) {
        instance.endBatch(Long.MIN_VALUE, batches::add);
        state += instance.stateSize();
      }
      stateSizes.add(state);
    }
    return new Run(batches, List.of(), 0);
  }
}
