package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.batch.Batch;

/**
 * Reads the whole of a bounded table for a lookup join, for example by running the table's source
 * to its end.
 *
 * <p>It is called once when a query first needs the table and again at each refresh, from whichever
 * partition needs it first, never by two threads at once for one query.
 */
@FunctionalInterface
public interface TableSnapshotLoader {
  /**
   * Reads every row of the table.
   *
   * @return the rows, all inserts, with the table's column types in its column order
   * @throws Exception when the table cannot be read; the query fails on the first load, and a
   *     failed refresh keeps the rows loaded before
   */
  Batch load() throws Exception;
}
