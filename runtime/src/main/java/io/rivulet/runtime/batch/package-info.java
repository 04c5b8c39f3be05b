/** Columnar batches: typed column vectors, row kinds and builders. */
package io.rivulet.runtime.batch;
