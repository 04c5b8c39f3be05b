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
  private final Map<Object, Long> occurrences = new HashMap<>();

  DistinctAccumulator(Accumulator delegate) {
    this.delegate = delegate;
  }

  @Override
  public void accumulate(Object value) {
    if (value == null) {
      return;
    }
    if (occurrences.merge(HashKeys.normalize(value), 1L, Long::sum) == 1L) {
      delegate.accumulate(value);
    }
  }

  @Override
  public void retract(Object value) {
    if (value == null) {
      return;
    }
    Object key = HashKeys.normalize(value);
    Long count = occurrences.get(key);
    if (count == null) {
      return;
    }
    if (count == 1L) {
      occurrences.remove(key);
      delegate.retract(value);
    } else {
      occurrences.put(key, count - 1);
    }
  }

  @Override
  public Object result() {
    return delegate.result();
  }

  /** How many distinct values are kept, for tests. */
  int distinctValues() {
    return occurrences.size();
  }
}
