package io.rivulet.planner;

import io.rivulet.planner.catalog.SourceObject;
import io.rivulet.runtime.plan.StageGraph;
import io.rivulet.runtime.type.Schema;
import java.util.Optional;

/**
 * A query ready to run: its stages, its result columns and how to explain it.
 *
 * @param changelog whether result rows carry change kinds (an updating result)
 * @param unbounded whether it reads a stream and so runs until stopped (unless the stream's
 *     connector is bounded)
 * @param logicalPlan the normalised logical plan as text
 * @param target for INSERT INTO, the stream or table written
 */
public record PlannedQuery(
    StageGraph graph,
    Schema schema,
    boolean changelog,
    boolean unbounded,
    String logicalPlan,
    Optional<SourceObject> target) {

  /** EXPLAIN's text: the logical plan, then the physical DAG. */
  public String explain(int parallelism) {
    StringBuilder text = new StringBuilder();
    text.append("== Logical Plan ==\n").append(logicalPlan.strip()).append("\n\n");
    text.append("== Physical DAG ==\n");
    target.ifPresent(
        sink -> text.append("Sink(").append(sink.name()).append(": ")
            .append(sink.options().getOrDefault("connector", "?")).append(")\n"));
    text.append(graph.explain(parallelism).strip()).append('\n');
    text.append("Result: ").append(schema).append(changelog ? ", changelog" : ", append-only")
        .append(graph.root().unboundedState() ? ", unbounded state" : "").append('\n');
    return text.toString();
  }
}
