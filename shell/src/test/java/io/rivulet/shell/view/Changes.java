package io.rivulet.shell.view;

import io.rivulet.engine.ResultBatch;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;

/** Result batches written as data: {@code Changes.of(7).add("+I", "web", 2L).batch()}. */
final class Changes {
  static final Schema COUNTS = Schema.of(Field.of("channel", DataType.VARCHAR), Field.of("n", DataType.BIGINT));

  private final long batchId;
  private final Schema schema;
  private final List<Object[]> rows = new ArrayList<>();
  private final List<RowKind> kinds = new ArrayList<>();

  private Changes(long batchId, Schema schema) {
    this.batchId = batchId;
    this.schema = schema;
  }

  static Changes of(long batchId) {
    return new Changes(batchId, COUNTS);
  }

  static Changes of(long batchId, Schema schema) {
    return new Changes(batchId, schema);
  }

  Changes add(String kind, Object... row) {
    kinds.add(RowKind.ofShortName(kind));
    rows.add(row);
    return this;
  }

  ResultBatch batch() {
    Batch batch = Batch.ofRows(schema, rows);
    if (kinds.stream().anyMatch(kind -> kind != RowKind.INSERT)) {
      byte[] codes = new byte[kinds.size()];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = kinds.get(i).code();
      }
      batch = batch.withKinds(codes);
    }
    return new ResultBatch(batchId, batch);
  }
}
