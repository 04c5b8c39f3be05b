/**
 * The {@code datagen} connector: deterministic pseudo-random rows for any schema, at a wall-clock
 * rate and optionally up to a row count; and {@link io.rivulet.runtime.connector.datagen.RowRate},
 * the rate limit generators share.
 */
package io.rivulet.runtime.connector.datagen;
