package io.rivulet.runtime.batch;

import io.rivulet.runtime.type.DataType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * All-null vectors for columns a source was told nobody reads: made once per type and row count
 * and then handed out again, since vectors never change. One instance serves one thread.
 */
public final class NullVectors {
  private final Map<DataType, ColumnVector> last = new EnumMap<>(DataType.class);

  /** A vector of {@code count} nulls of {@code type}. */
  public ColumnVector of(DataType type, int count) {
    ColumnVector vector = last.get(type);
    if (vector == null || vector.size() != count) {
      vector = create(type, count);
      last.put(type, vector);
    }
    return vector;
  }

  private static ColumnVector create(DataType type, int count) {
    boolean[] nulls = new boolean[count];
    Arrays.fill(nulls, true);
    return switch (type.storage()) {
      case LONG -> new LongVector(type, new long[count], nulls, count);
      case DOUBLE -> new DoubleVector(type, new double[count], nulls, count);
      case BOOLEAN -> new BooleanVector(new boolean[count], nulls, count);
      case OBJECT -> new ObjectVector(type, new Object[count], count);
    };
  }
}
