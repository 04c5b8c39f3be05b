/**
 * The updating (non-windowed) group aggregate and the aggregate state other operators share:
 * {@link io.rivulet.runtime.operator.aggregate.GroupAggregateFactory} describes the aggregate in
 * the plan, {@link io.rivulet.runtime.operator.aggregate.GroupAggregateOperator} keeps its groups
 * in a {@link io.rivulet.runtime.operator.hash.GroupTable} and emits, once per micro-batch, a
 * changelog ({@code +I}, {@code -U}/{@code +U}, {@code -D}) of the groups that changed.
 *
 * <p>{@link io.rivulet.runtime.operator.aggregate.GroupedAggregates} holds the aggregate calls of
 * many groups in arrays indexed by group id, primitive for the common numeric aggregates; the
 * {@link io.rivulet.runtime.operator.aggregate.Accumulator}s, one object per call and group, work
 * on the Java values of {@link io.rivulet.runtime.type.DataType}, accept changelog input (every one
 * can retract), and define the results: the grouped form computes exactly what they compute, and
 * falls back to them for the rest (DISTINCT, DECIMAL, MIN and MAX under retraction).
 */
package io.rivulet.runtime.operator.aggregate;
