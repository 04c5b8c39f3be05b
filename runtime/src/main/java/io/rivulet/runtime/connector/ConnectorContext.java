package io.rivulet.runtime.connector;

import io.rivulet.runtime.type.Schema;
import java.io.PrintStream;

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
 * @param maxRowsPerBatch the most rows a source partition should return per micro-batch
 * @param console where console output goes
 */
public record ConnectorContext(
    String objectName,
    Schema schema,
    Options options,
    boolean changelog,
    int parallelism,
    int maxRowsPerBatch,
    PrintStream console) {}
