/**
 * The join operators: {@link io.rivulet.runtime.operator.join.JoinType} names which rows a join
 * keeps, and each join has its plan (a factory) and its running operator.
 *
 * <ul>
 *   <li>{@link io.rivulet.runtime.operator.join.LookupJoinFactory}: a stream joined with a bounded,
 *       static table, loaded through a {@link
 *       io.rivulet.runtime.operator.join.TableSnapshotLoader}, indexed once per query, shared by
 *       all partitions and reloaded at a refresh interval; stateless otherwise.
 *   <li>{@link io.rivulet.runtime.operator.join.HashJoinFactory}: the regular stream–stream join on
 *       keys, over changelogs, emitting a changelog; its state is unbounded unless a time-to-live
 *       bounds it.
 *   <li>{@link io.rivulet.runtime.operator.join.IntervalJoinFactory}: two append-only streams whose
 *       times lie within an interval of each other; state purged by the watermark.
 *   <li>{@link io.rivulet.runtime.operator.join.WindowJoinFactory}: two append-only streams
 *       windowed alike, joined per window when the watermark closes it; state freed then.
 * </ul>
 *
 * <p>All of them read keys alike (package-private {@code JoinKeys}): a key holding a null never
 * matches, integral keys meet whatever their width, decimals whatever their scale. The two-input
 * joins expect both inputs partitioned by their keys, so that matching rows meet in one instance.
 */
package io.rivulet.runtime.operator.join;
