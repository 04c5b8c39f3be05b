package io.rivulet.runtime.operator.aggregate;

import static io.rivulet.runtime.operator.aggregate.AggregateTesting.row;
import static io.rivulet.runtime.operator.aggregate.AggregateTesting.schema;
import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalCountFactoryTest {
  private static final Schema WORDS = schema("word", VARCHAR, "n", BIGINT);
  private static final Schema COUNTS = schema("word", VARCHAR, "c", BIGINT, "cn", BIGINT);

  private static LocalCountFactory factory() {
    return new LocalCountFactory(WORDS, new int[] {0}, new int[] {-1, 1}, COUNTS);
  }

  private static Batch batch(Object[]... rows) {
    return Batch.ofRows(WORDS, Arrays.asList(rows));
  }

  @Test
  void countsRowsAndNonNullValuesPerKeyOverAMicroBatchInOrderOfFirstAppearance() {
    Operator operator = factory().create(new OperatorContext("q", 0, 1));
    List<Batch> out = new ArrayList<>();
    operator.process(batch(row("b", 1L), row("a", null), row("b", 2L)), out::add);
    operator.process(batch(row(null, 3L), row("a", 4L), row("b", null)), out::add);
    assertThat(out).as("nothing before the end of the micro-batch").isEmpty();

    operator.endBatch(Long.MIN_VALUE, out::add);

    assertThat(out).hasSize(1);
    assertThat(out.get(0).schema()).isEqualTo(COUNTS);
    assertThat(out.get(0).rows())
        .containsExactly(row("b", 3L, 2L), row("a", 2L, 1L), row(null, 1L, 1L));
  }

  @Test
  void eachMicroBatchStartsFromNothing() {
    Operator operator = factory().create(new OperatorContext("q", 0, 1));
    List<Batch> out = new ArrayList<>();
    operator.process(batch(row("a", 1L), row("b", 1L)), out::add);
    operator.endBatch(Long.MIN_VALUE, out::add);
    operator.endBatch(Long.MIN_VALUE, out::add);
    operator.process(batch(row("b", null)), out::add);
    operator.endBatch(Long.MIN_VALUE, out::add);

    assertThat(out).as("an empty micro-batch emits nothing").hasSize(2);
    assertThat(out.get(1).rows()).containsExactly(row("b", 1L, 0L));
  }

  @Test
  void keysThatHardlyRepeatPassThroughCountingOneForTheRestOfTheMicroBatch() {
    Operator operator = factory().create(new OperatorContext("q", 0, 1));
    List<Batch> out = new ArrayList<>();
    List<Object[]> unique = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      unique.add(row("w" + i, i % 2 == 0 ? null : i));
    }
    operator.process(Batch.ofRows(WORDS, unique), out::add);
    assertThat(out).as("the counts so far, once counting did not pay").hasSize(1);
    assertThat(out.get(0).rowCount()).isEqualTo(20_000);
    assertThat(out.get(0).row(1)).containsExactly("w1", 1L, 1L);

    operator.process(batch(row("x", null), row("x", 5L)), out::add);
    assertThat(out).hasSize(2);
    assertThat(out.get(1).rows()).containsExactly(row("x", 1L, 0L), row("x", 1L, 1L));
    operator.endBatch(Long.MIN_VALUE, out::add);
    assertThat(out).as("nothing was left to count").hasSize(2);

    // The next micro-batch counts again.
    operator.process(batch(row("x", null), row("x", 5L)), out::add);
    operator.endBatch(Long.MIN_VALUE, out::add);
    assertThat(out).hasSize(3);
    assertThat(out.get(2).rows()).containsExactly(row("x", 2L, 1L));
  }

  @Test
  void explainsAsCounts() {
    assertThat(factory().explain())
        .isEqualTo("LocalCount(keys=[word], counts=[COUNT(*) AS c, COUNT(n) AS cn], per=micro-batch)");
    assertThat(factory().stateful()).isFalse();
  }

  @Test
  void countsMustBeBigintColumnsAfterTheKeys() {
    assertThatThrownBy(
            () -> new LocalCountFactory(WORDS, new int[] {0}, new int[] {-1}, schema("word", VARCHAR, "c", VARCHAR)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count c must be BIGINT, not VARCHAR");
    assertThatThrownBy(() -> new LocalCountFactory(WORDS, new int[] {0}, new int[] {-1, 1}, schema("word", VARCHAR)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("should have 1 key column(s) and 2 count(s)");
  }
}
