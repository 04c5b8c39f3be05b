package io.rivulet.planner.physical;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Which fields of each table scan a plan reads, so that sources can skip the others (projection
 * push-down): found by walking down from the root with the fields each node's parent uses.
 *
 * <p>Calcs, aggregates, window table functions and UNNEST pass on just what they use; every other
 * node (joins, unions, ...) is taken to use all the fields of its inputs. For an UNNEST it also
 * keeps which of its output fields are used, so that it need not carry the others (a word count
 * does not copy each line to each of its words). Calcite's field
 * trimming has already put a Calc over each scan whose fields are not all used; this sees through
 * the nodes between such a Calc and the scan that trimming stops at, such as a window table
 * function. A scan reached along several paths reads the union of what they use.
 */
final class ScanColumns {
  private final Map<TableScan, ImmutableBitSet> used = new IdentityHashMap<>();
  private final Map<Correlate, ImmutableBitSet> usedOfCorrelates = new IdentityHashMap<>();

  private ScanColumns() {}

  /** The fields of the scans under {@code root}, all of whose fields are used. */
  static ScanColumns of(RelNode root) {
    ScanColumns columns = new ScanColumns();
    columns.visit(root, all(root));
    return columns;
  }

  /** The fields of {@code scan} the plan reads; all of them for a scan not in the plan. */
  ImmutableBitSet used(TableScan scan) {
    ImmutableBitSet fields = used.get(scan);
    return fields == null ? all(scan) : fields;
  }

  /** The output fields of {@code correlate} the plan reads; all of them for one not in the plan. */
  ImmutableBitSet used(Correlate correlate) {
    ImmutableBitSet fields = usedOfCorrelates.get(correlate);
    return fields == null ? all(correlate) : fields;
  }

  private static ImmutableBitSet all(RelNode node) {
    return ImmutableBitSet.range(node.getRowType().getFieldCount());
  }

  private void visit(RelNode node, ImmutableBitSet usedOutput) {
    if (node instanceof TableScan scan) {
      used.merge(scan, usedOutput, ImmutableBitSet::union);
    } else if (node instanceof Calc calc) {
      visit(calc.getInput(), inputsOf(calc.getProgram(), usedOutput));
    } else if (node instanceof Aggregate aggregate) {
      visit(aggregate.getInput(), inputsOf(aggregate));
    } else if (WindowLowering.isWindowFunction(node) && node.getInputs().size() == 1) {
      TableFunctionScan window = (TableFunctionScan) node;
      RelNode input = window.getInputs().get(0);
      // The window adds its columns after the input's; its time (and session key) descriptors
      // are input references in the call.
      ImmutableBitSet inputs =
          usedOutput
              .intersect(all(input))
              .union(RelOptUtil.InputFinder.bits(window.getCall()));
      visit(input, inputs);
    } else if (node instanceof Correlate correlate) {
      usedOfCorrelates.merge(correlate, usedOutput, ImmutableBitSet::union);
      // The left input's fields come first in the output; the right side reads the ones the
      // correlation names.
      RelNode left = correlate.getLeft();
      visit(left, usedOutput.intersect(all(left)).union(correlate.getRequiredColumns()));
      visit(correlate.getRight(), all(correlate.getRight()));
    } else {
      for (RelNode input : node.getInputs()) {
        visit(input, all(input));
      }
    }
  }

  private static ImmutableBitSet inputsOf(RexProgram program, ImmutableBitSet usedOutput) {
    ImmutableBitSet.Builder inputs = ImmutableBitSet.builder();
    List<RexLocalRef> projects = program.getProjectList();
    for (int field : usedOutput) {
      if (field < projects.size()) {
        inputs.addAll(RelOptUtil.InputFinder.bits(program.expandLocalRef(projects.get(field))));
      }
    }
    if (program.getCondition() != null) {
      inputs.addAll(RelOptUtil.InputFinder.bits(program.expandLocalRef(program.getCondition())));
    }
    return inputs.build();
  }

  private static ImmutableBitSet inputsOf(Aggregate aggregate) {
    ImmutableBitSet.Builder inputs = ImmutableBitSet.builder();
    inputs.addAll(aggregate.getGroupSet());
    for (AggregateCall call : aggregate.getAggCallList()) {
      inputs.addAll(call.getArgList());
      if (call.filterArg >= 0) {
        inputs.set(call.filterArg);
      }
      if (call.distinctKeys != null) {
        inputs.addAll(call.distinctKeys);
      }
      call.collation.getFieldCollations().forEach(collation -> inputs.set(collation.getFieldIndex()));
    }
    return inputs.build();
  }
}
