package io.rivulet.runtime.plan;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A physical plan cut into stages at its exchanges, in execution order, with the EXPLAIN text of
 * the whole DAG.
 */
public final class StageGraph {
  private final PhysicalNode root;
  private final List<Stage> stages;
  private final Map<ExchangeNode, Stage> producers;

  private StageGraph(PhysicalNode root, List<Stage> stages, Map<ExchangeNode, Stage> producers) {
    this.root = root;
    this.stages = List.copyOf(stages);
    this.producers = producers;
  }

  /** Cuts {@code root} into stages; a stage may not mix scans and exchanges among its leaves. */
  public static StageGraph of(PhysicalNode root) {
    List<Stage> stages = new ArrayList<>();
    Map<ExchangeNode, Stage> producers = new IdentityHashMap<>();
    build(root, Optional.empty(), stages, producers);
    return new StageGraph(root, stages, producers);
  }

  private static Stage build(
      PhysicalNode fragmentRoot,
      Optional<ExchangeNode> output,
      List<Stage> stages,
      Map<ExchangeNode, Stage> producers) {
    List<ScanNode> scans = new ArrayList<>();
    List<ExchangeNode> exchanges = new ArrayList<>();
    collectLeaves(fragmentRoot, scans, exchanges);
    for (ExchangeNode exchange : exchanges) {
      Stage producer = build(exchange.input(), Optional.of(exchange), stages, producers);
      producers.put(exchange, producer);
    }
    if (!scans.isEmpty() && !exchanges.isEmpty()) {
      throw new IllegalStateException(
          "a stage may not read both sources and exchanges: " + fragmentRoot.explain());
    }
    Stage stage = new Stage(stages.size() + 1, fragmentRoot, scans, exchanges, output);
    stages.add(stage);
    return stage;
  }

  private static void collectLeaves(
      PhysicalNode node, List<ScanNode> scans, List<ExchangeNode> exchanges) {
    if (node instanceof ScanNode scan) {
      scans.add(scan);
    } else if (node instanceof ExchangeNode exchange) {
      exchanges.add(exchange);
    } else {
      node.inputs().forEach(input -> collectLeaves(input, scans, exchanges));
    }
  }

  public PhysicalNode root() {
    return root;
  }

  /** The stages, producers before consumers; the last one feeds the sink. */
  public List<Stage> stages() {
    return stages;
  }

  public Stage producerOf(ExchangeNode exchange) {
    return producers.get(exchange);
  }

  /** All scans of the plan. */
  public List<ScanNode> scans() {
    return stages.stream().flatMap(s -> s.scans().stream()).toList();
  }

  /**
   * The DAG as text: each stage with its partitioning and its fused operators, top-down.
   *
   * @param parallelism the partitions of stages that read exchanges
   */
  public String explain(int parallelism) {
    StringBuilder text = new StringBuilder();
    for (Stage stage : stages) {
      text.append("Stage ").append(stage.id());
      if (stage.readsSources()) {
        text.append(" (partitions: one per source split)");
      } else {
        text.append(" (partitions: ").append(parallelism).append(')');
      }
      text.append('\n');
      int depth = 1;
      if (stage.output().isPresent()) {
        Stage consumer = consumerOf(stage.output().get());
        text.append("  ")
            .append(stage.output().get().explain())
            .append(" -> Stage ")
            .append(consumer.id())
            .append('\n');
        depth = 2;
      }
      explainFragment(stage.root(), depth, text);
    }
    return text.toString();
  }

  private Stage consumerOf(ExchangeNode exchange) {
    for (Stage stage : stages) {
      for (ExchangeNode input : stage.exchangeInputs()) {
        if (input == exchange) {
          return stage;
        }
      }
    }
    throw new IllegalStateException("exchange without consumer");
  }

  private void explainFragment(PhysicalNode node, int depth, StringBuilder text) {
    text.append("  ".repeat(depth));
    if (node instanceof ExchangeNode exchange) {
      text.append("Read ")
          .append(exchange.explain())
          .append(" <- Stage ")
          .append(producerOf(exchange).id())
          .append('\n');
      return;
    }
    text.append(node.explain());
    if (node instanceof OperatorNode operator && operator.unboundedStateHere()
        || node instanceof BinaryNode binary && binary.unboundedStateHere()) {
      text.append("  [state: unbounded]");
    } else if (node instanceof OperatorNode operator && operator.factory().stateful()
        || node instanceof BinaryNode) {
      text.append("  [state: bounded]");
    }
    text.append('\n');
    for (PhysicalNode input : node.inputs()) {
      explainFragment(input, depth + 1, text);
    }
  }
}
