package io.rivulet.runtime.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Connectors;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatagenSourceTest {
  static final Schema ALL_TYPES =
      Schema.of(
          Field.of("b", DataType.BOOLEAN),
          Field.of("t", DataType.TINYINT),
          Field.of("s", DataType.SMALLINT),
          Field.of("i", DataType.INTEGER),
          Field.of("l", DataType.BIGINT),
          Field.of("f", DataType.FLOAT),
          Field.of("d", DataType.DOUBLE),
          new Field("m", DataType.DECIMAL, true, "DECIMAL(6, 2)"),
          new Field("v", DataType.VARCHAR, true, "VARCHAR(5)"),
          Field.of("w", DataType.VARCHAR),
          new Field("ts", DataType.TIMESTAMP, true, "TIMESTAMP(3)"),
          Field.of("dt", DataType.DATE),
          Field.of("tm", DataType.TIME));

  static ConnectorContext context(Schema schema, int parallelism, String... keysAndValues) {
    Map<String, String> options = new HashMap<>();
    options.put("connector", "datagen");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new ConnectorContext(
        "g", schema, new Options("stream 'g'", options), false, parallelism, 1000, System.out);
  }

  static List<String> readAll(Source source) {
    List<String> rows = new ArrayList<>();
    for (int round = 0; round < 1_000_000; round++) {
      List<SourcePartition> partitions = source.partitions();
      if (partitions.isEmpty()) {
        rows.sort(null);
        return rows;
      }
      for (SourcePartition partition : partitions) {
        Batch batch = partition.read(1000);
        for (Object[] row : batch.rows()) {
          rows.add(Arrays.toString(row));
        }
      }
    }
    throw new AssertionError("the source never ended");
  }

  private static Source source(int parallelism, String... keysAndValues) {
    return new DatagenConnector().createSource(context(ALL_TYPES, parallelism, keysAndValues));
  }

  @Test
  void valuesHaveTheirColumnsJavaTypesAndRanges() {
    Source source = source(1, "number-of-rows", "2000", "rows-per-second", "1000000000");
    List<Object[]> rows = new ArrayList<>();
    while (!source.partitions().isEmpty()) {
      rows.addAll(source.partitions().get(0).read(500).rows());
    }
    assertThat(rows).hasSize(2000);
    for (Object[] row : rows) {
      assertThat(row[0]).isInstanceOf(Boolean.class);
      assertThat(row[1]).isInstanceOf(Byte.class);
      assertThat(row[2]).isInstanceOf(Short.class);
      assertThat(row[3]).isInstanceOf(Integer.class);
      assertThat(row[4]).isInstanceOf(Long.class);
      assertThat(row[5]).isInstanceOf(Float.class);
      assertThat((Double) row[6]).isBetween(0.0, 1.0);
      BigDecimal decimal = (BigDecimal) row[7];
      assertThat(decimal.scale()).isEqualTo(2);
      assertThat(decimal.abs()).isLessThan(new BigDecimal("1000000"));
      assertThat((String) row[8]).hasSizeBetween(1, 5).matches("[A-Za-z0-9]+");
      assertThat((String) row[9]).hasSizeBetween(1, 16);
      assertThat(row[10]).isInstanceOf(Long.class);
      assertThat((Integer) row[11]).isBetween(10_957, 21_915);
      assertThat((Integer) row[12]).isBetween(0, 86_399_999);
    }
    assertThat(rows.stream().map(row -> row[0]).distinct()).hasSize(2);
    assertThat(rows.stream().map(row -> row[4]).distinct()).hasSize(2000);
  }

  @Test
  void sameSeedGivesSameRowsWhateverThePartitioning() {
    List<String> one = readAll(source(1, "number-of-rows", "3001", "rows-per-second", "1000000000"));
    List<String> three =
        readAll(source(3, "number-of-rows", "3001", "rows-per-second", "1000000000"));
    List<String> otherSeed =
        readAll(
            source(1, "number-of-rows", "3001", "rows-per-second", "1000000000", "seed", "9"));
    assertThat(one).hasSize(3001);
    assertThat(three).isEqualTo(one);
    assertThat(otherSeed).isNotEqualTo(one);
  }

  @Test
  void timestampsAdvanceWithTheRowNumberAtTheRate() {
    Schema schema = Schema.of(new Field("ts", DataType.TIMESTAMP, true, "TIMESTAMP(3)"));
    Source source =
        new DatagenConnector()
            .createSource(
                context(schema, 2, "number-of-rows", "100", "rows-per-second", "1000000000"));
    List<Long> times = new ArrayList<>();
    while (!source.partitions().isEmpty()) {
      for (SourcePartition partition : source.partitions()) {
        for (Object[] row : partition.read(1000).rows()) {
          times.add((Long) row[0]);
        }
      }
    }
    assertThat(times).hasSize(100).allMatch(t -> t == DatagenValues.BASE_TIME);
  }

  @Test
  void defaultRateLimitsTheRows() {
    Source source = source(1);
    assertThat(source.bounded()).isFalse();
    SourcePartition partition = source.partitions().get(0);
    // At 10,000 rows/s, 3,000 rows take 0.3 s less the first burst. Only a lower bound on the
    // time holds on a busy machine: a descheduled reader falls behind, it never gets ahead.
    long started = System.nanoTime();
    long rows = 0;
    while (rows < 3000) {
      rows += partition.read(1000).rowCount();
    }
    assertThat(System.nanoTime() - started).isGreaterThan(200_000_000L);
  }

  @Test
  void unsupportedTypesAndBadOptionsAreReported() {
    Schema arrays = Schema.of(new Field("a", DataType.ARRAY, true, "VARCHAR ARRAY"));
    assertThatThrownBy(() -> new DatagenConnector().validateSource(context(arrays, 1)))
        .hasMessageContaining("cannot generate column 'a' of type VARCHAR ARRAY");
    assertThatThrownBy(
            () -> new DatagenConnector().validateSource(context(ALL_TYPES, 1, "rows-per-second", "0")))
        .hasMessageContaining("'rows-per-second' must be a whole number >= 1");
    assertThatThrownBy(
            () -> new DatagenConnector().validateSource(context(ALL_TYPES, 1, "rows", "5")))
        .hasMessageContaining("unknown option 'rows'");
    assertThat(Connectors.of(new Options("s", Map.of("connector", "datagen"))))
        .isInstanceOf(DatagenConnector.class);
  }
}
