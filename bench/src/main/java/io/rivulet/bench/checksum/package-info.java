/**
 * The {@code checksum} sink the benchmark runner writes query results to: it discards rows like
 * {@code blackhole} but keeps an order-independent checksum of the result they make up.
 */
package io.rivulet.bench.checksum;
