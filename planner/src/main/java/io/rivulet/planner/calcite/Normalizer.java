package io.rivulet.planner.calcite;

import java.util.List;
import org.apache.calcite.DataContexts;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.stream.LogicalDelta;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexExecutorImpl;

/**
 * Rule-based clean-up of a converted plan: strip STREAM's Delta, push filters down, merge and
 * drop projections, fold constants, then fuse each run of filters and projections into one Calc,
 * the unit of code generation.
 */
public final class Normalizer {
  private static final List<RelOptRule> NORMALISE =
      List.of(
          CoreRules.FILTER_PROJECT_TRANSPOSE,
          CoreRules.FILTER_MERGE,
          CoreRules.PROJECT_MERGE,
          CoreRules.PROJECT_REMOVE,
          CoreRules.FILTER_INTO_JOIN,
          CoreRules.JOIN_CONDITION_PUSH,
          CoreRules.FILTER_AGGREGATE_TRANSPOSE,
          CoreRules.AGGREGATE_PROJECT_MERGE,
          CoreRules.FILTER_REDUCE_EXPRESSIONS,
          CoreRules.PROJECT_REDUCE_EXPRESSIONS,
          CoreRules.UNION_MERGE);

  private static final List<RelOptRule> TO_CALC =
      List.of(
          CoreRules.FILTER_TO_CALC,
          CoreRules.PROJECT_TO_CALC,
          CoreRules.CALC_MERGE,
          CoreRules.CALC_REMOVE);

  private Normalizer() {}

  /** The normalised logical plan, before fusing into Calcs (what EXPLAIN shows). */
  public static RelNode normalise(RelNode rel) {
    return run(CastRewriter.rewrite(stripDelta(rel)), NORMALISE);
  }

  /** Fuses filters and projections into Calcs. */
  public static RelNode toCalc(RelNode rel) {
    return run(rel, TO_CALC);
  }

  private static RelNode run(RelNode rel, List<RelOptRule> rules) {
    HepProgramBuilder program = HepProgram.builder().addMatchOrder(HepMatchOrder.BOTTOM_UP);
    program.addRuleCollection(rules);
    HepPlanner planner = new HepPlanner(program.build());
    planner.setExecutor(new RexExecutorImpl(DataContexts.EMPTY));
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  private static RelNode stripDelta(RelNode rel) {
    return rel.accept(
        new RelShuttleImpl() {
          @Override
          public RelNode visit(RelNode other) {
            if (other instanceof LogicalDelta delta) {
              return delta.getInput().accept(this);
            }
            return super.visit(other);
          }

          @Override
          public RelNode visit(TableFunctionScan scan) {
            return super.visit(scan);
          }
        });
  }
}
