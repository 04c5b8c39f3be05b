/** Flattening array columns into rows (UNNEST). */
package io.rivulet.runtime.operator.unnest;
