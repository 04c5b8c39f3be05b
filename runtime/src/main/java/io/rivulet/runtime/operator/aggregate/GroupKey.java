package io.rivulet.runtime.operator.aggregate;

import java.util.Arrays;

/** The key of a group over several columns: their values, with the hash computed once. */
final class GroupKey {
  /** The one key of a global aggregate, which has no group columns. */
  static final GroupKey EMPTY = new GroupKey(new Object[0]);

  private final Object[] values;
  private final int hash;

  /** Takes ownership of {@code values}, which must already be {@link HashKeys#normalize}d. */
  GroupKey(Object[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || (other instanceof GroupKey key
            && hash == key.hash
            && Arrays.equals(values, key.values));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
