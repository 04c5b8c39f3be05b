package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;

/** The check of the joins that take append-only inputs. */
final class AppendOnly {
  private AppendOnly() {}

  /**
   * @param operator the operator with its article, for the message: {@code "a window join"}
   * @throws IllegalStateException when {@code batch} holds a row that is not an insert
   */
  static void check(Batch batch, String operator) {
    byte[] kinds = batch.kindCodes();
    if (kinds == null) {
      return;
    }
    for (byte kind : kinds) {
      if (kind != RowKind.INSERT.code()) {
        throw new IllegalStateException(
            operator
                + " takes append-only inputs but got a "
                + RowKind.ofCode(kind).shortName()
                + " row; plan it only over streams of inserts, or use a regular join");
      }
    }
  }
}
