package io.rivulet.runtime.connector.nexmark;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers to open nexmark sources and read them to their end, as a bounded query does. */
final class NexmarkTesting {
  private NexmarkTesting() {}

  static ConnectorContext context(
      String name, Schema schema, int parallelism, String... keysAndValues) {
    Map<String, String> options = new HashMap<>();
    options.put("connector", "nexmark");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new ConnectorContext(
        name,
        schema,
        new Options("stream '" + name + "'", options),
        false,
        parallelism,
        Integer.MAX_VALUE,
        System.out);
  }

  static Source source(NexmarkTable table, int parallelism, String... keysAndValues) {
    return new NexmarkConnector()
        .createSource(context(table.optionName(), table.schema(), parallelism, keysAndValues));
  }

  /** Every row of every partition, partition after partition, {@code maxRows} at a time. */
  static List<List<Object>> readAll(Source source, int maxRows) {
    List<List<Object>> rows = new ArrayList<>();
    for (int round = 0; round < 1_000_000; round++) {
      List<SourcePartition> partitions = source.partitions();
      if (partitions.isEmpty()) {
        return rows;
      }
      for (SourcePartition partition : partitions) {
        Batch batch = partition.read(maxRows);
        if (batch.rowCount() > maxRows) {
          throw new AssertionError("read more than " + maxRows + " rows");
        }
        for (Object[] row : batch.rows()) {
          rows.add(Arrays.asList(row));
        }
      }
    }
    throw new AssertionError("the source never ended");
  }

  /** The rows sorted by their text, to compare as multisets. */
  static List<String> sorted(List<List<Object>> rows) {
    return rows.stream().map(Object::toString).sorted().toList();
  }
}
