package io.rivulet.runtime.operator.aggregate;

import static io.rivulet.runtime.operator.aggregate.AggregateTesting.changes;
import static io.rivulet.runtime.operator.aggregate.AggregateTesting.delete;
import static io.rivulet.runtime.operator.aggregate.AggregateTesting.insert;
import static io.rivulet.runtime.operator.aggregate.AggregateTesting.row;
import static io.rivulet.runtime.operator.aggregate.AggregateTesting.rows;
import static io.rivulet.runtime.operator.aggregate.AggregateTesting.schema;
import static io.rivulet.runtime.operator.aggregate.AggregateTesting.updateAfter;
import static io.rivulet.runtime.operator.aggregate.AggregateTesting.updateBefore;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.DECIMAL;
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.operator.aggregate.AggregateTesting.Harness;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GroupAggregateOperatorTest {
  private static final Schema WORDS = schema("word", VARCHAR);
  private static final Schema SALES = schema("item", VARCHAR, "price", BIGINT);

  private static Harness harness(
      Schema input, int[] keys, boolean changelog, AggregateCall... calls) {
    return new Harness(AggregateTesting.factory(input, keys, changelog, List.of(calls)));
  }

  private static Harness appendOnly(Schema input, int[] keys, AggregateCall... calls) {
    return harness(input, keys, false, calls);
  }

  private static AggregateCall call(AggregateKind kind, int argument, DataType type) {
    return AggregateCall.of(kind, argument, type, kind.name().toLowerCase(Locale.ROOT));
  }

  @Test
  void wordCountEmitsInsertsThenUpdatePairsAcrossThreeMicroBatches() {
    Harness harness = appendOnly(WORDS, new int[] {0}, AggregateCall.countStar("c"));

    assertThat(harness.microBatch(rows(WORDS, row("hello"), row("world"), row("hello"))))
        .containsExactly(insert("hello", 2L), insert("world", 1L));
    assertThat(harness.microBatch(rows(WORDS, row("hello"), row("rivulet"))))
        .containsExactly(
            updateBefore("hello", 2L), updateAfter("hello", 3L), insert("rivulet", 1L));
    assertThat(
            harness.microBatch(
                rows(WORDS, row("world")), rows(WORDS, row("world"), row("hello"))))
        .containsExactly(
            updateBefore("world", 1L),
            updateAfter("world", 3L),
            updateBefore("hello", 3L),
            updateAfter("hello", 4L));
    assertThat(harness.operator.stateSize()).isEqualTo(3);
  }

  @Test
  void microBatchWithoutInputEmitsNoBatchAtAll() {
    Harness harness = appendOnly(WORDS, new int[] {0}, AggregateCall.countStar("c"));

    assertThat(harness.microBatch()).isEmpty();
    assertThat(harness.microBatch(Batch.empty(WORDS))).isEmpty();
    assertThat(harness.finish()).isEmpty();
    assertThat(harness.emitted).isEmpty();
  }

  @Test
  void groupWhoseResultDidNotChangeEmitsNothing() {
    Harness harness =
        appendOnly(
            SALES,
            new int[] {0},
            call(AggregateKind.SUM, 1, BIGINT),
            call(AggregateKind.MAX, 1, BIGINT));

    assertThat(harness.microBatch(rows(SALES, row("pen", 5L), row("ink", 3L))))
        .containsExactly(insert("pen", 5L, 5L), insert("ink", 3L, 3L));
    // Adding zero changes neither the sum nor the maximum.
    assertThat(harness.microBatch(rows(SALES, row("pen", 0L)))).isEmpty();
    assertThat(harness.emitted).hasSize(1);
    assertThat(harness.microBatch(rows(SALES, row("pen", 0L), row("ink", 1L))))
        .containsExactly(updateBefore("ink", 3L, 3L), updateAfter("ink", 4L, 3L));
  }

  @Test
  void countOfColumnSkipsNullsButCountStarDoesNot() {
    Harness harness =
        appendOnly(
            SALES,
            new int[] {0},
            AggregateCall.countStar("rows"),
            call(AggregateKind.COUNT, 1, BIGINT));

    assertThat(
            harness.microBatch(
                rows(SALES, row("pen", 1L), row("pen", null), row("ink", null), row("pen", 2L))))
        .containsExactly(insert("pen", 3L, 2L), insert("ink", 1L, 0L));
    assertThat(harness.microBatch(rows(SALES, row("ink", null))))
        .containsExactly(updateBefore("ink", 1L, 0L), updateAfter("ink", 2L, 0L));
  }

  @Test
  void nullGroupKeysFormOneGroup() {
    Harness harness =
        appendOnly(SALES, new int[] {0}, call(AggregateKind.SUM, 1, BIGINT));

    assertThat(
            harness.microBatch(
                rows(SALES, row(null, 1L), row("pen", 2L), row(null, 3L))))
        .containsExactly(insert(null, 4L), insert("pen", 2L));
    assertThat(harness.microBatch(rows(SALES, row(null, 10L))))
        .containsExactly(updateBefore(null, 4L), updateAfter(null, 14L));
    assertThat(harness.operator.stateSize()).isEqualTo(2);
  }

  @Test
  void countDistinctCountsEachValueOnceAcrossMicroBatches() {
    Schema visits = schema("page", VARCHAR, "user", VARCHAR);
    Harness harness =
        appendOnly(
            visits,
            new int[] {0},
            new AggregateCall(AggregateKind.COUNT, 1, true, BIGINT, "users"),
            AggregateCall.countStar("visits"));

    assertThat(
            harness.microBatch(
                rows(
                    visits,
                    row("home", "ann"),
                    row("home", "bob"),
                    row("home", "ann"),
                    row("about", null))))
        .containsExactly(insert("home", 2L, 3L), insert("about", 0L, 1L));
    assertThat(harness.microBatch(rows(visits, row("home", "bob"), row("about", "cy"))))
        .containsExactly(
            updateBefore("home", 2L, 3L),
            updateAfter("home", 2L, 4L),
            updateBefore("about", 0L, 1L),
            updateAfter("about", 1L, 2L));
  }

  @Test
  void sumOfBigintAndOfIntegerKeepsTheResultTypes() {
    Schema input = schema("k", VARCHAR, "big", BIGINT, "small", INTEGER);
    Harness harness =
        appendOnly(
            input,
            new int[] {0},
            call(AggregateKind.SUM, 1, BIGINT),
            AggregateCall.of(AggregateKind.SUM, 2, INTEGER, "small_sum"));

    assertThat(
            harness.microBatch(
                rows(input, row("a", 4_000_000_000L, 1), row("a", 1L, null), row("b", null, null))))
        .containsExactly(insert("a", 4_000_000_001L, 1), insert("b", null, null));
    assertThat(harness.microBatch(rows(input, row("b", -2L, 7))))
        .containsExactly(updateBefore("b", null, null), updateAfter("b", -2L, 7));
  }

  @Test
  void sumOfDoubleAndOfDecimal() {
    Schema input = schema("k", VARCHAR, "ratio", DOUBLE, "amount", DECIMAL);
    Harness harness =
        appendOnly(
            input,
            new int[] {0},
            call(AggregateKind.SUM, 1, DOUBLE),
            AggregateCall.of(AggregateKind.SUM, 2, DECIMAL, "total"));

    assertThat(
            harness.microBatch(
                rows(
                    input,
                    row("a", 0.5, new BigDecimal("0.10")),
                    row("a", 0.25, new BigDecimal("0.20")),
                    row("a", null, null))))
        .containsExactly(insert("a", 0.75, new BigDecimal("0.30")));
    assertThat(harness.microBatch(rows(input, row("a", 1.0, new BigDecimal("-0.05")))))
        .containsExactly(
            updateBefore("a", 0.75, new BigDecimal("0.30")),
            updateAfter("a", 1.75, new BigDecimal("0.25")));
  }

  @Test
  void minMaxAndAverageOfBigint() {
    Harness harness =
        appendOnly(
            SALES,
            new int[] {0},
            call(AggregateKind.MIN, 1, BIGINT),
            call(AggregateKind.MAX, 1, BIGINT),
            call(AggregateKind.AVG, 1, BIGINT));

    assertThat(
            harness.microBatch(
                rows(SALES, row("a", 4L), row("a", 1L), row("a", null), row("b", null))))
        .containsExactly(insert("a", 1L, 4L, 2L), insert("b", null, null, null));
    // AVG of BIGINT truncates toward zero: (4 + 1 - 12) / 3 = -7 / 3 = -2, not -3.
    assertThat(harness.microBatch(rows(SALES, row("a", -12L))))
        .containsExactly(updateBefore("a", 1L, 4L, 2L), updateAfter("a", -12L, 4L, -2L));
  }

  @Test
  void averageOfDoubleAndOfDecimal() {
    Schema input = schema("k", VARCHAR, "ratio", DOUBLE, "amount", DECIMAL);
    Harness harness =
        appendOnly(
            input,
            new int[] {0},
            call(AggregateKind.AVG, 1, DOUBLE),
            AggregateCall.of(AggregateKind.AVG, 2, DECIMAL, "mean"));

    assertThat(
            harness.microBatch(
                rows(
                    input,
                    row("a", 1.0, new BigDecimal("1.00")),
                    row("a", 2.0, new BigDecimal("2.00")),
                    row("a", 2.0, new BigDecimal("2.00")))))
        .containsExactly(insert("a", 5.0 / 3, new BigDecimal("1.66")));
  }

  @Test
  void minAndMaxOfStringsAndTimestamps() {
    Schema input = schema("k", BIGINT, "name", VARCHAR, "at", TIMESTAMP);
    Harness harness =
        appendOnly(
            input,
            new int[] {0},
            call(AggregateKind.MIN, 1, VARCHAR),
            call(AggregateKind.MAX, 1, VARCHAR),
            AggregateCall.of(AggregateKind.MAX, 2, TIMESTAMP, "latest"));

    assertThat(
            harness.microBatch(
                rows(
                    input,
                    row(1L, "pear", 2_000L),
                    row(1L, "apple", 1_000L),
                    row(1L, null, null),
                    row(1L, "quince", 1_500L))))
        .containsExactly(insert(1L, "apple", "quince", 2_000L));
  }

  @Test
  void multiColumnKeysGroupOnAllColumnsIncludingNulls() {
    Schema input = schema("city", VARCHAR, "year", INTEGER, "amount", BIGINT);
    Harness harness =
        appendOnly(
            input, new int[] {1, 0}, call(AggregateKind.SUM, 2, BIGINT));

    assertThat(
            harness.microBatch(
                rows(
                    input,
                    row("oslo", 2024, 1L),
                    row("oslo", 2025, 2L),
                    row("rome", 2024, 3L),
                    row("oslo", 2024, 4L),
                    row(null, 2024, 5L),
                    row(null, 2024, 6L))))
        .containsExactly(
            insert(2024, "oslo", 5L),
            insert(2025, "oslo", 2L),
            insert(2024, "rome", 3L),
            insert(2024, null, 11L));
    assertThat(harness.operator.stateSize()).isEqualTo(4);
  }

  @Test
  void decimalKeysEqualInValueFormOneGroupShownAsFirstSeen() {
    Schema input = schema("price", DECIMAL);
    Harness harness = appendOnly(input, new int[] {0}, AggregateCall.countStar("c"));

    assertThat(
            harness.microBatch(
                rows(input, row(new BigDecimal("1.50")), row(new BigDecimal("1.5")))))
        .containsExactly(insert(new BigDecimal("1.50"), 2L));
  }

  @Test
  void globalAggregateInsertsOnceItsFirstRowArrivesThenUpdates() {
    Harness harness =
        appendOnly(
            SALES, new int[] {}, AggregateCall.countStar("c"), call(AggregateKind.SUM, 1, BIGINT));

    assertThat(harness.microBatch(Batch.empty(SALES))).isEmpty();
    assertThat(harness.microBatch(rows(SALES, row("pen", 2L), row("ink", 3L))))
        .containsExactly(insert(2L, 5L));
    assertThat(harness.microBatch(rows(SALES, row("pen", null))))
        .containsExactly(updateBefore(2L, 5L), updateAfter(3L, 5L));
    assertThat(harness.operator.stateSize()).isEqualTo(1);
  }

  @Test
  void globalAggregateIsDeletedWhenAllItsRowsAreRetracted() {
    Harness harness = harness(SALES, new int[] {}, true, AggregateCall.countStar("c"));

    assertThat(harness.microBatch(rows(SALES, row("pen", 2L)))).containsExactly(insert(1L));
    assertThat(harness.microBatch(changes(SALES, delete("pen", 2L))))
        .containsExactly(delete(1L));
    assertThat(harness.operator.stateSize()).isZero();
  }

  @Test
  void changelogInputRetractsAndDeletesGroupsThatEmpty() {
    // The input is itself an updating aggregate: per word its count. Grouping by that count
    // answers "how many words occur n times".
    Schema counts = schema("word", VARCHAR, "n", BIGINT);
    Harness harness =
        harness(
            counts,
            new int[] {1},
            true,
            AggregateCall.countStar("words"),
            AggregateCall.of(AggregateKind.MIN, 0, VARCHAR, "first_word"));

    assertThat(harness.microBatch(changes(counts, insert("a", 1L), insert("b", 1L))))
        .containsExactly(insert(1L, 2L, "a"));
    assertThat(
            harness.microBatch(
                changes(counts, updateBefore("a", 1L), updateAfter("a", 2L))))
        .containsExactly(
            updateBefore(1L, 2L, "a"), updateAfter(1L, 1L, "b"), insert(2L, 1L, "a"));
    assertThat(
            harness.microBatch(
                changes(counts, updateBefore("b", 1L), updateAfter("b", 2L))))
        .containsExactly(delete(1L, 1L, "b"), updateBefore(2L, 1L, "a"), updateAfter(2L, 2L, "a"));
    assertThat(harness.operator.stateSize()).isEqualTo(1);
    assertThat(harness.microBatch(changes(counts, delete("a", 2L), delete("b", 2L))))
        .containsExactly(delete(2L, 2L, "a"));
    assertThat(harness.operator.stateSize()).isZero();
  }

  @Test
  void sumAndAverageTurnNullWhenTheirLastNonNullValueIsRetracted() {
    Harness harness =
        harness(
            SALES,
            new int[] {0},
            true,
            call(AggregateKind.SUM, 1, BIGINT),
            call(AggregateKind.AVG, 1, BIGINT),
            AggregateCall.countStar("c"));

    assertThat(harness.microBatch(changes(SALES, insert("pen", 4L), insert("pen", null))))
        .containsExactly(insert("pen", 4L, 4L, 2L));
    assertThat(harness.microBatch(changes(SALES, delete("pen", 4L))))
        .containsExactly(updateBefore("pen", 4L, 4L, 2L), updateAfter("pen", null, null, 1L));
  }

  @Test
  void groupInsertedAndRetractedWithinOneMicroBatchEmitsNothing() {
    Harness harness = harness(SALES, new int[] {0}, true, AggregateCall.countStar("c"));

    assertThat(harness.microBatch(changes(SALES, insert("pen", 1L), delete("pen", 1L))))
        .isEmpty();
    assertThat(harness.emitted).isEmpty();
    assertThat(harness.operator.stateSize()).isZero();
  }

  @Test
  void groupRetractedAndReinsertedWithinOneMicroBatchEmitsAnUpdateOrNothing() {
    Harness harness = harness(SALES, new int[] {0}, true, call(AggregateKind.SUM, 1, BIGINT));

    assertThat(harness.microBatch(changes(SALES, insert("pen", 1L)))).hasSize(1);
    assertThat(harness.microBatch(changes(SALES, delete("pen", 1L), insert("pen", 1L))))
        .isEmpty();
    assertThat(harness.microBatch(changes(SALES, delete("pen", 1L), insert("pen", 3L))))
        .containsExactly(updateBefore("pen", 1L), updateAfter("pen", 3L));
  }

  @Test
  void retractionForAnUnknownGroupIsIgnored() {
    Harness harness = harness(SALES, new int[] {0}, true, AggregateCall.countStar("c"));

    assertThat(harness.microBatch(changes(SALES, delete("pen", 1L)))).isEmpty();
    assertThat(harness.operator.stateSize()).isZero();
    assertThat(harness.microBatch(changes(SALES, insert("pen", 1L))))
        .containsExactly(insert("pen", 1L));
  }

  @Test
  void minAndMaxUnderRetractionOfTheCurrentExtreme() {
    Harness harness =
        harness(
            SALES,
            new int[] {0},
            true,
            call(AggregateKind.MIN, 1, BIGINT),
            call(AggregateKind.MAX, 1, BIGINT));

    assertThat(
            harness.microBatch(
                changes(SALES, insert("a", 3L), insert("a", 1L), insert("a", 5L), insert("a", 1L))))
        .containsExactly(insert("a", 1L, 5L));
    // One of the two 1s goes: the minimum stays.
    assertThat(harness.microBatch(changes(SALES, delete("a", 1L)))).isEmpty();
    assertThat(harness.microBatch(changes(SALES, delete("a", 1L))))
        .containsExactly(updateBefore("a", 1L, 5L), updateAfter("a", 3L, 5L));
    assertThat(harness.microBatch(changes(SALES, updateBefore("a", 5L), updateAfter("a", 2L))))
        .containsExactly(updateBefore("a", 3L, 5L), updateAfter("a", 2L, 3L));
    assertThat(harness.microBatch(changes(SALES, delete("a", 2L), delete("a", 3L))))
        .containsExactly(delete("a", 2L, 3L));
  }

  @Test
  void countDistinctUnderRetraction() {
    Harness harness =
        harness(
            SALES,
            new int[] {0},
            true,
            new AggregateCall(AggregateKind.COUNT, 1, true, BIGINT, "prices"),
            new AggregateCall(AggregateKind.SUM, 1, true, BIGINT, "distinct_sum"));

    assertThat(
            harness.microBatch(
                changes(SALES, insert("a", 2L), insert("a", 2L), insert("a", 7L))))
        .containsExactly(insert("a", 2L, 9L));
    assertThat(harness.microBatch(changes(SALES, delete("a", 2L)))).isEmpty();
    assertThat(harness.microBatch(changes(SALES, delete("a", 2L))))
        .containsExactly(updateBefore("a", 2L, 9L), updateAfter("a", 1L, 7L));
  }

  @Test
  void finishEmitsChangesPendingSinceTheLastMicroBatch() {
    Harness harness = appendOnly(WORDS, new int[] {0}, AggregateCall.countStar("c"));

    harness.operator.process(rows(WORDS, row("tail")), harness.emitted::add);
    assertThat(harness.finish()).containsExactly(insert("tail", 1L));
    assertThat(harness.finish()).isEmpty();
  }

  @Test
  void closeDropsTheState() {
    Harness harness = appendOnly(WORDS, new int[] {0}, AggregateCall.countStar("c"));
    harness.microBatch(rows(WORDS, row("a"), row("b")));

    harness.operator.close();

    assertThat(harness.operator.stateSize()).isZero();
  }
}
