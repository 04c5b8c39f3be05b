/**
 * Hash tables for operator state: {@link io.rivulet.runtime.operator.hash.GroupTable} maps the
 * group keys of a batch, read column by column without boxing, to dense int group ids, under
 * which aggregating operators keep their state in primitive arrays.
 */
package io.rivulet.runtime.operator.hash;
