package io.rivulet.runtime.exec;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.operator.BinaryOperator;
import io.rivulet.runtime.operator.Collector;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.OperatorLifecycle;
import io.rivulet.runtime.plan.BinaryNode;
import io.rivulet.runtime.plan.ExchangeNode;
import io.rivulet.runtime.plan.OperatorNode;
import io.rivulet.runtime.plan.PhysicalNode;
import io.rivulet.runtime.plan.ScanNode;
import io.rivulet.runtime.plan.UnionNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running operators of one stage for one partition: input pushed into a leaf flows up
 * through the fused operators into the stage's output. Lives as long as the query, so that
 * operator state survives from one micro-batch to the next.
 */
final class TaskPipeline {
  private final Map<PhysicalNode, Collector> leafInputs = new IdentityHashMap<>();
  /** The running operators bottom-up, each with where its output goes. */
  private final List<Running> operators = new ArrayList<>();

  /** One running operator, single- or two-input, and where its output goes. */
  private record Running(OperatorLifecycle operator, Collector out) {}

  TaskPipeline(PhysicalNode root, Collector output, OperatorContext context) {
    build(root, output, context);
    for (Running running : operators) {
      running.operator().open(context);
    }
  }

  private void build(PhysicalNode node, Collector downstream, OperatorContext context) {
    if (node instanceof ScanNode || node instanceof ExchangeNode) {
      leafInputs.put(node, downstream);
    } else if (node instanceof UnionNode union) {
      union.inputs().forEach(input -> build(input, downstream, context));
    } else if (node instanceof BinaryNode binaryNode) {
      BinaryOperator operator = binaryNode.factory().create(context);
      build(binaryNode.left(), batch -> {
        if (!batch.isEmpty()) {
          operator.processLeft(batch, downstream);
        }
      }, context);
      build(binaryNode.right(), batch -> {
        if (!batch.isEmpty()) {
          operator.processRight(batch, downstream);
        }
      }, context);
      operators.add(new Running(operator, downstream));
    } else {
      OperatorNode operatorNode = (OperatorNode) node;
      Operator operator = operatorNode.factory().create(context);
      Collector input =
          batch -> {
            if (!batch.isEmpty()) {
              operator.process(batch, downstream);
            }
          };
      build(operatorNode.input(), input, context);
      // Added after its inputs, so the list runs bottom-up: an operator's end-of-batch output
      // reaches the operators above it before they end their own batch.
      operators.add(new Running(operator, downstream));
    }
  }

  /** Pushes a batch into the leaf {@code leaf} (a scan or exchange node of this stage). */
  void push(PhysicalNode leaf, Batch batch) {
    if (!batch.isEmpty()) {
      leafInputs.get(leaf).collect(batch);
    }
  }

  void endBatch(long watermark) {
    for (Running running : operators) {
      running.operator().endBatch(watermark, running.out());
    }
  }

  void finish() {
    for (Running running : operators) {
      running.operator().finish(running.out());
    }
  }

  long stateSize() {
    long size = 0;
    for (Running running : operators) {
      size += running.operator().stateSize();
    }
    return size;
  }

  long lateRows() {
    long late = 0;
    for (Running running : operators) {
      late += running.operator().lateRows();
    }
    return late;
  }

  void close() {
    for (Running running : operators) {
      running.operator().close();
    }
  }
}
