package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.type.Schema;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table of a lookup join as all partitions of one query share it: loaded when first needed,
 * reloaded once the refresh interval has passed, each version an immutable {@link TableIndex}.
 *
 * <p>Thread-safe: partitions read the current version without locking; the one that finds it
 * missing or due for a refresh loads the next while the others wait for it. A refresh that fails
 * keeps the version before and is tried again an interval later; a first load that fails fails the
 * query.
 */
final class LookupTable {
  private static final Logger LOG = LoggerFactory.getLogger(LookupTable.class);

  private final String tableName;
  private final Schema tableSchema;
  private final JoinKeys keys;
  private final TableSnapshotLoader loader;
  private final long refreshMillis;
  private final Clock clock;

  private volatile TableIndex current;

  /** When the next refresh is due, in the clock's epoch millis; meaningless without refresh. */
  private volatile long nextRefreshMillis;

  /** How many operator instances use this table; guarded by the factory's registry. */
  private int users;

  LookupTable(
      String tableName,
      Schema tableSchema,
      int[] tableKeys,
      TableSnapshotLoader loader,
      Duration refreshInterval,
      Clock clock) {
    this.tableName = tableName;
    this.tableSchema = tableSchema;
    this.keys = new JoinKeys(tableKeys);
    this.loader = loader;
    this.refreshMillis = refreshInterval.toMillis();
    this.clock = clock;
  }

  /** The version to join with now, loading or reloading it first when needed. */
  TableIndex snapshot() {
    TableIndex index = current;
    if (index != null && !refreshDue()) {
      return index;
    }
    synchronized (this) {
      if (current == null) {
        long started = clock.millis();
        current = load();
        nextRefreshMillis = started + refreshMillis;
      } else if (refreshDue()) {
        long started = clock.millis();
        try {
          current = load();
        } catch (RivuletException e) {
          LOG.warn(
              "refreshing table {} failed; joining with the rows loaded before: {}",
              tableName,
              e.getMessage());
        }
        nextRefreshMillis = started + refreshMillis;
      }
      return current;
    }
  }

  private boolean refreshDue() {
    return refreshMillis > 0 && clock.millis() >= nextRefreshMillis;
  }

  private TableIndex load() {
    Batch rows;
    try {
      rows = loader.load();
    } catch (RivuletException e) {
      throw e;
    } catch (Exception e) {
      throw new RivuletException(
          RivuletException.Category.CONNECTOR,
          "could not read table " + tableName + " for a lookup join: " + e.getMessage(),
          e);
    }
    check(rows);
    return TableIndex.build(rows, keys);
  }

  private void check(Batch rows) {
    if (rows == null) {
      throw new RivuletException(
          RivuletException.Category.CONNECTOR,
          "reading table " + tableName + " for a lookup join gave no batch of rows");
    }
    boolean sameTypes = rows.columnCount() == tableSchema.size();
    for (int c = 0; sameTypes && c < tableSchema.size(); c++) {
      sameTypes = rows.column(c).type() == tableSchema.type(c);
    }
    if (!sameTypes) {
      throw new RivuletException(
          RivuletException.Category.CONNECTOR,
          "table "
              + tableName
              + " was read as "
              + rows.schema()
              + " but is declared as "
              + tableSchema
              + "; the lookup join needs the declared columns");
    }
    for (int row = 0; row < rows.rowCount(); row++) {
      if (rows.kind(row) != RowKind.INSERT) {
        throw new RivuletException(
            RivuletException.Category.CONNECTOR,
            "table "
                + tableName
                + " was read with a "
                + rows.kind(row).shortName()
                + " row; a lookup join needs a table of plain rows");
      }
    }
  }

  /** Counts one more operator instance using this table. Called under the registry's lock. */
  void acquire() {
    users++;
  }

  /** Counts one instance less; returns whether none is left. Called under the registry's lock. */
  boolean release() {
    return --users <= 0;
  }
}
