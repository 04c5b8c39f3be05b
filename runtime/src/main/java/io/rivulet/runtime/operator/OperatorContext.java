package io.rivulet.runtime.operator;

/**
 * What an operator instance knows about where it runs.
 *
 * @param queryId the id of the running query
 * @param partition the partition (or exchange bucket) this instance serves
 * @param parallelism how many partitions its stage has
 */
public record OperatorContext(String queryId, int partition, int parallelism) {}
