/**
 * The updating (non-windowed) group aggregate: {@link
 * io.rivulet.runtime.operator.aggregate.GroupAggregateFactory} describes it in the plan, {@link
 * io.rivulet.runtime.operator.aggregate.GroupAggregateOperator} keeps one set of {@link
 * io.rivulet.runtime.operator.aggregate.Accumulator}s per group and emits, once per micro-batch, a
 * changelog ({@code +I}, {@code -U}/{@code +U}, {@code -D}) of the groups that changed.
 *
 * <p>The accumulators work on the Java values of {@link io.rivulet.runtime.type.DataType}, accept
 * changelog input (every one can retract), and are meant to be reused by the other aggregating
 * operators.
 */
package io.rivulet.runtime.operator.aggregate;
