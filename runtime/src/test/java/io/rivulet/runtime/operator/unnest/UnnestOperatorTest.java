package io.rivulet.runtime.operator.unnest;

import static io.rivulet.runtime.type.DataType.ARRAY;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnnestOperatorTest {
  private static final Schema LINES = schema("id", BIGINT, "line", VARCHAR);
  private static final Schema POSTS = schema("id", BIGINT, "tags", ARRAY);

  private static Schema schema(Object... namesAndTypes) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.add(Field.of((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1]));
    }
    return new Schema(fields);
  }

  /** The factory the planner makes for {@code CROSS/LEFT JOIN UNNEST(SPLIT(line, delimiter))}. */
  private static UnnestFactory split(String delimiter, boolean outer, boolean withOrdinality) {
    Schema output = LINES.concat(schema("word", VARCHAR));
    if (withOrdinality) {
      output = output.concat(schema("pos", INTEGER));
    }
    return new UnnestFactory(
        LINES, output, new UnnestFactory.SplitColumn(1, delimiter), outer, withOrdinality);
  }

  private static UnnestFactory array(DataType elementType, boolean outer, boolean withOrdinality) {
    Schema output = POSTS.concat(schema("tag", elementType));
    if (withOrdinality) {
      output = output.concat(schema("pos", INTEGER));
    }
    return new UnnestFactory(
        POSTS, output, new UnnestFactory.ArrayColumn(1), outer, withOrdinality);
  }

  private static Batch batch(Schema schema, Object[]... rows) {
    return Batch.ofRows(schema, Arrays.asList(rows));
  }

  private static Object[] row(Object... values) {
    return values;
  }

  /** Runs one operator instance over the batches, checking the size of every output batch. */
  private static List<Batch> run(UnnestFactory factory, int maxOutputRows, Batch... inputs) {
    Operator operator = new UnnestOperator(factory, maxOutputRows);
    List<Batch> outputs = new ArrayList<>();
    for (Batch input : inputs) {
      operator.process(input, outputs::add);
    }
    for (Batch output : outputs) {
      assertThat(output.schema()).isEqualTo(factory.outputSchema());
      assertThat(output.rowCount()).as("rows of an output batch").isBetween(1, maxOutputRows);
    }
    return outputs;
  }

  private static List<Batch> run(UnnestFactory factory, Batch... inputs) {
    return run(factory, UnnestOperator.MAX_OUTPUT_ROWS, inputs);
  }

  /**
   * The rows of the output as {@code +I [values]}, over all batches, the same whether output
   * batches hold one row, a few or many.
   */
  private static List<String> rows(UnnestFactory factory, Batch... inputs) {
    List<String> rows = rowsOf(run(factory, inputs));
    for (int maxOutputRows : new int[] {1, 2, 3, 7}) {
      assertThat(rowsOf(run(factory, maxOutputRows, inputs)))
          .as("with output batches of at most %d rows", maxOutputRows)
          .isEqualTo(rows);
    }
    return rows;
  }

  private static List<String> rowsOf(List<Batch> outputs) {
    List<String> rows = new ArrayList<>();
    for (Batch output : outputs) {
      for (int r = 0; r < output.rowCount(); r++) {
        rows.add(output.kind(r).shortName() + " " + Arrays.asList(output.row(r)));
      }
    }
    return rows;
  }

  @Test
  void splitKeepsEmptyPiecesAtTheEndsAndBetweenConsecutiveDelimiters() {
    assertThat(rows(split(",", false, true), batch(LINES, row(1L, ",a,,b,"), row(2L, ","))))
        .containsExactly(
            "+I [1, ,a,,b,, , 1]",
            "+I [1, ,a,,b,, a, 2]",
            "+I [1, ,a,,b,, , 3]",
            "+I [1, ,a,,b,, b, 4]",
            "+I [1, ,a,,b,, , 5]",
            "+I [2, ,, , 1]",
            "+I [2, ,, , 2]");
  }

  @Test
  void nullAndEmptyStringsGiveNoRowsUnlessOuter() {
    Batch input = batch(LINES, row(1L, null), row(2L, ""), row(3L, "x y"));
    assertThat(rows(split(" ", false, false), input))
        .containsExactly("+I [3, x y, x]", "+I [3, x y, y]");
    assertThat(rows(split(" ", true, true), input))
        .containsExactly(
            "+I [1, null, null, null]",
            "+I [2, , null, null]",
            "+I [3, x y, x, 1]",
            "+I [3, x y, y, 2]");
  }

  @Test
  void multiCharacterDelimitersAreFoundLeftToRightWithoutOverlapping() {
    assertThat(
            rows(
                split("--", false, false),
                batch(LINES, row(1L, "a---b"), row(2L, "a----b"), row(3L, "--"), row(4L, "-"))))
        .containsExactly(
            "+I [1, a---b, a]",
            "+I [1, a---b, -b]",
            "+I [2, a----b, a]",
            "+I [2, a----b, ]",
            "+I [2, a----b, b]",
            "+I [3, --, ]",
            "+I [3, --, ]",
            "+I [4, -, -]");
    assertThat(rows(split("aa", false, false), batch(LINES, row(1L, "aaa"))))
        .containsExactly("+I [1, aaa, ]", "+I [1, aaa, a]");
  }

  @Test
  void anEmptyDelimiterGivesTheWholeString() {
    assertThat(rows(split("", false, true), batch(LINES, row(1L, "a b"), row(2L, ""))))
        .containsExactly("+I [1, a b, a b, 1]");
  }

  @Test
  void splitMatchesTheArrayItWouldBuildOnRandomInput() {
    Random random = new Random(7);
    String alphabet = "ab,-é日";
    for (String delimiter : List.of(",", "-", "--", "a-", "日", "")) {
      for (boolean outer : new boolean[] {false, true}) {
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> arrays = new ArrayList<>();
        for (long id = 0; id < 300; id++) {
          String line = null;
          if (random.nextInt(10) > 0) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(random.nextBoolean() ? 6 : 50);
            for (int i = 0; i < length; i++) {
              text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            line = text.toString();
          }
          lines.add(row(id, line));
          arrays.add(row(id, line, line == null ? null : referenceSplit(line, delimiter)));
        }
        Schema withArray = LINES.concat(schema("pieces", ARRAY));
        Schema output = LINES.concat(schema("word", VARCHAR, "pos", INTEGER));
        UnnestFactory fromArray =
            new UnnestFactory(withArray, output, new UnnestFactory.ArrayColumn(2), outer, true);
        // Several batches through one instance, so that reused scratch space is exercised.
        Batch[] lineBatches = {
          Batch.ofRows(LINES, lines.subList(0, 250)), Batch.ofRows(LINES, lines.subList(250, 300))
        };
        Batch[] arrayBatches = {
          Batch.ofRows(withArray, arrays.subList(0, 250)),
          Batch.ofRows(withArray, arrays.subList(250, 300))
        };
        assertThat(rows(split(delimiter, outer, true), lineBatches))
            .as("split at '%s', outer %s", delimiter, outer)
            .isEqualTo(rows(fromArray, arrayBatches));
      }
    }
  }

  @Test
  void splitAtOneCharacterMatchesTheReferenceOnLatin1AndOtherText() {
    Random random = new Random(11);
    // '\0' and 'ÿ' (0xFF) test the byte masks; '?' and '日' send a line the character-wise way.
    String alphabet = "abcdefgh éÿ\0?日";
    for (String delimiter : List.of(" ", "ÿ", "?", "\0", "日")) {
      List<Object[]> lines = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (long id = 0; id < 400; id++) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int piece = 0; piece < pieces; piece++) {
          if (piece > 0) {
            text.append(delimiter);
          }
          // Lengths around the 8 bytes of a long and the 15 packed characters, and beyond.
          int length = random.nextInt(random.nextBoolean() ? 18 : 40);
          for (int i = 0; i < length; i++) {
            int letters = random.nextInt(20) == 0 ? alphabet.length() : 8;
            text.append(alphabet.charAt(random.nextInt(letters)));
          }
        }
        String line = text.toString();
        lines.add(row(id, line));
        if (!line.isEmpty()) {
          for (String piece : referenceSplit(line, delimiter)) {
            expected.add("+I [" + id + ", " + line + ", " + piece + "]");
          }
        }
      }
      assertThat(rows(split(delimiter, false, false), Batch.ofRows(LINES, lines)))
          .as("split at '%s'", delimiter)
          .isEqualTo(expected);
    }
  }

  @Test
  void aWordCutFromALatin1LineIsTheStringCutFromAnotherLineBefore() {
    // The first line has a '?', so it is split a character at a time; the second eight bytes at a
    // time: both must pack a piece alike to find the String cut before.
    String[] words = {"a", "eightchr", "ninechars", "fifteen-chars-x", "sixteen-chars-xy"};
    String first = "? " + String.join(" ", words);
    String second = String.join(" ", words) + " é";
    List<Batch> out =
        run(split(" ", false, false), batch(LINES, row(1L, first), row(2L, second)));
    Batch batch = out.get(0);
    assertThat(batch.rowCount()).isEqualTo(2 * words.length + 2);
    for (int w = 0; w < words.length; w++) {
      Object fromFirst = batch.column(2).get(1 + w);
      Object fromSecond = batch.column(2).get(words.length + 1 + w);
      assertThat(fromSecond).isEqualTo(words[w]).isSameAs(fromFirst);
    }
    assertThat(batch.column(2).get(2 * words.length + 1)).isEqualTo("é");
  }

  /** SPLIT as Calcite's {@code SqlFunctions.split} defines it. */
  private static List<String> referenceSplit(String text, String delimiter) {
    if (text.isEmpty()) {
      return List.of();
    }
    if (delimiter.isEmpty()) {
      return List.of(text);
    }
    List<String> pieces = new ArrayList<>();
    for (int i = 0; ; ) {
      int j = text.indexOf(delimiter, i);
      if (j < 0) {
        pieces.add(text.substring(i));
        return pieces;
      }
      pieces.add(text.substring(i, j));
      i = j + delimiter.length();
    }
  }

  @Test
  void eachElementKeepsTheKindOfItsRow() {
    BatchBuilder builder = new BatchBuilder(LINES, 4);
    builder.appendRow(row(1L, "a,b"), RowKind.UPDATE_BEFORE);
    builder.appendRow(row(2L, ""), RowKind.INSERT);
    builder.appendRow(row(3L, "c,d"), RowKind.UPDATE_AFTER);
    builder.appendRow(row(4L, "e"), RowKind.DELETE);
    assertThat(rows(split(",", false, false), builder.build()))
        .containsExactly(
            "-U [1, a,b, a]", "-U [1, a,b, b]", "+U [3, c,d, c]", "+U [3, c,d, d]", "-D [4, e, e]");
  }

  @Test
  void kindsAndColumnsAreSharedWhenEveryRowGivesOneElement() {
    BatchBuilder builder = new BatchBuilder(LINES, 2);
    builder.appendRow(row(1L, "a"), RowKind.UPDATE_BEFORE);
    builder.appendRow(row(2L, "b"), RowKind.UPDATE_AFTER);
    Batch input = builder.build();
    List<Batch> outputs = new ArrayList<>();
    split(",", false, false).create(new OperatorContext("test", 0, 1)).process(input, outputs::add);
    assertThat(outputs).hasSize(1);
    Batch output = outputs.get(0);
    assertThat(output.column(0)).isSameAs(input.column(0));
    assertThat(output.column(1)).isSameAs(input.column(1));
    assertThat(output.kind(0)).isEqualTo(RowKind.UPDATE_BEFORE);
    assertThat(output.kind(1)).isEqualTo(RowKind.UPDATE_AFTER);
  }

  @Test
  void aBatchWithoutElementsEmitsNothing() {
    assertThat(run(split(",", false, false), batch(LINES, row(1L, null), row(2L, ""))))
        .isEmpty();
  }

  @Test
  void arrayElementsIncludingNullOnesBecomeRows() {
    Batch input =
        batch(
            POSTS,
            row(1L, Arrays.asList("a", null, "b")),
            row(2L, List.of()),
            row(3L, null),
            row(4L, List.of("c")));
    assertThat(rows(array(VARCHAR, false, true), input))
        .containsExactly(
            "+I [1, [a, null, b], a, 1]",
            "+I [1, [a, null, b], null, 2]",
            "+I [1, [a, null, b], b, 3]",
            "+I [4, [c], c, 1]");
    assertThat(rows(array(VARCHAR, true, false), input))
        .containsExactly(
            "+I [1, [a, null, b], a]",
            "+I [1, [a, null, b], null]",
            "+I [1, [a, null, b], b]",
            "+I [2, [], null]",
            "+I [3, null, null]",
            "+I [4, [c], c]");
  }

  @Test
  void numericArrayElementsAreStoredAsTheirType() {
    List<Batch> outputs =
        run(array(BIGINT, false, false), batch(POSTS, row(1L, List.of(3L, 4L))));
    assertThat(outputs.get(0).column(2).get(1)).isEqualTo(4L);
  }

  @Test
  void trailingInputColumnsBeyondTheCarriedOnesAreDropped() {
    Schema input = schema("id", BIGINT, "$unnest", VARCHAR);
    Schema output = schema("id", BIGINT, "word", VARCHAR);
    UnnestFactory factory =
        new UnnestFactory(input, output, new UnnestFactory.SplitColumn(1, " "), false, false);
    assertThat(rows(factory, batch(input, row(1L, "x y"))))
        .containsExactly("+I [1, x]", "+I [1, y]");
    assertThat(factory.explain()).isEqualTo("Unnest(SPLIT($unnest, ' ') AS word)");
  }

  @Test
  void carriedColumnsNothingReadsHoldNullsAndTheOthersTheirRowsValues() {
    Schema output = LINES.concat(schema("word", VARCHAR));
    UnnestFactory factory =
        new UnnestFactory(
            LINES, output, new UnnestFactory.SplitColumn(1, " "), false, false, new boolean[] {false, true});
    List<Batch> outputs =
        run(factory, batch(LINES, row(1L, "a b"), row(2L, "c")), batch(LINES, row(3L, "d e f")));
    assertThat(outputs.get(0).rows())
        .containsExactly(row(1L, null, "a"), row(1L, null, "b"), row(2L, null, "c"));
    assertThat(outputs.get(1).rows())
        .containsExactly(row(3L, null, "d"), row(3L, null, "e"), row(3L, null, "f"));
  }

  @Test
  void anUnreadColumnOfARowWithOneElementIsPassedOnAsItIs() {
    // One element per row: the input's columns are the output's, nothing is copied or nulled.
    Schema output = LINES.concat(schema("word", VARCHAR));
    UnnestFactory factory =
        new UnnestFactory(
            LINES, output, new UnnestFactory.SplitColumn(1, " "), false, false, new boolean[] {true, true});
    assertThat(run(factory, batch(LINES, row(1L, "a"), row(2L, "b"))).get(0).rows())
        .containsExactly(row(1L, "a", "a"), row(2L, "b", "b"));
  }

  @Test
  void unreadFlagsMustNameEachCarriedColumn() {
    Schema output = LINES.concat(schema("word", VARCHAR));
    assertThatThrownBy(
            () ->
                new UnnestFactory(
                    LINES, output, new UnnestFactory.SplitColumn(1, " "), false, false, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unread names 1 carried columns, not 2");
  }

  @Test
  void manyElementsFromOneBatchAndThenFewerFromTheNext() {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      line.append("w").append(i % 100).append(' ');
    }
    Batch big = batch(LINES, row(1L, line.toString()), row(2L, "x y"));
    Batch small = batch(LINES, row(3L, "z"));
    List<Batch> outputs = run(split(" ", false, true), big, small);
    assertThat(outputs).hasSize(2);
    assertThat(outputs.get(0).rowCount()).isEqualTo(5003);
    assertThat(outputs.get(0).row(4999)).containsExactly(1L, line.toString(), "w99", 5000);
    assertThat(outputs.get(0).row(5000)).containsExactly(1L, line.toString(), "", 5001);
    assertThat(outputs.get(0).row(5002)).containsExactly(2L, "x y", "y", 2);
    assertThat(outputs.get(1).rows()).containsExactly(row(3L, "z", "z", 1));
  }

  @Test
  void aLargeOutputIsEmittedInBatchesOfBoundedSize() {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 2500; i++) {
      line.append(i).append(',');
    }
    BatchBuilder builder = new BatchBuilder(LINES, 3);
    builder.appendRow(row(1L, line.toString()), RowKind.UPDATE_AFTER);
    builder.appendRow(row(2L, null), RowKind.INSERT);
    builder.appendRow(row(3L, "a,b"), RowKind.DELETE);
    List<Batch> outputs = run(split(",", true, true), 1000, builder.build());
    assertThat(outputs).extracting(Batch::rowCount).containsExactly(1000, 1000, 504);
    Batch last = outputs.get(2);
    assertThat(last.row(0)).containsExactly(1L, line.toString(), "2000", 2001);
    assertThat(last.row(500)).containsExactly(1L, line.toString(), "", 2501);
    assertThat(last.row(501)).containsExactly(2L, null, null, null);
    assertThat(last.row(503)).containsExactly(3L, "a,b", "b", 2);
    assertThat(last.kind(500)).isEqualTo(RowKind.UPDATE_AFTER);
    assertThat(last.kind(501)).isEqualTo(RowKind.INSERT);
    assertThat(last.kind(503)).isEqualTo(RowKind.DELETE);
    assertThat(outputs.get(1).row(999)).containsExactly(1L, line.toString(), "1999", 2000);
  }

  @Test
  void rowsThatGiveOneElementEachAcrossAFlushAreStillGathered() {
    // Row 1 fills the first output batch; rows 2 and 3 then give one element each, but the
    // second batch holds only two of the three input rows.
    Batch input = batch(LINES, row(1L, "a,b,c"), row(2L, "d"), row(3L, "e"));
    List<Batch> outputs = run(split(",", false, false), 3, input);
    assertThat(outputs).extracting(Batch::rowCount).containsExactly(3, 2);
    assertThat(outputs.get(1).rows()).containsExactly(row(2L, "d", "d"), row(3L, "e", "e"));
  }

  @Test
  void explainNamesTheSourceElementAndOptions() {
    assertThat(split("'", true, true).explain())
        .isEqualTo("Unnest(SPLIT(line, '''') AS word, ordinality AS pos, outer)");
    assertThat(array(VARCHAR, false, false).explain()).isEqualTo("Unnest(tags AS tag)");
  }

  @Test
  void aSplitMustProduceVarchar() {
    assertThatThrownBy(
            () ->
                new UnnestFactory(
                    LINES,
                    LINES.concat(schema("n", BIGINT)),
                    new UnnestFactory.SplitColumn(1, ","),
                    false,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the pieces of a split are VARCHAR, not BIGINT");
  }
}
