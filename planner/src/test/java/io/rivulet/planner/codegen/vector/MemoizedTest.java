package io.rivulet.planner.codegen.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class MemoizedTest {
  private static final Schema SCHEMA = new Schema(List.of(Field.of("s", DataType.VARCHAR)));

  /** LOWER of column 0, counting the strings it lowers; local 0 is the column's dictionary. */
  private final AtomicInteger lowered = new AtomicInteger();
  private final StringDictionary.Encode encode = new StringDictionary.Encode(0);
  private final Memoized lower =
      new Memoized(
          new Strings.Map(
              new Leaves.InputColumn(0),
              s -> {
                lowered.incrementAndGet();
                return Strings.lower(s);
              }),
          new Leaves.LocalRef(0),
          Representation.OBJECT);

  @Test
  void eachDistinctStringIsComputedOnceAndFoundByEqualityAfterwards() {
    assertThat(evaluate(lower, "Apple", "GOOGLE", "Apple", "apple", "GOOGLE"))
        .containsExactly("apple", "google", "apple", "apple", "google");
    assertThat(lowered).hasValue(3);
    // New instances of the same strings (as a CSV parser makes them) are found by equality.
    assertThat(evaluate(lower, new String("GOOGLE"), new String("Apple"), new String("Apple")))
        .containsExactly("google", "apple", "apple");
    assertThat(lowered).hasValue(3);
    assertThat(lower.table().hits()).isEqualTo(5);
    assertThat(lower.table().computed()).isEqualTo(3);
  }

  @Test
  void aNullStringIsEvaluatedByTheBodyOncePerEvaluation() {
    AtomicInteger nulls = new AtomicInteger();
    VectorExpression orNone =
        (frame, rows) -> {
          Object[] x = ((Values.Objects) frame.column(0)).values();
          Object[] out = new Object[frame.size()];
          for (int i = 0; i < rows.count(); i++) {
            int row = rows.positions()[i];
            if (x[row] == null) {
              nulls.incrementAndGet();
            }
            out[row] = x[row] == null ? "none" : Strings.lower((String) x[row]);
          }
          return new Values.Objects(out);
        };
    Memoized memo = new Memoized(orNone, new Leaves.LocalRef(0), Representation.OBJECT);
    assertThat(evaluate(memo, null, "A", null, "A", null)).containsExactly("none", "a", "none", "a", "none");
    assertThat(nulls).hasValue(1);
  }

  @Test
  void longResultsKeepTheirNulls() {
    AtomicInteger measured = new AtomicInteger();
    ToIntFunction<String> length =
        s -> {
          measured.incrementAndGet();
          return s.length();
        };
    Memoized memo =
        new Memoized(
            new Strings.Measure(new Leaves.InputColumn(0), length), new Leaves.LocalRef(0), Representation.LONG);
    Batch batch = batch("abc", null, "abc", "", null);
    Values.Longs values = (Values.Longs) memo.evaluate(frame(batch), Rows.all(5));
    assertThat(values.values()[0]).isEqualTo(3);
    assertThat(values.values()[2]).isEqualTo(3);
    assertThat(values.values()[3]).isZero();
    assertThat(values.isNull(1)).isTrue();
    assertThat(values.isNull(4)).isTrue();
    assertThat(values.isNull(0) || values.isNull(2) || values.isNull(3)).isFalse();
    assertThat(measured).hasValue(2);
  }

  @Test
  void onlyTheRowsAskedForAreEvaluated() {
    Batch batch = batch("A", "B", "C", "B");
    Rows some = Rows.of(new int[] {1, 3}, 2);
    Values.Objects values = (Values.Objects) lower.evaluate(frame(batch), some);
    assertThat(values.values()[1]).isEqualTo("b");
    assertThat(values.values()[3]).isEqualTo("b");
    assertThat(lowered).hasValue(1);
  }

  @Test
  void aFullDictionaryIsEmptiedAndItsIdsForgotten() {
    int distinct = StringDictionary.MAX_ENTRIES + 100;
    // Each string three times, so that the dictionary does not take the data for unique.
    String[] values = new String[3 * distinct];
    for (int i = 0; i < values.length; i++) {
      values[i] = "S" + i / 3;
    }
    Object[] first = evaluate(lower, values);
    for (int i = 0; i < values.length; i++) {
      assertThat(first[i]).isEqualTo("s" + i / 3);
    }
    StringDictionary dictionary = encode.dictionary();
    assertThat(dictionary.size()).isEqualTo(StringDictionary.MAX_ENTRIES);
    long generation = dictionary.generation();
    // The strings past the limit have no id: each of their rows was computed.
    assertThat(lowered).hasValue(StringDictionary.MAX_ENTRIES + 300);
    // The next batch empties the dictionary: ids are reused for other strings.
    assertThat(evaluate(lower, "S5", "X", "S5")).containsExactly("s5", "x", "s5");
    assertThat(dictionary.generation()).isGreaterThan(generation);
    assertThat(dictionary.size()).isEqualTo(2);
    assertThat(lowered).hasValue(StringDictionary.MAX_ENTRIES + 302);
    assertThat(evaluate(lower, "X", "S5")).containsExactly("x", "s5");
    assertThat(lowered).hasValue(StringDictionary.MAX_ENTRIES + 302);
  }

  @Test
  void uniqueStringsMakeTheDictionaryStandAsideForLongerAndLonger() {
    StringDictionary dictionary = new StringDictionary();
    int next = 0;
    // Full, and most rows new: it stands aside for 1, then 2, then 4 evaluations.
    for (int expected = 1; expected <= 4; expected *= 2) {
      assertThat(dictionary.use()).isTrue();
      for (int i = 0; i < StringDictionary.MAX_ENTRIES; i++) {
        assertThat(dictionary.id("u" + next++)).isGreaterThanOrEqualTo(0);
      }
      for (int i = 0; i < StringDictionary.SAMPLE_ROWS; i++) {
        assertThat(dictionary.id("u" + next++)).isEqualTo(Values.Ids.NONE);
      }
      dictionary.account(StringDictionary.MAX_ENTRIES + StringDictionary.SAMPLE_ROWS);
      assertThat(dictionary.size()).isZero();
      for (int skipped = 0; skipped < expected; skipped++) {
        assertThat(dictionary.use()).as("stand-aside %d of %d", skipped, expected).isFalse();
      }
    }
    assertThat(dictionary.use()).isTrue();
  }

  @Test
  void newStringsWhileTheDictionaryFillsAreNoReasonToStandAside() {
    StringDictionary dictionary = new StringDictionary();
    assertThat(dictionary.use()).isTrue();
    for (int i = 0; i < StringDictionary.MAX_ENTRIES - 1; i++) {
      dictionary.id("u" + i);
    }
    dictionary.account(StringDictionary.MAX_ENTRIES - 1);
    assertThat(dictionary.use()).isTrue();
    assertThat(dictionary.size()).isEqualTo(StringDictionary.MAX_ENTRIES - 1);
  }

  @Test
  void repeatedStringsAfterAStandAsideResetItsLength() {
    StringDictionary dictionary = new StringDictionary();
    fillWithUniqueStrings(dictionary, "u");
    assertThat(dictionary.use()).isFalse();
    fillWithUniqueStrings(dictionary, "v");
    assertThat(dictionary.use()).isFalse();
    assertThat(dictionary.use()).isFalse();
    assertThat(dictionary.use()).isTrue();
    for (int i = 0; i < StringDictionary.SAMPLE_ROWS; i++) {
      dictionary.id("r" + (i % 10));
    }
    dictionary.account(StringDictionary.SAMPLE_ROWS);
    assertThat(dictionary.use()).isTrue();
    assertThat(dictionary.size()).isEqualTo(10);
    // Proved wrong, the stand-aside starts again from one evaluation.
    fillWithUniqueStrings(dictionary, "w");
    assertThat(dictionary.use()).isFalse();
    assertThat(dictionary.use()).isTrue();
  }

  private static void fillWithUniqueStrings(StringDictionary dictionary, String prefix) {
    int rows = StringDictionary.MAX_ENTRIES + StringDictionary.SAMPLE_ROWS;
    for (int i = 0; i < rows; i++) {
      dictionary.id(prefix + i);
    }
    dictionary.account(rows);
  }

  @Test
  void whenTheDictionaryStandsAsideTheBodyEvaluatesEveryRow() {
    fillWithUniqueStrings(encode.dictionary(), "u");
    assertThat(evaluate(lower, "A", "A", "A")).containsExactly("a", "a", "a");
    assertThat(lowered).hasValue(3);
    assertThat(evaluate(lower, "A", "A", "A")).containsExactly("a", "a", "a");
    assertThat(lowered).hasValue(4);
  }

  @Test
  void aStringTheBodyCannotComputeSendsTheBatchToTheRowPathAndIsForgotten() {
    Memoized memo =
        new Memoized(
            new Strings.Map(
                new Leaves.InputColumn(0),
                s -> {
                  lowered.incrementAndGet();
                  if (s.equals("bad")) {
                    throw new IllegalArgumentException(s);
                  }
                  return Strings.lower(s);
                }),
            new Leaves.LocalRef(0),
            Representation.OBJECT);
    assertThatThrownBy(() -> evaluate(memo, "A", "bad", "B")).isSameAs(NeedsRowPath.INSTANCE);
    int before = lowered.get();
    assertThat(evaluate(memo, "A", "B", "A")).containsExactly("a", "b", "a");
    // Nothing of the failed evaluation was kept: A and B are computed again.
    assertThat(lowered.get() - before).isEqualTo(2);
  }

  @Test
  void eachThreadHasItsOwnDictionaryAndTable() throws Exception {
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> workers = new ArrayList<>();
    ConcurrentHashMap<String, Object> results = new ConcurrentHashMap<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int round = 0; round < 200; round++) {
                    String[] values = new String[64];
                    for (int i = 0; i < values.length; i++) {
                      values[i] = "V" + ((i * 7 + round + id) % 50);
                    }
                    Object[] lowered = evaluate(lower, values);
                    for (int i = 0; i < values.length; i++) {
                      if (!lowered[i].equals(values[i].toLowerCase(java.util.Locale.ROOT))) {
                        throw new AssertionError(values[i] + " gave " + lowered[i]);
                      }
                    }
                  }
                  results.put("computed-" + id, lower.table().computed());
                  results.put("dictionary-" + id, encode.dictionary());
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    assertThat(failures).isEmpty();
    for (int t = 0; t < threads; t++) {
      // Each thread computed each of the 50 strings once, in its own table.
      assertThat(results.get("computed-" + t)).isEqualTo(50L);
      assertThat(((StringDictionary) results.get("dictionary-" + t)).size()).isEqualTo(50);
    }
    assertThat(results.values().stream().filter(v -> v instanceof StringDictionary).distinct()).hasSize(threads);
    assertThat(lowered).hasValue(50 * threads);
  }

  private Object[] evaluate(Memoized memo, String... values) {
    Batch batch = batch(values);
    Values.Objects result = (Values.Objects) memo.evaluate(frame(batch), Rows.all(values.length));
    return java.util.Arrays.copyOf(result.values(), values.length);
  }

  private Frame frame(Batch batch) {
    return new Frame(batch, new VectorExpression[] {encode});
  }

  private static Batch batch(String... values) {
    List<Object[]> rows = new ArrayList<>();
    for (String value : values) {
      rows.add(new Object[] {value});
    }
    return Batch.ofRows(SCHEMA, rows);
  }
}
