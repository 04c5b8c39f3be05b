/**
 * The peers harness: what the Flink and Spark runners of {@code bench/peers} share (options,
 * queries, timing, medians, the report).
 */
package io.rivulet.peers;
