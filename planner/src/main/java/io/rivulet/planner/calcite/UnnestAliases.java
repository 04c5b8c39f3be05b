package io.rivulet.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Gives UNNEST's columns the names the query wrote ({@code UNNEST(...) AS w(word)}): Calcite's
 * conversion calls them {@code EXPR$0}, which EXPLAIN and the names of later columns would show.
 */
final class UnnestAliases {
  private UnnestAliases() {}

  /** The column lists of aliased UNNESTs, in the order they are written. */
  static List<List<String>> collect(SqlNode query) {
    List<List<String>> aliases = new ArrayList<>();
    query.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (call.getKind() == SqlKind.AS
                && call.operandCount() > 2
                && call.operand(0) instanceof SqlCall unnest
                && unnest.getKind() == SqlKind.UNNEST) {
              List<String> names = new ArrayList<>();
              for (SqlNode name : call.getOperandList().subList(2, call.operandCount())) {
                names.add(((SqlIdentifier) name).getSimple());
              }
              aliases.add(names);
            }
            return super.visit(call);
          }
        });
    return aliases;
  }

  /** {@code rel} with its Uncollects renamed, when they correspond one to one to the aliases. */
  static RelNode apply(RelNode rel, List<List<String>> aliases) {
    List<Uncollect> uncollects = new ArrayList<>();
    rel.accept(
        new RelShuttleImpl() {
          @Override
          public RelNode visit(RelNode other) {
            RelNode visited = super.visit(other);
            if (other instanceof Uncollect uncollect) {
              uncollects.add(uncollect);
            }
            return visited;
          }
        });
    if (aliases.isEmpty() || uncollects.size() != aliases.size()) {
      return rel;
    }
    int[] next = {0};
    return rel.accept(
        new RelShuttleImpl() {
          @Override
          public RelNode visit(RelNode other) {
            RelNode visited = super.visit(other);
            if (!(visited instanceof Uncollect uncollect)) {
              return visited;
            }
            List<String> names = aliases.get(next[0]++);
            int items = uncollect.getRowType().getFieldCount() - (uncollect.withOrdinality ? 1 : 0);
            if (names.size() != uncollect.getRowType().getFieldCount()) {
              return visited;
            }
            return Uncollect.create(
                uncollect.getTraitSet(),
                uncollect.getInput(),
                uncollect.withOrdinality,
                names.subList(0, items));
          }
        });
  }
}
