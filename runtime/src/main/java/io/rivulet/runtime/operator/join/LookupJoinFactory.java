package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.connector.Durations;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorFactory;
import io.rivulet.runtime.type.Schema;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plan of a stream–table (lookup) join: joins each row of a stream, which may be a changelog,
 * with the rows of a bounded, static table that have equal keys.
 *
 * <p>The table is read whole through a {@link TableSnapshotLoader} when a query first needs it,
 * indexed by its key columns, and shared by every partition of that query, so the stream needs no
 * exchange; with a refresh interval it is read again once that much time has passed on the clock.
 * Join types INNER, LEFT, SEMI and ANTI are supported; each output row keeps the kind of the stream
 * row it comes from, so a {@code -U} row yields {@code -U} rows (see {@link LookupJoinOperator}). A
 * key holding a null matches nothing; a key held by several table rows yields one output row for
 * each.
 *
 * <p>The factory itself keeps no rows: it holds a registry of the tables of the queries running it,
 * keyed by query id, each entry dropped when the last instance of its query closes. That registry
 * is the one place every partition can reach, which sharing one copy of the table needs.
 */
public final class LookupJoinFactory implements OperatorFactory {
  private final Schema inputSchema;
  private final int[] inputKeys;
  private final String tableName;
  private final Schema tableSchema;
  private final int[] tableKeys;
  private final JoinType joinType;
  private final Schema outputSchema;
  private final TableSnapshotLoader loader;
  private final Duration refreshInterval;
  private final Clock clock;
  private final Map<String, LookupTable> tablesByQuery = new ConcurrentHashMap<>();

  /**
   * @param inputSchema the columns of the stream
   * @param inputKeys the stream's key columns, compared with {@code tableKeys} pairwise
   * @param tableName the table's name, for EXPLAIN and error messages
   * @param tableSchema the columns of the table
   * @param tableKeys the table's key columns, as many as {@code inputKeys}
   * @param joinType INNER, LEFT, SEMI or ANTI
   * @param outputSchema the stream's columns then, unless SEMI or ANTI, the table's (see {@link
   *     JoinType#outputSchema})
   * @param loader reads all rows of the table
   * @param refreshInterval how long a loaded table is used before it is read again; {@link
   *     Duration#ZERO} to read it only once
   * @param clock the clock that tells when a refresh is due
   * @throws IllegalArgumentException when the columns do not line up or the join type is RIGHT or
   *     FULL, which a static table cannot serve
   */
  public LookupJoinFactory(
      Schema inputSchema,
      int[] inputKeys,
      String tableName,
      Schema tableSchema,
      int[] tableKeys,
      JoinType joinType,
      Schema outputSchema,
      TableSnapshotLoader loader,
      Duration refreshInterval,
      Clock clock) {
    this.inputSchema = Objects.requireNonNull(inputSchema, "inputSchema");
    this.inputKeys = inputKeys.clone();
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.tableSchema = Objects.requireNonNull(tableSchema, "tableSchema");
    this.tableKeys = tableKeys.clone();
    this.joinType = Objects.requireNonNull(joinType, "joinType");
    this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (joinType == JoinType.RIGHT || joinType == JoinType.FULL) {
      throw new IllegalArgumentException(
          "a lookup join of table "
              + tableName
              + " cannot be a "
              + joinType
              + " join: unmatched table rows would have to wait for the end of the stream;"
              + " use an INNER, LEFT, SEMI or ANTI join");
    }
    if (refreshInterval.isNegative()) {
      throw new IllegalArgumentException(
          "the refresh interval of table " + tableName + " must not be negative");
    }
    JoinColumns.checkKeys(inputSchema, inputKeys, "stream", tableSchema, tableKeys, "table");
    JoinColumns.checkOutput(joinType, inputSchema, tableSchema, outputSchema);
  }

  public Schema inputSchema() {
    return inputSchema;
  }

  public int[] inputKeys() {
    return inputKeys.clone();
  }

  public String tableName() {
    return tableName;
  }

  public Schema tableSchema() {
    return tableSchema;
  }

  public int[] tableKeys() {
    return tableKeys.clone();
  }

  public JoinType joinType() {
    return joinType;
  }

  public Schema outputSchema() {
    return outputSchema;
  }

  /** How long a loaded table is used before it is read again; zero for never. */
  public Duration refreshInterval() {
    return refreshInterval;
  }

  /** Creates an instance that shares the table of its query with the other partitions. */
  @Override
  public Operator create(OperatorContext context) {
    String queryId = context.queryId();
    LookupTable table =
        tablesByQuery.compute(
            queryId,
            (id, existing) -> {
              LookupTable shared =
                  existing != null
                      ? existing
                      : new LookupTable(
                          tableName, tableSchema, tableKeys, loader, refreshInterval, clock);
              shared.acquire();
              return shared;
            });
    return new LookupJoinOperator(this, table, () -> release(queryId, table));
  }

  private void release(String queryId, LookupTable table) {
    tablesByQuery.computeIfPresent(
        queryId, (id, shared) -> shared == table && shared.release() ? null : shared);
  }

  /** How many queries hold a table now; for tests. */
  int sharedTables() {
    return tablesByQuery.size();
  }

  /**
   * Not stateful in the sense of needing an exchange: the table is broadcast to every partition.
   */
  @Override
  public boolean stateful() {
    return false;
  }

  /**
   * For example {@code LookupJoin(type=LEFT, table=users, keys=[user_id = id], refresh=1 min)}; the
   * refresh is left out when the table is read only once.
   */
  @Override
  public String explain() {
    return "LookupJoin(type="
        + joinType
        + ", table="
        + tableName
        + ", keys="
        + JoinColumns.explainKeys(inputSchema, inputKeys, tableSchema, tableKeys)
        + (refreshInterval.isZero() ? "" : ", refresh=" + Durations.format(refreshInterval))
        + ")";
  }

  @Override
  public String toString() {
    return explain();
  }
}
