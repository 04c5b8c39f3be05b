package io.rivulet.runtime.operator.join;

import static io.rivulet.runtime.operator.join.JoinTesting.batchOf;
import static io.rivulet.runtime.operator.join.JoinTesting.changesOf;
import static io.rivulet.runtime.operator.join.JoinTesting.delete;
import static io.rivulet.runtime.operator.join.JoinTesting.insert;
import static io.rivulet.runtime.operator.join.JoinTesting.row;
import static io.rivulet.runtime.operator.join.JoinTesting.schema;
import static io.rivulet.runtime.operator.join.JoinTesting.updateAfter;
import static io.rivulet.runtime.operator.join.JoinTesting.updateBefore;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.exec.Partitioner;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.join.JoinTesting.Change;
import io.rivulet.runtime.operator.join.JoinTesting.ManualClock;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The stream–table join: exact rows and kinds, the shared table, refreshes, random streams. */
class LookupJoinTest {
  private static final Schema STREAM = schema("user_id", BIGINT, "page", VARCHAR);
  private static final Schema TABLE = schema("id", BIGINT, "name", VARCHAR);
  private static final int[] BY_ID = {0};

  /** Users with a duplicated key and a null key. */
  private static final List<Object[]> USERS =
      List.of(row(1L, "ann"), row(2L, "bob"), row(2L, "bo"), row(null, "nobody"));

  /** Clicks of a known user, a user with two rows, an unknown user and no user. */
  private static final Object[][] CLICKS = {
    row(1L, "home"), row(2L, "cart"), row(3L, "x"), row(null, "y")
  };

  static LookupJoinFactory lookup(
      JoinType type, TableSnapshotLoader loader, Duration refresh, Clock clock) {
    return new LookupJoinFactory(
        STREAM,
        BY_ID,
        "users",
        TABLE,
        BY_ID,
        type,
        type.outputSchema(STREAM, TABLE),
        loader,
        refresh,
        clock);
  }

  static LookupJoinFactory lookup(JoinType type) {
    return lookup(type, () -> Batch.ofRows(TABLE, USERS), Duration.ZERO, Clock.systemUTC());
  }

  /** A loader that counts its calls and returns the table version of the call. */
  private static final class VersionedLoader implements TableSnapshotLoader {
    final AtomicInteger loads = new AtomicInteger();
    volatile boolean failing;

    @Override
    public Batch load() throws IOException {
      if (failing) {
        throw new IOException("users.csv is being rewritten");
      }
      int version = loads.incrementAndGet();
      return Batch.ofRows(TABLE, List.<Object[]>of(row(1L, "ann v" + version)));
    }
  }

  private static List<Change> process(Operator operator, Schema schema, Change... changes) {
    List<Batch> emitted = new ArrayList<>();
    operator.process(batchOf(schema, List.of(changes)), emitted::add);
    assertThat(emitted).hasSizeLessThanOrEqualTo(1);
    return emitted.isEmpty() ? List.of() : changesOf(emitted.get(0));
  }

  private static List<Change> process(Operator operator, Object[]... rows) {
    Change[] changes = new Change[rows.length];
    for (int i = 0; i < rows.length; i++) {
      changes[i] = Change.of(RowKind.INSERT, rows[i]);
    }
    return process(operator, STREAM, changes);
  }

  private static Operator instance(LookupJoinFactory plan, String queryId, int partition) {
    return plan.create(new OperatorContext(queryId, partition, 4));
  }

  @Test
  void innerJoinEmitsOneRowPerMatchingTableRowAndNoneForNullKeys() {
    Operator operator = instance(lookup(JoinType.INNER), "q", 0);

    assertThat(process(operator, CLICKS))
        .containsExactly(
            insert(1L, "home", 1L, "ann"),
            insert(2L, "cart", 2L, "bob"),
            insert(2L, "cart", 2L, "bo"));
  }

  @Test
  void leftJoinPadsStreamRowsWithoutAMatch() {
    Operator operator = instance(lookup(JoinType.LEFT), "q", 0);

    assertThat(process(operator, CLICKS))
        .containsExactly(
            insert(1L, "home", 1L, "ann"),
            insert(2L, "cart", 2L, "bob"),
            insert(2L, "cart", 2L, "bo"),
            insert(3L, "x", null, null),
            insert(null, "y", null, null));
  }

  @Test
  void semiAndAntiJoinsFilterTheStream() {
    assertThat(process(instance(lookup(JoinType.SEMI), "q", 0), CLICKS))
        .as("once per stream row, however many matches")
        .containsExactly(insert(1L, "home"), insert(2L, "cart"));
    assertThat(process(instance(lookup(JoinType.ANTI), "q", 0), CLICKS))
        .containsExactly(insert(3L, "x"), insert(null, "y"));
  }

  @Test
  void changelogRowsKeepTheirKind() {
    Operator operator = instance(lookup(JoinType.LEFT), "q", 0);

    assertThat(
            process(
                operator,
                STREAM,
                updateBefore(2L, "cart"),
                updateAfter(2L, "pay"),
                delete(3L, "x"),
                insert(1L, "home")))
        .containsExactly(
            updateBefore(2L, "cart", 2L, "bob"),
            updateBefore(2L, "cart", 2L, "bo"),
            updateAfter(2L, "pay", 2L, "bob"),
            updateAfter(2L, "pay", 2L, "bo"),
            delete(3L, "x", null, null),
            insert(1L, "home", 1L, "ann"));
    assertThat(process(instance(lookup(JoinType.ANTI), "q", 0), STREAM, delete(3L, "x")))
        .containsExactly(delete(3L, "x"));
  }

  @Test
  void keysOfDifferentIntegralWidthsOverSeveralColumnsMeet() {
    Schema stream = schema("a", INTEGER, "b", VARCHAR);
    Schema table = schema("b", VARCHAR, "a", BIGINT, "v", VARCHAR);
    LookupJoinFactory plan =
        new LookupJoinFactory(
            stream,
            new int[] {0, 1},
            "t",
            table,
            new int[] {1, 0},
            JoinType.INNER,
            JoinType.INNER.outputSchema(stream, table),
            () -> Batch.ofRows(table, List.<Object[]>of(row("x", 1L, "one"), row(null, 2L, "two"))),
            Duration.ZERO,
            Clock.systemUTC());
    Operator operator = plan.create(new OperatorContext("q", 0, 1));

    assertThat(process(operator, stream, insert(1, "x"), insert(2, null), insert(1, "y")))
        .containsExactly(insert(1, "x", "x", 1L, "one"));
  }

  @Test
  void theTableIsLoadedOncePerQueryAndSharedByItsPartitions() {
    VersionedLoader loader = new VersionedLoader();
    LookupJoinFactory plan = lookup(JoinType.INNER, loader, Duration.ZERO, Clock.systemUTC());
    List<Operator> first = new ArrayList<>();
    for (int partition = 0; partition < 4; partition++) {
      first.add(instance(plan, "first", partition));
    }
    for (Operator operator : first) {
      assertThat(process(operator, row(1L, "home")))
          .containsExactly(insert(1L, "home", 1L, "ann v1"));
    }
    assertThat(loader.loads).hasValue(1);

    Operator other = instance(plan, "second", 0);
    assertThat(process(other, row(1L, "home"))).containsExactly(insert(1L, "home", 1L, "ann v2"));
    assertThat(loader.loads).as("another query reads the table for itself").hasValue(2);

    first.forEach(Operator::close);
    assertThat(plan.sharedTables()).isEqualTo(1);
    other.close();
    other.close();
    assertThat(plan.sharedTables()).as("the last instance to close frees the table").isZero();
  }

  @Test
  void theTableIsNotReadBeforeAStreamRowNeedsIt() {
    VersionedLoader loader = new VersionedLoader();
    Operator operator =
        instance(lookup(JoinType.INNER, loader, Duration.ZERO, Clock.systemUTC()), "q", 0);
    operator.endBatch(Long.MIN_VALUE, batch -> {});

    assertThat(loader.loads).hasValue(0);
  }

  @Test
  void theTableIsReloadedOnceTheRefreshIntervalHasPassed() {
    ManualClock clock = new ManualClock(0);
    VersionedLoader loader = new VersionedLoader();
    Operator operator =
        instance(lookup(JoinType.INNER, loader, Duration.ofMinutes(1), clock), "q", 0);
    assertThat(process(operator, row(1L, "a"))).containsExactly(insert(1L, "a", 1L, "ann v1"));
    operator.endBatch(Long.MIN_VALUE, batch -> {});

    clock.advanceMillis(59_999);
    assertThat(process(operator, row(1L, "b"))).containsExactly(insert(1L, "b", 1L, "ann v1"));
    clock.advanceMillis(1);
    assertThat(process(operator, row(1L, "c")))
        .as("one micro-batch keeps one table version")
        .containsExactly(insert(1L, "c", 1L, "ann v1"));
    operator.endBatch(Long.MIN_VALUE, batch -> {});

    assertThat(process(operator, row(1L, "d"))).containsExactly(insert(1L, "d", 1L, "ann v2"));
    assertThat(loader.loads).hasValue(2);
  }

  @Test
  void aFailedRefreshKeepsTheRowsLoadedBeforeAndIsRetriedAnIntervalLater() {
    ManualClock clock = new ManualClock(0);
    VersionedLoader loader = new VersionedLoader();
    Operator operator =
        instance(lookup(JoinType.INNER, loader, Duration.ofMinutes(1), clock), "q", 0);
    process(operator, row(1L, "a"));
    operator.endBatch(Long.MIN_VALUE, batch -> {});

    loader.failing = true;
    clock.advanceMillis(60_000);
    assertThat(process(operator, row(1L, "b"))).containsExactly(insert(1L, "b", 1L, "ann v1"));
    operator.endBatch(Long.MIN_VALUE, batch -> {});
    loader.failing = false;
    clock.advanceMillis(30_000);
    assertThat(process(operator, row(1L, "c"))).containsExactly(insert(1L, "c", 1L, "ann v1"));
    operator.endBatch(Long.MIN_VALUE, batch -> {});
    clock.advanceMillis(30_000);
    assertThat(process(operator, row(1L, "d"))).containsExactly(insert(1L, "d", 1L, "ann v2"));
  }

  @Test
  void aFirstLoadThatFailsFailsTheQueryNamingTheTable() {
    VersionedLoader loader = new VersionedLoader();
    loader.failing = true;
    Operator operator =
        instance(lookup(JoinType.INNER, loader, Duration.ZERO, Clock.systemUTC()), "q", 0);

    assertThatThrownBy(() -> process(operator, row(1L, "a")))
        .isInstanceOf(RivuletException.class)
        .hasMessageContaining("table users")
        .hasMessageContaining("being rewritten")
        .extracting(e -> ((RivuletException) e).category())
        .isEqualTo(RivuletException.Category.CONNECTOR);
  }

  @Test
  void aTableReadWithOtherColumnTypesIsRejected() {
    Schema wrong = schema("id", VARCHAR, "name", VARCHAR);
    LookupJoinFactory plan =
        lookup(
            JoinType.INNER,
            () -> Batch.ofRows(wrong, List.<Object[]>of(row("1", "ann"))),
            Duration.ZERO,
            Clock.systemUTC());

    assertThatThrownBy(() -> process(instance(plan, "q", 0), row(1L, "a")))
        .isInstanceOf(RivuletException.class)
        .hasMessageContaining("declared as (id BIGINT, name VARCHAR)");
  }

  @Test
  void rightAndFullJoinsAreRefusedWhenPlanned() {
    assertThatThrownBy(() -> lookup(JoinType.RIGHT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use an INNER, LEFT, SEMI or ANTI join");
    assertThatThrownBy(() -> lookup(JoinType.FULL)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void explainNamesTheTableKeysAndRefresh() {
    assertThat(lookup(JoinType.LEFT).explain())
        .isEqualTo("LookupJoin(type=LEFT, table=users, keys=[user_id = id])");
    assertThat(
            lookup(JoinType.INNER, () -> null, Duration.ofMinutes(5), Clock.systemUTC()).explain())
        .isEqualTo("LookupJoin(type=INNER, table=users, keys=[user_id = id], refresh=5 min)");
    assertThat(lookup(JoinType.INNER).stateful()).isFalse();
  }

  @Test
  void randomStreamsMatchAPlainJoinOverOneAndFourPartitions() {
    for (int seed = 0; seed < 100; seed++) {
      Random random = new Random(seed);
      List<Object[]> table = new ArrayList<>();
      for (int i = random.nextInt(12); i > 0; i--) {
        table.add(row(randomKey(random), "t" + random.nextInt(3)));
      }
      List<Change> stream = new ArrayList<>();
      for (int i = random.nextInt(40); i > 0; i--) {
        RowKind kind = RowKind.values()[random.nextInt(4)];
        stream.add(Change.of(kind, randomKey(random), "p" + random.nextInt(3)));
      }
      JoinType type =
          List.of(JoinType.INNER, JoinType.LEFT, JoinType.SEMI, JoinType.ANTI)
              .get(random.nextInt(4));
      LookupJoinFactory plan =
          lookup(type, () -> Batch.ofRows(TABLE, table), Duration.ZERO, Clock.systemUTC());

      List<Change> expected = reference(type, table, stream);
      for (int parallelism : new int[] {1, 4}) {
        List<Change> actual = runPartitioned(plan, stream, parallelism, random);
        assertThat(sortedChanges(actual))
            .as("seed %d, %s join, %d partition(s)", seed, type, parallelism)
            .isEqualTo(sortedChanges(expected));
      }
    }
  }

  private static Long randomKey(Random random) {
    return random.nextInt(8) == 0 ? null : (long) random.nextInt(5);
  }

  /** Runs the stream cut at random into micro-batches, split over partitions by the keys. */
  private static List<Change> runPartitioned(
      LookupJoinFactory plan, List<Change> stream, int parallelism, Random random) {
    Operator[] instances = new Operator[parallelism];
    for (int i = 0; i < parallelism; i++) {
      instances[i] = plan.create(new OperatorContext("random", i, parallelism));
    }
    List<Change> output = new ArrayList<>();
    int position = 0;
    while (position < stream.size()) {
      int end = Math.min(stream.size(), position + 1 + random.nextInt(8));
      Batch batch = batchOf(STREAM, stream.subList(position, end));
      position = end;
      Batch[] parts =
          Partitioner.split(
              batch, Partitioner.partitionsOf(batch, BY_ID, parallelism), parallelism);
      for (int i = 0; i < parallelism; i++) {
        if (parts[i] != null) {
          instances[i].process(parts[i], emitted -> output.addAll(changesOf(emitted)));
        }
      }
      for (Operator instance : instances) {
        instance.endBatch(Long.MIN_VALUE, emitted -> output.addAll(changesOf(emitted)));
      }
    }
    for (Operator instance : instances) {
      instance.finish(emitted -> output.addAll(changesOf(emitted)));
      assertThat(instance.stateSize()).isZero();
      instance.close();
    }
    assertThat(plan.sharedTables()).isZero();
    return output;
  }

  /** Each stream row joined with the table the plain way, keeping its kind. */
  private static List<Change> reference(JoinType type, List<Object[]> table, List<Change> stream) {
    List<Change> expected = new ArrayList<>();
    for (Change change : stream) {
      Object[] streamRow = change.values().toArray();
      List<Object[]> matches = new ArrayList<>();
      for (Object[] tableRow : table) {
        if (JoinTesting.keysEqual(streamRow, BY_ID, tableRow, BY_ID)) {
          matches.add(tableRow);
        }
      }
      if (type == JoinType.SEMI || type == JoinType.ANTI) {
        if (matches.isEmpty() == (type == JoinType.ANTI)) {
          expected.add(change);
        }
        continue;
      }
      for (Object[] match : matches) {
        expected.add(new Change(change.kind(), JoinTesting.concat(streamRow, match, 2, 2)));
      }
      if (matches.isEmpty() && type == JoinType.LEFT) {
        expected.add(new Change(change.kind(), JoinTesting.concat(streamRow, null, 2, 2)));
      }
    }
    return expected;
  }

  private static List<String> sortedChanges(List<Change> changes) {
    List<String> text = new ArrayList<>();
    for (Change change : changes) {
      text.add(change.toString());
    }
    text.sort(Comparator.naturalOrder());
    return text;
  }

  @Test
  void inputOrderIsKeptWithinABatch() {
    Operator operator = instance(lookup(JoinType.LEFT), "q", 0);
    Object[][] reversed = CLICKS.clone();
    java.util.Collections.reverse(Arrays.asList(reversed));

    assertThat(process(operator, reversed))
        .extracting(change -> change.values().get(1))
        .containsExactly("y", "x", "cart", "cart", "home");
  }
}
