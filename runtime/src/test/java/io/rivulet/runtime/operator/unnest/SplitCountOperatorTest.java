package io.rivulet.runtime.operator.unnest;

import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.aggregate.LocalCountFactory;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SplitCountOperatorTest {
  private static final Schema LINES = schema("id", BIGINT, "line", VARCHAR);
  private static final Schema WORDS = schema("id", BIGINT, "line", VARCHAR, "word", VARCHAR);
  private static final Schema COUNTS = schema("word", VARCHAR, "c", BIGINT, "cw", BIGINT);
  private static final OperatorContext CONTEXT = new OperatorContext("q", 0, 1);

  /** Short and long, empty, Latin-1 and wider words, some holding the delimiters tried. */
  private static final String[] VOCABULARY = {
    "the", "a", "", "of", "eightchr", "ninechars", "fifteen-chars-x", "sixteen-chars-xy",
    "a-word-much-longer-than-thirty-two-characters", "é", "ÿÿÿÿÿÿÿÿÿ", "grüße", "日本語", "what?",
    "x-y", "ü", "語x", "Aa", "BB", "15-characters-é", "15-characters-日", "seventeen-chars-é"
  };

  private static Schema schema(Object... namesAndTypes) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.add(Field.of((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1]));
    }
    return new Schema(fields);
  }

  private static Operator fused(String delimiter) {
    return new SplitCountFactory(LINES, 1, delimiter, COUNTS).create(CONTEXT);
  }

  /** What the planner built before the fusion: the unnest, then a count keyed by the piece. */
  private static List<Batch> unfused(String delimiter, List<List<Batch>> microBatches) {
    UnnestOperator unnest =
        new UnnestOperator(
            new UnnestFactory(LINES, WORDS, new UnnestFactory.SplitColumn(1, delimiter), false, false),
            1000);
    Operator count = new LocalCountFactory(WORDS, new int[] {2}, new int[] {-1, 2}, COUNTS).create(CONTEXT);
    List<Batch> out = new ArrayList<>();
    for (List<Batch> microBatch : microBatches) {
      for (Batch batch : microBatch) {
        unnest.process(batch, words -> count.process(words, out::add));
      }
      count.endBatch(Long.MIN_VALUE, out::add);
    }
    return out;
  }

  private static List<Batch> run(Operator operator, List<List<Batch>> microBatches) {
    List<Batch> out = new ArrayList<>();
    for (List<Batch> microBatch : microBatches) {
      for (Batch batch : microBatch) {
        operator.process(batch, out::add);
      }
      operator.endBatch(Long.MIN_VALUE, out::add);
    }
    return out;
  }

  /** Random micro-batches of lines of Zipf-distributed words, with NULL and empty lines. */
  private static List<List<Batch>> randomLines(Random random, String delimiter, int microBatches) {
    List<List<Batch>> result = new ArrayList<>();
    long id = 0;
    for (int m = 0; m < microBatches; m++) {
      List<Batch> batches = new ArrayList<>();
      for (int b = random.nextInt(3); b >= 0; b--) {
        List<Object[]> rows = new ArrayList<>();
        for (int r = random.nextInt(40); r > 0; r--) {
          int kind = random.nextInt(20);
          String line;
          if (kind == 0) {
            line = null;
          } else if (kind == 1) {
            line = "";
          } else {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(12); w >= 0; w--) {
              if (text.length() > 0 || w % 3 == 0) {
                text.append(delimiter);
              }
              text.append(zipfWord(random));
            }
            line = text.toString();
          }
          rows.add(new Object[] {id++, line});
        }
        batches.add(Batch.ofRows(LINES, rows));
      }
      result.add(batches);
    }
    return result;
  }

  private static String zipfWord(Random random) {
    // Rank r with probability about 1/r: the first words of the vocabulary recur most.
    double u = random.nextDouble();
    int rank = (int) Math.floor(Math.pow(VOCABULARY.length + 1, u)) - 1;
    if (random.nextInt(50) == 0) {
      return "rare" + random.nextInt(1000);
    }
    return VOCABULARY[Math.min(rank, VOCABULARY.length - 1)];
  }

  /** Per micro-batch output, the rows as a multiset. */
  private static Map<List<Object>, Integer> multiset(Batch batch) {
    Map<List<Object>, Integer> rows = new HashMap<>();
    for (Object[] row : batch.rows()) {
      rows.merge(Arrays.asList(row), 1, Integer::sum);
    }
    return rows;
  }

  @Test
  void emitsWhatTheUnnestAndTheLocalCountEmitForRandomLinesAndDelimiters() {
    for (String delimiter : new String[] {" ", "?", "ü", "-", "--", "日", "e "}) {
      for (int seed = 0; seed < 20; seed++) {
        List<List<Batch>> input = randomLines(new Random(seed), delimiter, 6);
        List<Batch> expected = unfused(delimiter, input);
        List<Batch> actual = run(fused(delimiter), input);

        assertThat(actual).as("delimiter [%s] seed %d", delimiter, seed).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
          assertThat(actual.get(i).schema()).isEqualTo(COUNTS);
          assertThat(multiset(actual.get(i)))
              .as("delimiter [%s] seed %d output %d", delimiter, seed, i)
              .isEqualTo(multiset(expected.get(i)));
        }
      }
    }
  }

  @Test
  void nullAndEmptyLinesHaveNoPiecesAndConsecutiveDelimitersGiveEmptyOnes() {
    Operator operator = fused(" ");
    List<Batch> out = new ArrayList<>();
    operator.process(
        Batch.ofRows(LINES, List.of(new Object[] {1L, null}, new Object[] {2L, ""})), out::add);
    operator.endBatch(Long.MIN_VALUE, out::add);
    assertThat(out).as("nothing to count, nothing emitted").isEmpty();

    operator.process(
        Batch.ofRows(LINES, List.<Object[]>of(new Object[] {3L, " a  a "}, new Object[] {4L, " "})),
        out::add);
    operator.endBatch(Long.MIN_VALUE, out::add);
    assertThat(out).hasSize(1);
    assertThat(multiset(out.get(0)))
        .isEqualTo(Map.of(List.of("", 5L, 5L), 1, List.of("a", 2L, 2L), 1));
  }

  @Test
  void countsStayRightWhenTheTableGrowsAndIsEmptiedBetweenMicroBatches() {
    List<Object[]> rows = new ArrayList<>();
    Map<String, Long> expected = new HashMap<>();
    for (int i = 0; i < SplitCountOperator.KEEP_KEYS + 5000; i++) {
      String word = Integer.toString(i, 36);
      rows.add(new Object[] {(long) i, word + " " + word + " x"});
      expected.put(word, 2L);
    }
    expected.merge("x", (long) rows.size(), Long::sum);
    Operator operator = fused(" ");
    for (int round = 0; round < 2; round++) {
      List<Batch> out = new ArrayList<>();
      operator.process(Batch.ofRows(LINES, rows), out::add);
      operator.process(Batch.ofRows(LINES, List.<Object[]>of(new Object[] {0L, "x"})), out::add);
      operator.endBatch(Long.MIN_VALUE, out::add);

      assertThat(out).hasSize(1);
      Map<String, Long> counted = new HashMap<>();
      for (Object[] row : out.get(0).rows()) {
        assertThat(counted.put((String) row[0], (Long) row[1])).as("each word once").isNull();
        assertThat(row[2]).isEqualTo(row[1]);
      }
      Map<String, Long> want = new HashMap<>(expected);
      want.merge("x", 1L, Long::sum);
      assertThat(counted).as("round %d", round).isEqualTo(want);
    }
  }

  @Test
  void explainsTheSplitAndTheCounts() {
    assertThat(new SplitCountFactory(LINES, 1, "it's", COUNTS).explain())
        .isEqualTo("SplitCount(SPLIT(line, 'it''s') AS word, counts=[COUNT(*) AS c, COUNT(*) AS cw],"
            + " per=micro-batch)");
  }

  @Test
  void rejectsAnEmptyDelimiterAndAColumnThatIsNotText() {
    assertThatThrownBy(() -> new SplitCountFactory(LINES, 1, "", COUNTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a split count needs a delimiter that is not empty");
    assertThatThrownBy(() -> new SplitCountFactory(LINES, 0, " ", COUNTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not VARCHAR");
  }
}
