package io.rivulet.runtime.operator.hash;

import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.type.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * An open-addressing hash table from group keys to dense int group ids, so that aggregating
 * operators keep their per-group state in primitive arrays indexed by group id.
 *
 * <p>Keys are read straight from the key columns of a batch: a key of one column stored as longs
 * (BIGINT, INTEGER, TIMESTAMP, DATE, ...) is hashed and compared as a long, a VARCHAR key by its
 * String's cached hash and by reference before characters, other keys column by
 * column against key columns the table stores (see {@link KeyColumn} for SQL's grouping equality:
 * nulls form one group, {@code 1.0} and {@code 1.00} one group). A key of no columns is the one
 * group of a global aggregate.
 *
 * <p>Ids are handed out from 0 upward; {@link #remove} frees an id, which a later insert reuses,
 * so callers reset a group's state when they remove it. {@link #idLimit} bounds every id handed
 * out so far, which is the length state arrays need. A table is not thread-safe.
 */
public abstract sealed class GroupTable
    permits LongGroupTable, MultiColumnGroupTable, StringGroupTable {
  private static final int[] NO_IDS = new int[0];

  private final List<DataType> keyTypes;
  private boolean[] live;
  private int[] freeIds = NO_IDS;
  private int freeCount;
  private int idLimit;
  private int size;

  GroupTable(List<DataType> keyTypes, int idCapacity) {
    this.keyTypes = List.copyOf(keyTypes);
    this.live = new boolean[idCapacity];
  }

  /** A table for keys of the given column types, sized for about {@code expectedGroups}. */
  public static GroupTable create(List<DataType> keyTypes, int expectedGroups) {
    int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, expectedGroups) * 2 - 1) * 2);
    if (keyTypes.size() == 1 && keyTypes.get(0).storage() == DataType.Storage.LONG) {
      return new LongGroupTable(keyTypes, capacity);
    }
    if (StringGroupTable.accepts(keyTypes)) {
      return new StringGroupTable(keyTypes, capacity);
    }
    return new MultiColumnGroupTable(keyTypes, capacity);
  }

  public static GroupTable create(List<DataType> keyTypes) {
    return create(keyTypes, 8);
  }

  /** The types of the key columns, in order. */
  public final List<DataType> keyTypes() {
    return keyTypes;
  }

  /**
   * The group of each row, adding groups for keys not seen yet: {@code groups[i]} becomes the
   * group of row {@code rows[i]} of the key columns {@code keys}.
   */
  public abstract void findOrInsert(ColumnVector[] keys, int[] rows, int count, int[] groups);

  /** The group of one row, added when its key is new. */
  public abstract int findOrInsert(ColumnVector[] keys, int row);

  /** The group of one row, or -1 when the table does not hold its key. */
  public abstract int find(ColumnVector[] keys, int row);

  /**
   * The group holding the key of {@code otherGroup} in {@code other}, a table over the same key
   * types, added when new (with the key as {@code other} holds it).
   */
  public abstract int findOrInsertGroup(GroupTable other, int otherGroup);

  /** Removes a group; its id may be handed out again. */
  public final void remove(int group) {
    if (!contains(group)) {
      throw new IllegalArgumentException("group " + group + " is not in the table");
    }
    removeKey(group);
    live[group] = false;
    size--;
    if (freeCount == freeIds.length) {
      freeIds = Arrays.copyOf(freeIds, Math.max(8, freeCount * 2));
    }
    freeIds[freeCount++] = group;
  }

  /** Takes a live group's key out of the hash slots and lets go of its stored values. */
  abstract void removeKey(int group);

  /** The number of groups held. */
  public final int size() {
    return size;
  }

  public final boolean isEmpty() {
    return size == 0;
  }

  /** One more than the greatest id handed out so far: the length per-group state arrays need. */
  public final int idLimit() {
    return idLimit;
  }

  /** Whether {@code group} is the id of a group the table holds. */
  public final boolean contains(int group) {
    return group >= 0 && group < idLimit && live[group];
  }

  /**
   * The ids of the groups held, in increasing order, written to {@code out} (grown when too
   * small); returns the array written.
   */
  public final int[] groups(int[] out) {
    int[] ids = out.length >= size ? out : new int[size];
    if (freeCount == 0) {
      for (int i = 0; i < idLimit; i++) {
        ids[i] = i;
      }
      return ids;
    }
    int count = 0;
    for (int i = 0; i < idLimit; i++) {
      if (live[i]) {
        ids[count++] = i;
      }
    }
    return ids;
  }

  /** A key column's value of a group, as the group's first row brought it (a Java value). */
  public abstract Object key(int group, int column);

  /** Appends a key column's value of a group to a builder of the column's type. */
  public abstract void appendKey(int group, int column, VectorBuilder builder);

  /** Appends a key column's values of {@code groups[0..count)}, in that order. */
  public void appendKeys(int[] groups, int count, int column, VectorBuilder builder) {
    for (int i = 0; i < count; i++) {
      appendKey(groups[i], column, builder);
    }
  }

  /**
   * Orders two groups by their keys, column by column, nulls first: the order in which
   * operators emit groups that fire together.
   */
  public abstract int compareKeys(int left, int right);

  /** Sorts {@code groups[0..count)} by {@link #compareKeys}. */
  public void sortByKey(int[] groups, int count) {
    sort(groups, 0, count);
  }

  /** Drops every group. */
  public final void clear() {
    Arrays.fill(live, 0, idLimit, false);
    idLimit = 0;
    size = 0;
    freeCount = 0;
    clearSlots();
  }

  abstract void clearSlots();

  /** Grows the per-group arrays to hold ids below {@code capacity}. */
  abstract void growGroups(int capacity);

  /** A fresh group id, reusing a removed one first. */
  final int newId() {
    int id;
    if (freeCount > 0) {
      id = freeIds[--freeCount];
    } else {
      id = idLimit++;
      if (id == live.length) {
        int capacity = live.length * 2;
        live = Arrays.copyOf(live, capacity);
        growGroups(capacity);
      }
    }
    live[id] = true;
    size++;
    return id;
  }

  /** The final mix of a key's hash, so that the low bits that index the slots are well spread. */
  static int spread(int hash) {
    hash ^= hash >>> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >>> 13;
    hash *= 0xc2b2ae35;
    return hash ^ (hash >>> 16);
  }

  private void sort(int[] a, int from, int to) {
    while (to - from > 12) {
      int mid = (from + to) >>> 1;
      int last = to - 1;
      // Median of three as the pivot, which also guards the scans below.
      if (compareKeys(a[mid], a[from]) < 0) {
        swap(a, mid, from);
      }
      if (compareKeys(a[last], a[from]) < 0) {
        swap(a, last, from);
      }
      if (compareKeys(a[last], a[mid]) < 0) {
        swap(a, last, mid);
      }
      int pivot = a[mid];
      int i = from;
      int j = last;
      while (i <= j) {
        while (compareKeys(a[i], pivot) < 0) {
          i++;
        }
        while (compareKeys(a[j], pivot) > 0) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      // Recurse into the smaller side, loop on the larger, so the stack stays logarithmic.
      if (j - from < to - i) {
        sort(a, from, j + 1);
        from = i;
      } else {
        sort(a, i, to);
        to = j + 1;
      }
    }
    for (int i = from + 1; i < to; i++) {
      int value = a[i];
      int j = i - 1;
      while (j >= from && compareKeys(a[j], value) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = value;
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
