package io.rivulet.runtime.operator.join;

import static io.rivulet.runtime.operator.join.JoinTesting.schema;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.DECIMAL;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.TIMESTAMP;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Join types' output columns, and the checks every join factory makes when it is planned. */
class JoinFactoryTest {
  private static final Schema LEFT =
      new Schema(
          List.of(
              new Field("k", BIGINT, false, "BIGINT"),
              new Field("ts", TIMESTAMP, false, "TIMESTAMP(3)"),
              Field.of("name", VARCHAR)));
  private static final Schema RIGHT =
      new Schema(
          List.of(
              new Field("id", BIGINT, false, "BIGINT"),
              new Field("at", TIMESTAMP, false, "TIMESTAMP(3)")));

  private static List<Boolean> nullability(Schema schema) {
    return schema.fields().stream().map(Field::nullable).toList();
  }

  @Test
  void outerSidesBecomeNullableAndSemiAndAntiKeepTheLeftColumnsOnly() {
    assertThat(nullability(JoinType.INNER.outputSchema(LEFT, RIGHT)))
        .containsExactly(false, false, true, false, false);
    assertThat(nullability(JoinType.LEFT.outputSchema(LEFT, RIGHT)))
        .containsExactly(false, false, true, true, true);
    assertThat(nullability(JoinType.RIGHT.outputSchema(LEFT, RIGHT)))
        .containsExactly(true, true, true, false, false);
    assertThat(nullability(JoinType.FULL.outputSchema(LEFT, RIGHT)))
        .containsExactly(true, true, true, true, true);
    assertThat(JoinType.SEMI.outputSchema(LEFT, RIGHT)).isEqualTo(LEFT);
    assertThat(JoinType.ANTI.outputSchema(LEFT, RIGHT)).isEqualTo(LEFT);
    assertThat(JoinType.FULL.outputSchema(LEFT, RIGHT).names())
        .containsExactly("k", "ts", "name", "id", "at");
    assertThat(JoinType.FULL.outputSchema(LEFT, RIGHT).field(1).typeName())
        .isEqualTo("TIMESTAMP(3)");
  }

  private static HashJoinFactory hashJoin(int[] leftKeys, int[] rightKeys, Schema output) {
    return new HashJoinFactory(
        LEFT, leftKeys, RIGHT, rightKeys, JoinType.INNER, output, Duration.ZERO, Clock.systemUTC());
  }

  @Test
  void keysMustPairUpExistAndShareAType() {
    Schema output = JoinType.INNER.outputSchema(LEFT, RIGHT);

    assertThatThrownBy(() -> hashJoin(new int[] {0, 1}, new int[] {0}, output))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("as many left key columns as right key columns, got 2 and 1");
    assertThatThrownBy(() -> hashJoin(new int[] {5}, new int[] {0}, output))
        .hasMessageContaining("left key refers to column 5");
    assertThatThrownBy(() -> hashJoin(new int[] {2}, new int[] {0}, output))
        .hasMessage(
            "join key name is VARCHAR but id is BIGINT; cast one side so that both keys have one"
                + " type");
    assertThat(hashJoin(new int[] {1}, new int[] {0}, output).explain())
        .as("timestamps and integers are both stored as longs")
        .contains("keys=[ts = id]");
  }

  @Test
  void decimalKeysMeetOnlyDecimalKeys() {
    Schema decimals = schema("d", DECIMAL);
    Schema texts = schema("d", VARCHAR);

    assertThatThrownBy(
            () ->
                new HashJoinFactory(
                    decimals,
                    new int[] {0},
                    texts,
                    new int[] {0},
                    JoinType.INNER,
                    JoinType.INNER.outputSchema(decimals, texts),
                    Duration.ZERO,
                    Clock.systemUTC()))
        .hasMessageContaining("join key d is DECIMAL but d is VARCHAR");
  }

  @Test
  void theOutputSchemaMustHaveTheColumnsTheJoinTypeProduces() {
    assertThatThrownBy(() -> hashJoin(new int[] {0}, new int[] {0}, LEFT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("of join type INNER should have 5 columns");
    Schema renamed = schema("a", BIGINT, "b", TIMESTAMP, "c", VARCHAR, "d", BIGINT, "e", TIMESTAMP);
    assertThat(hashJoin(new int[] {0}, new int[] {0}, renamed).outputSchema())
        .as("names are the planner's to choose")
        .isEqualTo(renamed);
    Schema retyped =
        schema("a", BIGINT, "b", TIMESTAMP, "c", VARCHAR, "d", INTEGER, "e", TIMESTAMP);
    assertThatThrownBy(() -> hashJoin(new int[] {0}, new int[] {0}, retyped))
        .hasMessage("output column d is INTEGER but the join puts id of type BIGINT there");
  }

  @Test
  void aNegativeTimeToLiveIsRefused() {
    assertThatThrownBy(
            () ->
                new HashJoinFactory(
                    LEFT,
                    new int[] {0},
                    RIGHT,
                    new int[] {0},
                    JoinType.INNER,
                    JoinType.INNER.outputSchema(LEFT, RIGHT),
                    Duration.ofSeconds(-1),
                    Clock.systemUTC()))
        .hasMessageContaining("time-to-live must not be negative");
  }

  private static IntervalJoinFactory intervalJoin(int leftTime, long lower, long upper) {
    return new IntervalJoinFactory(
        LEFT,
        new int[] {0},
        leftTime,
        RIGHT,
        new int[] {0},
        1,
        lower,
        upper,
        JoinType.LEFT,
        JoinType.LEFT.outputSchema(LEFT, RIGHT));
  }

  @Test
  void anIntervalJoinNeedsTimestampColumnsAndANonEmptyInterval() {
    assertThatThrownBy(() -> intervalJoin(0, 0, 10))
        .hasMessage("left time column k is BIGINT; it must be a TIMESTAMP column");
    assertThatThrownBy(() -> intervalJoin(1, 10, -11))
        .hasMessageContaining("ts BETWEEN at - 10 ms AND at - 11 ms is empty");
    assertThatThrownBy(() -> intervalJoin(1, -10, -1)).hasMessageContaining("is empty");
    assertThat(intervalJoin(1, 10, -10).explain())
        .as("a single instant is a valid interval")
        .isEqualTo(
            "IntervalJoin(type=LEFT, keys=[k = id], time=ts BETWEEN at - 10 ms AND at - 10 ms)");
    assertThat(intervalJoin(1, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2).lowerMillis())
        .isEqualTo(Long.MAX_VALUE / 2);
  }

  @Test
  void aWindowJoinNeedsTimestampWindowColumns() {
    Schema windowed = schema("k", BIGINT, "window_start", TIMESTAMP, "window_end", TIMESTAMP);
    Schema plain = schema("k", BIGINT, "window_start", TIMESTAMP, "window_end", DataType.BIGINT);

    assertThatThrownBy(
            () ->
                new WindowJoinFactory(
                    windowed,
                    new int[] {0},
                    1,
                    2,
                    plain,
                    new int[] {0},
                    1,
                    2,
                    JoinType.INNER,
                    JoinType.INNER.outputSchema(windowed, plain)))
        .hasMessage("right window_end column window_end is BIGINT; it must be a TIMESTAMP column");
  }

  @Test
  void factoriesKeepCopiesOfTheirKeyArrays() {
    int[] keys = {0};
    HashJoinFactory plan = hashJoin(keys, new int[] {0}, JoinType.INNER.outputSchema(LEFT, RIGHT));
    keys[0] = 2;

    assertThat(plan.leftKeys()).containsExactly(0);
    plan.leftKeys()[0] = 2;
    assertThat(plan.leftKeys()).containsExactly(0);
  }
}
