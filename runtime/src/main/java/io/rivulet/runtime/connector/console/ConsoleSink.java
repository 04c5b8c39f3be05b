package io.rivulet.runtime.connector.console;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.format.TableRenderer;
import io.rivulet.runtime.type.Schema;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints each committed micro-batch to the console as a header block naming the batch and a table
 * of its rows (with an {@code op} column for a changelog); an empty batch prints nothing. Rows
 * written by the partitions of a batch are held until its commit and printed together, in partition
 * order.
 *
 * <pre>
 * -------------------------------------------
 * Batch: 3
 * -------------------------------------------
 * +------+-------+
 * | word | count |
 * +------+-------+
 * | cat  |     2 |
 * +------+-------+
 * </pre>
 */
public final class ConsoleSink implements Sink {
  private static final String RULE = "-------------------------------------------";

  private final Schema schema;
  private final boolean changelog;
  private final PrintStream console;

  /** Per batch, per partition, the rows written and not yet committed. */
  private final Map<Long, Map<Integer, List<Batch>>> pending = new HashMap<>();

  ConsoleSink(Schema schema, boolean changelog, PrintStream console) {
    this.schema = schema;
    this.changelog = changelog;
    this.console = console;
  }

  @Override
  public synchronized void write(long batchId, int partition, Batch batch) {
    if (batch.isEmpty()) {
      return;
    }
    pending
        .computeIfAbsent(batchId, id -> new TreeMap<>())
        .computeIfAbsent(partition, p -> new ArrayList<>())
        .add(batch);
  }

  @Override
  public void commit(long batchId) {
    Map<Integer, List<Batch>> partitions;
    synchronized (this) {
      partitions = pending.remove(batchId);
    }
    if (partitions == null) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    List<RowKind> kinds = new ArrayList<>();
    for (List<Batch> batches : partitions.values()) {
      for (Batch batch : batches) {
        for (int r = 0; r < batch.rowCount(); r++) {
          rows.add(batch.row(r));
          kinds.add(batch.kind(r));
        }
      }
    }
    String table = TableRenderer.render(schema, rows, changelog ? kinds : null);
    String text = String.format(Locale.ROOT, "%s\nBatch: %d\n%s\n%s\n", RULE, batchId, RULE, table);
    synchronized (console) {
      console.print(text);
      console.flush();
    }
  }
}
