package io.rivulet.bench.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DecimalVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowHasherTest {
  static final Schema SCHEMA =
      Schema.of(
          Field.of("k", DataType.VARCHAR),
          Field.of("n", DataType.BIGINT),
          Field.of("d", DataType.DECIMAL));

  private static long checksum(List<Object[]> rows, RowKind... kinds) {
    BatchBuilder builder = new BatchBuilder(SCHEMA, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      builder.appendRow(rows.get(i), kinds.length == 0 ? RowKind.INSERT : kinds[i]);
    }
    ChecksumSink sink = new ChecksumSink();
    sink.write(0, 0, builder.build());
    return sink.checksum();
  }

  @Test
  void theChecksumIgnoresRowOrderAndBatching() {
    Object[] a = {"a", 1L, new BigDecimal("1.50")};
    Object[] b = {"b", 2L, null};
    Object[] c = {null, 3L, new BigDecimal("2")};
    long together = checksum(List.of(a, b, c));
    assertThat(checksum(List.of(c, a, b))).isEqualTo(together);
    ChecksumSink split = new ChecksumSink();
    split.write(0, 1, Batch.ofRows(SCHEMA, List.<Object[]>of(b)));
    split.write(1, 0, Batch.ofRows(SCHEMA, List.of(c, a)));
    assertThat(split.checksum()).isEqualTo(together);
    assertThat(split.resultRows()).isEqualTo(3);
    // Equal SQL values hash alike; different rows (even with swapped columns) do not.
    assertThat(checksum(List.<Object[]>of(new Object[] {"a", 1L, new BigDecimal("1.5")})))
        .isEqualTo(checksum(List.<Object[]>of(a)));
    assertThat(checksum(List.<Object[]>of(new Object[] {"b", 1L, new BigDecimal("1.5")})))
        .isNotEqualTo(checksum(List.<Object[]>of(a)));
  }

  @Test
  void decimalsAsUnscaledLongsHashAsTheirBigDecimals() {
    List<Object[]> rows =
        List.of(
            new Object[] {"a", 1L, new BigDecimal("90.800")},
            new Object[] {"b", 2L, null},
            new Object[] {"c", 3L, new BigDecimal("-0.007")},
            new Object[] {"d", 4L, new BigDecimal("0.000")},
            new Object[] {"e", 5L, new BigDecimal("9223372036854775.807")});
    Batch objects = Batch.ofRows(SCHEMA, rows);
    ColumnVector[] columns = {
      objects.column(0),
      objects.column(1),
      new DecimalVector(
          new long[] {90800, 0, -7, 0, Long.MAX_VALUE},
          new boolean[] {false, true, false, false, false},
          3,
          5)
    };
    Batch longs = new Batch(SCHEMA, columns, 5, null);

    assertThat(RowHasher.sumAndCount(longs)).containsExactly(RowHasher.sumAndCount(objects));
  }

  @Test
  void aChangelogSumsToTheTableItLeaves() {
    Object[] first = {"a", 1L, null};
    Object[] second = {"a", 2L, null};
    Object[] other = {"b", 7L, null};
    long changelog =
        checksum(
            List.of(first, first, second, other, other),
            RowKind.INSERT,
            RowKind.UPDATE_BEFORE,
            RowKind.UPDATE_AFTER,
            RowKind.INSERT,
            RowKind.DELETE);
    assertThat(changelog).isEqualTo(checksum(List.<Object[]>of(second)));
  }
}
