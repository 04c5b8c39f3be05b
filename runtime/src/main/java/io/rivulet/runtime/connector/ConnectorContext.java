package io.rivulet.runtime.connector;

import io.rivulet.runtime.type.Schema;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * What a connector is given when a query opens one of its sources or sinks.
 *
 * @param objectName the stream or table the connector serves, for messages
 * @param schema the physical columns it reads or writes (for a sink, without the {@code op}
 *     column)
 * @param options the {@code WITH} options
 * @param changelog for a sink, whether its input is an updating result whose rows carry a change
 *     kind (written as a first column {@code op})
 * @param parallelism the query's parallelism, a hint for how many partitions to split into
 * @param maxRowsPerBatch the most rows a source should return per micro-batch, over all its
 *     partitions
 * @param console where console output goes
 * @param neededColumns for a source, which columns of {@code schema} the query reads ({@code
 *     neededColumns[c]}), or null when all are: a source may leave the others null rather than read
 *     or generate them
 */
public record ConnectorContext(
    String objectName,
    Schema schema,
    Options options,
    boolean changelog,
    int parallelism,
    int maxRowsPerBatch,
    PrintStream console,
    boolean[] neededColumns) {

  public ConnectorContext {
    if (neededColumns != null) {
      if (neededColumns.length != schema.size()) {
        throw new IllegalArgumentException(
            "needed columns of " + neededColumns.length + " for a schema of " + schema.size());
      }
      neededColumns = neededColumns.clone();
    }
  }

  /** A context in which every column is needed (all of a sink's, or of a source read whole). */
  public ConnectorContext(
      String objectName,
      Schema schema,
      Options options,
      boolean changelog,
      int parallelism,
      int maxRowsPerBatch,
      PrintStream console) {
    this(objectName, schema, options, changelog, parallelism, maxRowsPerBatch, console, null);
  }

  /** Which columns the query reads, or null when all are; a copy. */
  @Override
  public boolean[] neededColumns() {
    return neededColumns == null ? null : neededColumns.clone();
  }

  /** Whether the query reads column {@code column}. */
  public boolean needs(int column) {
    return neededColumns == null || neededColumns[column];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConnectorContext that
        && objectName.equals(that.objectName)
        && schema.equals(that.schema)
        && options.equals(that.options)
        && changelog == that.changelog
        && parallelism == that.parallelism
        && maxRowsPerBatch == that.maxRowsPerBatch
        && console == that.console
        && Arrays.equals(neededColumns, that.neededColumns);
  }

  @Override
  public int hashCode() {
    return objectName.hashCode() * 31 + Arrays.hashCode(neededColumns);
  }

  @Override
  public String toString() {
    return "ConnectorContext[" + objectName + ", " + schema + "]";
  }
}
