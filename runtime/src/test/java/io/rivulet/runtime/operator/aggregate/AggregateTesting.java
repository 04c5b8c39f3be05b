package io.rivulet.runtime.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Builders and a one-thread harness for the aggregate tests: input and output written as data. */
final class AggregateTesting {
  private AggregateTesting() {}

  /** One changelog row: its kind and its values, compared exactly (a Long is not an Integer). */
  record Change(RowKind kind, List<Object> values) {
    static Change of(RowKind kind, Object... values) {
      return new Change(kind, Collections.unmodifiableList(Arrays.asList(values.clone())));
    }

    @Override
    public String toString() {
      return kind.shortName() + " " + values;
    }
  }

  static Change insert(Object... values) {
    return Change.of(RowKind.INSERT, values);
  }

  static Change updateBefore(Object... values) {
    return Change.of(RowKind.UPDATE_BEFORE, values);
  }

  static Change updateAfter(Object... values) {
    return Change.of(RowKind.UPDATE_AFTER, values);
  }

  static Change delete(Object... values) {
    return Change.of(RowKind.DELETE, values);
  }

  static Object[] row(Object... values) {
    return values;
  }

  static Schema schema(Object... namesAndTypes) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.add(Field.of((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1]));
    }
    return new Schema(fields);
  }

  /** The output schema a planner would give: the key columns, then one column per call. */
  static Schema outputSchema(Schema input, int[] keys, List<AggregateCall> calls) {
    List<Field> aggregateFields = new ArrayList<>();
    for (AggregateCall call : calls) {
      aggregateFields.add(Field.of(call.name(), call.resultType()));
    }
    return input.project(keys).concat(new Schema(aggregateFields));
  }

  static GroupAggregateFactory factory(
      Schema input, int[] keys, boolean inputIsChangelog, List<AggregateCall> calls) {
    return new GroupAggregateFactory(
        input, keys, calls, outputSchema(input, keys, calls), inputIsChangelog);
  }

  /** A batch of inserts. */
  static Batch rows(Schema schema, Object[]... rows) {
    return Batch.ofRows(schema, Arrays.asList(rows));
  }

  /** A batch of changes of any kind. */
  static Batch changes(Schema schema, Change... changes) {
    BatchBuilder builder = new BatchBuilder(schema, changes.length);
    for (Change change : changes) {
      builder.appendRow(change.values().toArray(), change.kind());
    }
    return builder.build();
  }

  static List<Change> changesOf(Batch batch) {
    List<Change> changes = new ArrayList<>(batch.rowCount());
    for (int row = 0; row < batch.rowCount(); row++) {
      changes.add(Change.of(batch.kind(row), batch.row(row)));
    }
    return changes;
  }

  /** Drives one operator instance micro-batch by micro-batch and checks the calling protocol. */
  static final class Harness {
    final GroupAggregateFactory factory;
    final GroupAggregateOperator operator;
    final List<Batch> emitted = new ArrayList<>();

    Harness(GroupAggregateFactory factory) {
      this.factory = factory;
      this.operator =
          (GroupAggregateOperator) factory.create(new OperatorContext("test-query", 0, 1));
    }

    /**
     * Runs one micro-batch over the given input batches and returns its changelog, empty when the
     * operator emitted no batch at all.
     */
    List<Change> microBatch(Batch... inputs) {
      int before = emitted.size();
      for (Batch input : inputs) {
        operator.process(input, emitted::add);
      }
      assertThat(emitted).as("output during process").hasSize(before);
      operator.endBatch(Long.MIN_VALUE, emitted::add);
      return lastEmission(before);
    }

    /** Ends the input and returns what {@link GroupAggregateOperator#finish} emitted. */
    List<Change> finish() {
      int before = emitted.size();
      operator.finish(emitted::add);
      return lastEmission(before);
    }

    private List<Change> lastEmission(int before) {
      assertThat(emitted.size() - before).as("batches emitted").isLessThanOrEqualTo(1);
      if (emitted.size() == before) {
        return List.of();
      }
      Batch batch = emitted.get(before);
      assertThat(batch.isEmpty()).as("an emitted batch is never empty").isFalse();
      assertThat(batch.schema()).isEqualTo(factory.outputSchema());
      return changesOf(batch);
    }
  }
}
