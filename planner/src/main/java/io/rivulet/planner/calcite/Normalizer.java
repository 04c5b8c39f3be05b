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

  /** Rewrites IN, EXISTS and scalar subqueries into joins (semi, anti or with aggregates). */
  private static final List<RelOptRule> SUBQUERIES =
      List.of(
          CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
          CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
          CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);

  /** The normalised logical plan, before fusing into Calcs (what EXPLAIN shows). */
  public static RelNode normalise(RelNode rel) {
    RelNode rewritten = CastRewriter.rewrite(stripDelta(rel));
    if (containsSubQuery(rewritten)) {
      // Only then: decorrelation would also rewrite UNNEST's correlation, which is lowered as is.
      rewritten =
          org.apache.calcite.sql2rel.RelDecorrelator.decorrelateQuery(
              run(rewritten, SUBQUERIES),
              org.apache.calcite.tools.RelBuilder.proto(org.apache.calcite.plan.Contexts.empty())
                  .create(rel.getCluster(), null));
    }
    return run(rewritten, NORMALISE);
  }

  private static boolean containsSubQuery(RelNode rel) {
    boolean[] found = {false};
    org.apache.calcite.rex.RexShuttle finder =
        new org.apache.calcite.rex.RexShuttle() {
          @Override
          public org.apache.calcite.rex.RexNode visitSubQuery(org.apache.calcite.rex.RexSubQuery subQuery) {
            found[0] = true;
            return subQuery;
          }
        };
    rel.accept(
        new org.apache.calcite.rel.RelHomogeneousShuttle() {
          @Override
          public RelNode visit(RelNode other) {
            other.accept(finder);
            return super.visit(other);
          }
        });
    return found[0];
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
