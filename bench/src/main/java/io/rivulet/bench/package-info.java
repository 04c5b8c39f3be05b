/**
 * The Nexmark benchmark harness: the runner behind {@code ./rivulet bench}, which runs the queries
 * of {@code bench/queries} in-process and measures them, and the {@code generate} command, which
 * writes the same Nexmark events to files for other engines.
 */
package io.rivulet.bench;
