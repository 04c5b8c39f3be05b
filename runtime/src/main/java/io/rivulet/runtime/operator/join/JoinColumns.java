package io.rivulet.runtime.operator.join;

import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The checks every join factory makes on its columns, and the key list EXPLAIN shows. */
final class JoinColumns {
  private JoinColumns() {}

  /**
   * Checks that the key columns exist, pair up and can be compared: both of one storage, and of one
   * type when they are objects (VARCHAR with VARCHAR, DECIMAL with DECIMAL).
   */
  static void checkKeys(
      Schema leftSchema,
      int[] leftKeys,
      String leftSide,
      Schema rightSchema,
      int[] rightKeys,
      String rightSide) {
    Objects.requireNonNull(leftKeys, leftSide + " keys");
    Objects.requireNonNull(rightKeys, rightSide + " keys");
    if (leftKeys.length != rightKeys.length) {
      throw new IllegalArgumentException(
          "a join needs as many "
              + leftSide
              + " key columns as "
              + rightSide
              + " key columns, got "
              + leftKeys.length
              + " and "
              + rightKeys.length);
    }
    for (int i = 0; i < leftKeys.length; i++) {
      checkColumn(leftSchema, leftKeys[i], leftSide + " key");
      checkColumn(rightSchema, rightKeys[i], rightSide + " key");
      DataType leftType = leftSchema.type(leftKeys[i]);
      DataType rightType = rightSchema.type(rightKeys[i]);
      boolean comparable =
          leftType.storage() == rightType.storage()
              && (leftType.storage() != DataType.Storage.OBJECT || leftType == rightType);
      if (!comparable) {
        throw new IllegalArgumentException(
            "join key "
                + leftSchema.field(leftKeys[i]).name()
                + " is "
                + leftType
                + " but "
                + rightSchema.field(rightKeys[i]).name()
                + " is "
                + rightType
                + "; cast one side so that both keys have one type");
      }
    }
  }

  static void checkColumn(Schema schema, int index, String what) {
    if (index < 0 || index >= schema.size()) {
      throw new IllegalArgumentException(
          what + " refers to column " + index + " of input " + schema);
    }
  }

  /** Checks that {@code index} is a TIMESTAMP column of {@code schema}. */
  static void checkTimestamp(Schema schema, int index, String what) {
    checkColumn(schema, index, what);
    if (schema.type(index) != DataType.TIMESTAMP) {
      throw new IllegalArgumentException(
          what
              + " "
              + schema.field(index).name()
              + " is "
              + schema.type(index)
              + "; it must be a TIMESTAMP column");
    }
  }

  /** Checks that {@code output} has the columns and types {@code type} produces. */
  static void checkOutput(JoinType type, Schema left, Schema right, Schema output) {
    Objects.requireNonNull(output, "outputSchema");
    Schema expected = type.outputSchema(left, right);
    if (expected.size() != output.size()) {
      throw new IllegalArgumentException(
          "output schema "
              + output
              + " of join type "
              + type
              + " should have "
              + expected.size()
              + " columns: "
              + expected);
    }
    for (int i = 0; i < expected.size(); i++) {
      if (expected.type(i) != output.type(i)) {
        throw new IllegalArgumentException(
            "output column "
                + output.field(i).name()
                + " is "
                + output.type(i)
                + " but the join puts "
                + expected.field(i).name()
                + " of type "
                + expected.type(i)
                + " there");
      }
    }
  }

  /** The key pairs as EXPLAIN shows them, e.g. {@code [user_id = id, day = day]}. */
  static String explainKeys(Schema left, int[] leftKeys, Schema right, int[] rightKeys) {
    List<String> pairs = new ArrayList<>(leftKeys.length);
    for (int i = 0; i < leftKeys.length; i++) {
      pairs.add(left.field(leftKeys[i]).name() + " = " + right.field(rightKeys[i]).name());
    }
    return pairs.toString();
  }
}
