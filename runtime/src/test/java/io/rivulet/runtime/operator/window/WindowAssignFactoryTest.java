package io.rivulet.runtime.operator.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssignFactoryTest {
  private static final Schema INPUT = Schema.of(Field.of("k", DataType.VARCHAR), Field.of("ts", DataType.TIMESTAMP));
  private static final Schema OUTPUT = INPUT.concat(
      Schema.of(Field.of("window_start", DataType.TIMESTAMP), Field.of("window_end", DataType.TIMESTAMP)));

  private static List<String> assign(WindowSpec window, Object[]... rows) {
    Operator operator = new WindowAssignFactory(OUTPUT, 1, window).create(new OperatorContext("q", 0, 1));
    List<String> out = new ArrayList<>();
    operator.process(Batch.ofRows(INPUT, List.of(rows)), batch -> batch.rows().forEach(r -> out.add(Arrays.toString(r))));
    return out;
  }

  @Test
  void aTumblingWindowHoldsEachRowOnceAndABoundaryRowOpensTheNextWindow() {
    assertThat(assign(WindowSpec.Tumble.of(10), new Object[] {"a", 9L}, new Object[] {"b", 10L}, new Object[] {"c", -1L}))
        .containsExactly("[a, 9, 0, 10]", "[b, 10, 10, 20]", "[c, -1, -10, 0]");
  }

  @Test
  void aHoppingWindowRepeatsARowInEveryWindowThatContainsIt() {
    assertThat(assign(WindowSpec.Hop.of(5, 10), new Object[] {"a", 7L}))
        .containsExactly("[a, 7, 5, 15]", "[a, 7, 0, 10]");
    assertThat(assign(WindowSpec.Hop.of(10, 4), new Object[] {"gap", 6L}, new Object[] {"in", 12L}))
        .containsExactly("[in, 12, 10, 14]");
  }

  @Test
  void rowsWithoutATimeAreDropped() {
    assertThat(assign(WindowSpec.Tumble.of(10), new Object[] {"a", null})).isEmpty();
  }

  @Test
  void sessionsCannotBeAssignedRowByRow() {
    assertThatThrownBy(() -> new WindowAssignFactory(OUTPUT, 1, new WindowSpec.Session(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
