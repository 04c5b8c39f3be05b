/**
 * The event-time window aggregate: {@link io.rivulet.runtime.operator.window.WindowSpec} describes
 * TUMBLE, HOP and SESSION windows, {@link
 * io.rivulet.runtime.operator.window.WindowAggregateFactory} the operator in the plan, and {@link
 * io.rivulet.runtime.operator.window.WindowAggregateOperator} keeps, per partition, the aggregates
 * of every open window per group key and emits each window's result when the watermark passes its
 * end ({@link io.rivulet.runtime.operator.window.EmitMode}), dropping or rejecting rows that come
 * after their windows closed ({@link io.rivulet.runtime.operator.window.LatePolicy}).
 *
 * <p>The operator's state takes one of three forms, each in hash tables of group keys with
 * primitive aggregate state: a table per window for TUMBLE (and HOP emitted every batch), a table
 * per pane of {@code gcd(size, slide)} for HOP, merged when a window closes, and a table of keys
 * with per-key lists of sessions for SESSION.
 */
package io.rivulet.runtime.operator.window;
