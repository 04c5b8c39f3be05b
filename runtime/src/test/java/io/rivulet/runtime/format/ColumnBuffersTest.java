package io.rivulet.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnBuffersTest {
  private static final Schema SCHEMA =
      Schema.of(
          Field.of("n", DataType.BIGINT),
          Field.of("d", DataType.DOUBLE),
          Field.of("b", DataType.BOOLEAN),
          Field.of("s", DataType.VARCHAR),
          Field.of("x", DataType.DECIMAL));

  private static List<List<Object>> rows(Batch batch) {
    return batch.rows().stream().map(Arrays::asList).toList();
  }

  private static void row(ColumnBuffers rows, long n, double d, boolean b, String s) {
    rows.setLong(0, n);
    rows.setDouble(1, d);
    rows.setBoolean(2, b);
    rows.setObject(3, s);
    rows.setNull(4);
    rows.endRow();
  }

  @Test
  void buildsTheEndedRowsAndStartsOver() {
    ColumnBuffers rows = new ColumnBuffers(SCHEMA, null, 1);
    row(rows, 1, 1.5, true, "a");
    rows.setNull(0);
    rows.setNull(1);
    rows.setNull(2);
    rows.setNull(3);
    rows.setObject(4, new BigDecimal("2.50"));
    rows.endRow();
    row(rows, 3, 3.5, false, "c");

    Batch batch = rows.build();
    assertThat(rows(batch))
        .containsExactly(
            Arrays.asList(1L, 1.5, true, "a", null),
            Arrays.asList(null, null, null, null, new BigDecimal("2.50")),
            Arrays.asList(3L, 3.5, false, "c", null));
    assertThat(rows.rowCount()).isZero();
    row(rows, 4, 4.5, true, "d");
    assertThat(rows(rows.build())).containsExactly(Arrays.asList(4L, 4.5, true, "d", null));
    assertThat(rows(batch)).hasSize(3);
  }

  @Test
  void aRowNotEndedIsOverwrittenByTheNext() {
    ColumnBuffers rows = new ColumnBuffers(SCHEMA, null, 4);
    rows.setNull(0);
    rows.setNull(1);
    rows.setObject(3, "abandoned");
    row(rows, 7, 7.5, false, "kept");

    assertThat(rows(rows.build())).containsExactly(Arrays.asList(7L, 7.5, false, "kept", null));
  }

  @Test
  void aColumnWithoutNullsInABatchHasNoNullMask() {
    ColumnBuffers rows = new ColumnBuffers(SCHEMA, null, 4);
    rows.setNull(0);
    rows.setNull(1);
    rows.setNull(2);
    rows.setNull(3);
    rows.setNull(4);
    rows.endRow();
    assertThat(rows.build().column(0).isNull(0)).isTrue();

    row(rows, 1, 1, true, "a");
    Batch batch = rows.build();
    assertThat(((LongVector) batch.column(0)).nulls()).isNull();
    assertThat(batch.column(0).isNull(0)).isFalse();
  }

  @Test
  void fullBuffersAreHandedOverAndPartlyFullOnesCopied() {
    ColumnBuffers rows = new ColumnBuffers(SCHEMA, null, 2);
    rows.limit(4);
    for (int i = 0; i < 4; i++) {
      row(rows, i, i, true, "r" + i);
    }
    Batch full = rows.build();
    assertThat(((LongVector) full.column(0)).values()).hasSize(4);
    for (int i = 0; i < 3; i++) {
      row(rows, 10 + i, i, false, "s" + i);
    }
    Batch partial = rows.build();
    assertThat(((LongVector) partial.column(0)).values()).containsExactly(10, 11, 12);
    assertThat(rows(full).get(3)).isEqualTo(Arrays.asList(3L, 3.0, true, "r3", null));
  }

  @Test
  void columnsNotNeededAreAllNull() {
    ColumnBuffers rows = new ColumnBuffers(SCHEMA, new boolean[] {false, true, false, true, false}, 4);
    assertThat(rows.needs(0)).isFalse();
    assertThat(rows.needs(1)).isTrue();
    for (int i = 0; i < 3; i++) {
      rows.setDouble(1, i);
      rows.setObject(3, "v" + i);
      rows.endRow();
    }
    Batch batch = rows.build();
    assertThat(rows(batch))
        .containsExactly(
            Arrays.asList(null, 0.0, null, "v0", null),
            Arrays.asList(null, 1.0, null, "v1", null),
            Arrays.asList(null, 2.0, null, "v2", null));
    assertThat(batch.column(0).type()).isEqualTo(DataType.BIGINT);
    assertThat(batch.column(4).size()).isEqualTo(3);
  }
}
