/**
 * The event-time window aggregate: {@link io.rivulet.runtime.operator.window.WindowSpec} describes
 * TUMBLE, HOP and SESSION windows, {@link
 * io.rivulet.runtime.operator.window.WindowAggregateFactory} the operator in the plan, and {@link
 * io.rivulet.runtime.operator.window.WindowAggregateOperator} keeps, per partition, the
 * accumulators of every open window per group key and emits each window's result when the
 * watermark passes its end ({@link io.rivulet.runtime.operator.window.EmitMode}), dropping or
 * rejecting rows that come after their windows closed ({@link
 * io.rivulet.runtime.operator.window.LatePolicy}).
 */
package io.rivulet.runtime.operator.window;
