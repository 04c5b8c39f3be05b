package io.rivulet.runtime.operator.hash;

import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.type.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link GroupTable} over one key column stored as longs: linear probing over slots that hold
 * the group id and, beside it, the key, so that a lookup touches one region of memory. The SQL
 * null key has a group of its own outside the slots.
 */
final class LongGroupTable extends GroupTable {
  private final DataType type;

  /** Per slot, the group id plus one; 0 marks an empty slot. */
  private int[] slots;

  /** Per slot, the key of the group in it. */
  private long[] slotKeys;

  private int mask;
  private int occupied;

  /** Per group id, its key. */
  private long[] keys;

  private int nullGroup = -1;

  private long[] sortScratch = new long[0];

  LongGroupTable(List<DataType> keyTypes, int capacity) {
    super(keyTypes, Math.max(8, capacity / 2));
    this.type = keyTypes.get(0);
    this.slots = new int[capacity];
    this.slotKeys = new long[capacity];
    this.mask = capacity - 1;
    this.keys = new long[Math.max(8, capacity / 2)];
  }

  @Override
  public void findOrInsert(ColumnVector[] keyColumns, int[] rows, int count, int[] groups) {
    LongVector vector = (LongVector) keyColumns[0];
    long[] values = vector.values();
    boolean[] nulls = vector.nulls();
    if (nulls == null) {
      for (int i = 0; i < count; i++) {
        groups[i] = findOrInsertKey(values[rows[i]]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        groups[i] = nulls[row] ? nullGroup() : findOrInsertKey(values[row]);
      }
    }
  }

  @Override
  public int findOrInsert(ColumnVector[] keyColumns, int row) {
    LongVector vector = (LongVector) keyColumns[0];
    return vector.isNull(row) ? nullGroup() : findOrInsertKey(vector.getLong(row));
  }

  @Override
  public int find(ColumnVector[] keyColumns, int row) {
    LongVector vector = (LongVector) keyColumns[0];
    if (vector.isNull(row)) {
      return nullGroup;
    }
    long key = vector.getLong(row);
    int[] slots = this.slots;
    long[] slotKeys = this.slotKeys;
    int mask = this.mask;
    for (int position = KeyColumn.mix(key) & mask; ; position = (position + 1) & mask) {
      int slot = slots[position];
      if (slot == 0) {
        return -1;
      }
      if (slotKeys[position] == key) {
        return slot - 1;
      }
    }
  }

  @Override
  public int findOrInsertGroup(GroupTable other, int otherGroup) {
    LongGroupTable that = (LongGroupTable) other;
    return otherGroup == that.nullGroup ? nullGroup() : findOrInsertKey(that.keys[otherGroup]);
  }

  private int nullGroup() {
    if (nullGroup < 0) {
      nullGroup = newId();
    }
    return nullGroup;
  }

  private int findOrInsertKey(long key) {
    int[] slots = this.slots;
    long[] slotKeys = this.slotKeys;
    int mask = this.mask;
    for (int position = KeyColumn.mix(key) & mask; ; position = (position + 1) & mask) {
      int slot = slots[position];
      if (slot == 0) {
        return insert(position, key);
      }
      if (slotKeys[position] == key) {
        return slot - 1;
      }
    }
  }

  private int insert(int position, long key) {
    int group = newId();
    keys[group] = key;
    slots[position] = group + 1;
    slotKeys[position] = key;
    if (++occupied * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return group;
  }

  private void rehash(int capacity) {
    int[] oldSlots = slots;
    long[] oldKeys = slotKeys;
    slots = new int[capacity];
    slotKeys = new long[capacity];
    mask = capacity - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != 0) {
        int position = KeyColumn.mix(oldKeys[i]) & mask;
        while (slots[position] != 0) {
          position = (position + 1) & mask;
        }
        slots[position] = oldSlots[i];
        slotKeys[position] = oldKeys[i];
      }
    }
  }

  @Override
  void removeKey(int group) {
    if (group == nullGroup) {
      nullGroup = -1;
      return;
    }
    int position = KeyColumn.mix(keys[group]) & mask;
    while (slots[position] != group + 1) {
      position = (position + 1) & mask;
    }
    // Backward-shift deletion: move later entries of the probe run into the gap, so that no
    // tombstones are needed and lookups stop at the first empty slot.
    int gap = position;
    for (int next = (gap + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
      int home = KeyColumn.mix(slotKeys[next]) & mask;
      boolean movable = gap <= next ? (home <= gap || home > next) : (home <= gap && home > next);
      if (movable) {
        slots[gap] = slots[next];
        slotKeys[gap] = slotKeys[next];
        gap = next;
      }
    }
    slots[gap] = 0;
    occupied--;
  }

  @Override
  void clearSlots() {
    Arrays.fill(slots, 0);
    occupied = 0;
    nullGroup = -1;
  }

  @Override
  void growGroups(int capacity) {
    keys = Arrays.copyOf(keys, capacity);
  }

  @Override
  public Object key(int group, int column) {
    return group == nullGroup ? null : type.fromLong(keys[group]);
  }

  @Override
  public void appendKey(int group, int column, VectorBuilder builder) {
    if (group == nullGroup) {
      builder.appendNull();
    } else {
      builder.appendLong(keys[group]);
    }
  }

  @Override
  public void appendKeys(int[] groups, int count, int column, VectorBuilder builder) {
    long[] keys = this.keys;
    int nullGroup = this.nullGroup;
    for (int i = 0; i < count; i++) {
      int group = groups[i];
      if (group == nullGroup) {
        builder.appendNull();
      } else {
        builder.appendLong(keys[group]);
      }
    }
  }

  /**
   * Sorts by key; when every key fits in an int (ids, dates, small numbers), as longs holding the
   * key above the group id, which {@link Arrays#sort(long[])} orders without a comparator.
   */
  @Override
  public void sortByKey(int[] groups, int count) {
    int first = 0;
    for (int i = 0; i < count; i++) {
      if (groups[i] == nullGroup) {
        groups[i] = groups[0];
        groups[0] = nullGroup;
        first = 1;
        break;
      }
    }
    if (sortScratch.length < count) {
      sortScratch = new long[Math.max(count, sortScratch.length * 2)];
    }
    long[] packed = sortScratch;
    for (int i = first; i < count; i++) {
      long key = keys[groups[i]];
      if (key != (int) key) {
        super.sortByKey(groups, count);
        return;
      }
      packed[i] = (key << 32) | groups[i];
    }
    Arrays.sort(packed, first, count);
    for (int i = first; i < count; i++) {
      groups[i] = (int) packed[i];
    }
  }

  @Override
  public int compareKeys(int left, int right) {
    if (left == nullGroup || right == nullGroup) {
      return Boolean.compare(left != nullGroup, right != nullGroup);
    }
    return Long.compare(keys[left], keys[right]);
  }
}
