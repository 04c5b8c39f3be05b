package io.rivulet.runtime.operator.aggregate;

import io.rivulet.runtime.type.DataType;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code MIN(x)} and {@code MAX(x)} over any comparable type; null when there is no non-null
 * value.
 *
 * <p>On an append-only input a running extreme is enough (and kept unboxed for LONG and DOUBLE
 * columns). Under retraction the extreme may be taken back, so every value is kept with its
 * multiplicity in a sorted map and the extreme is read from its first or last entry.
 */
abstract sealed class ExtremumAccumulator implements Accumulator {
  protected final boolean maximum;

  private ExtremumAccumulator(boolean maximum) {
    this.maximum = maximum;
  }

  static ExtremumAccumulator create(boolean maximum, DataType argumentType, boolean retractable) {
    Objects.requireNonNull(argumentType, "argumentType");
    if (retractable) {
      return new Retracting(maximum);
    }
    return switch (argumentType.storage()) {
      case LONG -> new RunningLong(maximum, argumentType);
      case DOUBLE -> new RunningDouble(maximum, argumentType);
      case BOOLEAN, OBJECT -> new RunningObject(maximum);
    };
  }

  protected final String functionName() {
    return maximum ? "MAX" : "MIN";
  }

  protected final IllegalStateException cannotRetract() {
    return new IllegalStateException(
        functionName()
            + " was planned for an append-only input and cannot take values back;"
            + " create it as retractable when the input is a changelog");
  }

  /** {@code other} as an extremum of the same class and direction, or the error for merging it. */
  protected final <T extends ExtremumAccumulator> T sameKind(Accumulator other, Class<T> kind) {
    if (!kind.isInstance(other) || ((ExtremumAccumulator) other).maximum != maximum) {
      throw CountAccumulator.cannotMerge(this, other);
    }
    return kind.cast(other);
  }

  /** Whether a candidate replaces the current extreme, given the candidate compared to it. */
  protected final boolean replaces(int comparison) {
    return maximum ? comparison > 0 : comparison < 0;
  }

  /** A running extreme of a LONG column, kept as a primitive. */
  static final class RunningLong extends ExtremumAccumulator {
    private final DataType argumentType;
    private boolean empty = true;
    private long extreme;

    RunningLong(boolean maximum, DataType argumentType) {
      super(maximum);
      this.argumentType = argumentType;
    }

    @Override
    public void accumulate(Object value) {
      if (value != null) {
        accumulateLong(argumentType.toLong(value), argumentType);
      }
    }

    @Override
    public void accumulateLong(long value, DataType type) {
      if (empty || replaces(Long.compare(value, extreme))) {
        extreme = value;
        empty = false;
      }
    }

    @Override
    public void retract(Object value) {
      if (value != null) {
        throw cannotRetract();
      }
    }

    @Override
    public void retractLong(long value, DataType type) {
      throw cannotRetract();
    }

    @Override
    public void merge(Accumulator other) {
      RunningLong that = sameKind(other, RunningLong.class);
      if (!that.empty) {
        accumulateLong(that.extreme, argumentType);
      }
    }

    @Override
    public Object result() {
      return empty ? null : argumentType.fromLong(extreme);
    }
  }

  /** A running extreme of a DOUBLE column, ordered like {@link Double#compare}. */
  static final class RunningDouble extends ExtremumAccumulator {
    private final DataType argumentType;
    private boolean empty = true;
    private double extreme;

    RunningDouble(boolean maximum, DataType argumentType) {
      super(maximum);
      this.argumentType = argumentType;
    }

    @Override
    public void accumulate(Object value) {
      if (value != null) {
        accumulateDouble(((Number) value).doubleValue(), argumentType);
      }
    }

    @Override
    public void accumulateDouble(double value, DataType type) {
      if (empty || replaces(Double.compare(value, extreme))) {
        extreme = value;
        empty = false;
      }
    }

    @Override
    public void retract(Object value) {
      if (value != null) {
        throw cannotRetract();
      }
    }

    @Override
    public void retractDouble(double value, DataType type) {
      throw cannotRetract();
    }

    @Override
    public void merge(Accumulator other) {
      RunningDouble that = sameKind(other, RunningDouble.class);
      if (!that.empty) {
        accumulateDouble(that.extreme, argumentType);
      }
    }

    @Override
    public Object result() {
      return empty ? null : argumentType.fromDouble(extreme);
    }
  }

  /** A running extreme of comparable objects (strings, decimals, booleans). */
  static final class RunningObject extends ExtremumAccumulator {
    private Comparable<Object> extreme;

    RunningObject(boolean maximum) {
      super(maximum);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accumulate(Object value) {
      if (value == null) {
        return;
      }
      Comparable<Object> candidate = (Comparable<Object>) value;
      if (extreme == null || replaces(candidate.compareTo(extreme))) {
        extreme = candidate;
      }
    }

    @Override
    public void retract(Object value) {
      if (value != null) {
        throw cannotRetract();
      }
    }

    @Override
    public void merge(Accumulator other) {
      accumulate(sameKind(other, RunningObject.class).extreme);
    }

    @Override
    public Object result() {
      return extreme;
    }
  }

  /** Every value with its multiplicity, so that the extreme can be retracted. */
  static final class Retracting extends ExtremumAccumulator {
    // Natural ordering: values of one column are all of one Comparable class.
    private final TreeMap<Object, Long> counts = new TreeMap<>();

    Retracting(boolean maximum) {
      super(maximum);
    }

    @Override
    public void accumulate(Object value) {
      if (value != null) {
        counts.merge(value, 1L, Long::sum);
      }
    }

    @Override
    public void retract(Object value) {
      if (value != null) {
        Long count = counts.get(value);
        if (count == null) {
          return;
        }
        if (count == 1L) {
          counts.remove(value);
        } else {
          counts.put(value, count - 1);
        }
      }
    }

    @Override
    public void merge(Accumulator other) {
      sameKind(other, Retracting.class)
          .counts
          .forEach((value, count) -> counts.merge(value, count, Long::sum));
    }

    @Override
    public Object result() {
      if (counts.isEmpty()) {
        return null;
      }
      return maximum ? counts.lastKey() : counts.firstKey();
    }

    /** How many distinct values are kept, for tests. */
    int distinctValues() {
      return counts.size();
    }
  }
}
