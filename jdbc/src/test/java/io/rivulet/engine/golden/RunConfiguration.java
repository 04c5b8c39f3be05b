package io.rivulet.engine.golden;

import java.util.List;

/**
 * Settings a golden case runs under; results must not depend on them.
 *
 * @param maxRows rows per source per micro-batch, or 0 for unlimited
 */
public record RunConfiguration(int parallelism, int maxRows, String batchInterval) {
  /** The reference configuration: changelogs and EXPLAIN are checked under it. */
  public static final RunConfiguration REFERENCE = new RunConfiguration(1, 0, "10 ms");

  /** Configurations that cut the input into different batches and partitions. */
  public static final List<RunConfiguration> VARIANTS =
      List.of(
          new RunConfiguration(2, 1, "1 ms"),
          new RunConfiguration(4, 3, "5 ms"),
          new RunConfiguration(3, 2, "1 ms"));

  @Override
  public String toString() {
    return "parallelism=" + parallelism + ", batch.max-rows=" + (maxRows == 0 ? "unlimited" : maxRows)
        + ", batch.interval=" + batchInterval;
  }
}
