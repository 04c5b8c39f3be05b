/** The connector contracts (sources, partitions, sinks, options) and the registry of connectors. */
package io.rivulet.runtime.connector;
