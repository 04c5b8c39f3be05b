package io.rivulet.runtime.operator.aggregate;

import java.util.HashMap;
import java.util.Map;

/**
 * The DISTINCT form of an aggregate: counts how often each value occurs and passes a value on to
 * the wrapped accumulator only when it first appears, and takes it back only when its last
 * occurrence is retracted.
 */
final class DistinctAccumulator implements Accumulator {
  private final Accumulator delegate;

  /** Per normalized value, the value as first added (which the delegate saw) and its count. */
  private final Map<Object, Occurrences> occurrences = new HashMap<>();

  DistinctAccumulator(Accumulator delegate) {
    this.delegate = delegate;
  }

  @Override
  public void accumulate(Object value) {
    if (value == null) {
      return;
    }
    Object key = HashKeys.normalize(value);
    Occurrences seen = occurrences.get(key);
    if (seen == null) {
      occurrences.put(key, new Occurrences(value, 1));
      delegate.accumulate(value);
    } else {
      seen.count++;
    }
  }

  @Override
  public void retract(Object value) {
    if (value == null) {
      return;
    }
    Object key = HashKeys.normalize(value);
    Occurrences seen = occurrences.get(key);
    if (seen == null) {
      return;
    }
    if (seen.count == 1L) {
      occurrences.remove(key);
      delegate.retract(value);
    } else {
      seen.count--;
    }
  }

  /**
   * Values new to this accumulator reach the delegate in the form {@code other} first saw them, so
   * that a merged result equals one accumulated in a single accumulator (a decimal's scale
   * included).
   */
  @Override
  public void merge(Accumulator other) {
    if (!(other instanceof DistinctAccumulator that)
        || that.delegate.getClass() != delegate.getClass()) {
      throw CountAccumulator.cannotMerge(this, other);
    }
    that.occurrences.forEach(
        (key, theirs) -> {
          Occurrences ours = occurrences.get(key);
          if (ours == null) {
            occurrences.put(key, new Occurrences(theirs.first, theirs.count));
            delegate.accumulate(theirs.first);
          } else {
            ours.count += theirs.count;
          }
        });
  }

  @Override
  public Object result() {
    return delegate.result();
  }

  /** How many distinct values are kept, for tests. */
  int distinctValues() {
    return occurrences.size();
  }

  /** How often one value occurs, and the form in which it first arrived. */
  private static final class Occurrences {
    final Object first;
    long count;

    Occurrences(Object first, long count) {
      this.first = first;
      this.count = count;
    }
  }
}
