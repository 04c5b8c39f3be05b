package io.rivulet.runtime.plan;

import java.util.List;
import java.util.Optional;

/**
 * A fragment of the plan that runs without moving rows between partitions: its leaves are scans
 * or exchanges from earlier stages, its root feeds an exchange or the query's sink.
 *
 * @param id one-based, in execution order (producers before consumers)
 * @param root the top node of the fragment
 * @param scans the scans among its leaves
 * @param exchangeInputs the exchanges among its leaves, each fed by an earlier stage
 * @param output the exchange this stage feeds, or empty when it feeds the sink
 */
public record Stage(
    int id,
    PhysicalNode root,
    List<ScanNode> scans,
    List<ExchangeNode> exchangeInputs,
    Optional<ExchangeNode> output) {

  public Stage {
    scans = List.copyOf(scans);
    exchangeInputs = List.copyOf(exchangeInputs);
  }

  /** Whether this stage reads sources (one task per source partition) rather than exchanges. */
  public boolean readsSources() {
    return exchangeInputs.isEmpty();
  }
}
