/**
 * JMH microbenchmarks of the hot operators over Nexmark bid batches: the compiled filter/project,
 * the hash aggregate, the window aggregate, the exchange's partitioning, CSV and JSON parsing, and
 * the Nexmark generator itself. Run them with {@code java -jar bench/target/benchmarks.jar} (all)
 * or {@code java -jar bench/target/benchmarks.jar Calc -f 1 -wi 3 -i 5} (some, quicker).
 */
package io.rivulet.bench.jmh;
