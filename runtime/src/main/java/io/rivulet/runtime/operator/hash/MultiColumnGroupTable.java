package io.rivulet.runtime.operator.hash;

import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.type.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link GroupTable} over any key columns (several columns, or one VARCHAR, DECIMAL, DOUBLE or
 * BOOLEAN column, or none): the hashes of a batch's keys are computed column by column, then each
 * row probes slots holding group ids and their hashes, and only a matching hash compares the key
 * columns.
 */
final class MultiColumnGroupTable extends GroupTable {
  private final KeyColumn[] columns;

  /** Per slot, the group id plus one; 0 marks an empty slot. */
  private int[] slots;

  /** Per slot, the hash of the group in it. */
  private int[] slotHashes;

  private int mask;
  private int occupied;

  /** Per group id, the hash of its key. */
  private int[] groupHashes;

  private int[] rowHashes = new int[0];

  MultiColumnGroupTable(List<DataType> keyTypes, int capacity) {
    super(keyTypes, Math.max(8, capacity / 2));
    int groupCapacity = Math.max(8, capacity / 2);
    this.columns = new KeyColumn[keyTypes.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = KeyColumn.create(keyTypes.get(i), groupCapacity);
    }
    this.slots = new int[capacity];
    this.slotHashes = new int[capacity];
    this.mask = capacity - 1;
    this.groupHashes = new int[groupCapacity];
  }

  @Override
  public void findOrInsert(ColumnVector[] keys, int[] rows, int count, int[] groups) {
    if (count == 0) {
      return;
    }
    if (columns.length == 0) {
      Arrays.fill(groups, 0, count, findOrInsert(keys, rows[0]));
      return;
    }
    if (rowHashes.length < count) {
      rowHashes = new int[Math.max(count, rowHashes.length * 2)];
    }
    int[] hashes = rowHashes;
    for (int c = 0; c < columns.length; c++) {
      columns[c].hash(keys[c], rows, count, hashes, c == 0);
    }
    for (int i = 0; i < count; i++) {
      groups[i] = findOrInsert(spread(hashes[i]), keys, rows[i]);
    }
  }

  @Override
  public int findOrInsert(ColumnVector[] keys, int row) {
    return findOrInsert(hashRow(keys, row), keys, row);
  }

  @Override
  public int find(ColumnVector[] keys, int row) {
    int hash = hashRow(keys, row);
    for (int position = hash & mask; ; position = (position + 1) & mask) {
      int slot = slots[position];
      if (slot == 0) {
        return -1;
      }
      if (slotHashes[position] == hash && equalsRow(slot - 1, keys, row)) {
        return slot - 1;
      }
    }
  }

  @Override
  public int findOrInsertGroup(GroupTable other, int otherGroup) {
    MultiColumnGroupTable that = (MultiColumnGroupTable) other;
    int hash = that.groupHashes[otherGroup];
    for (int position = hash & mask; ; position = (position + 1) & mask) {
      int slot = slots[position];
      if (slot == 0) {
        int group = insert(position, hash);
        for (int c = 0; c < columns.length; c++) {
          columns[c].setFrom(group, that.columns[c], otherGroup);
        }
        return group;
      }
      if (slotHashes[position] == hash && equalsGroup(slot - 1, that, otherGroup)) {
        return slot - 1;
      }
    }
  }

  private int hashRow(ColumnVector[] keys, int row) {
    int hash = 0;
    for (int c = 0; c < columns.length; c++) {
      int columnHash = columns[c].hashRow(keys[c], row);
      hash = c == 0 ? columnHash : 31 * hash + columnHash;
    }
    return spread(hash);
  }

  private int findOrInsert(int hash, ColumnVector[] keys, int row) {
    int[] slots = this.slots;
    int[] slotHashes = this.slotHashes;
    int mask = this.mask;
    for (int position = hash & mask; ; position = (position + 1) & mask) {
      int slot = slots[position];
      if (slot == 0) {
        int group = insert(position, hash);
        for (int c = 0; c < columns.length; c++) {
          columns[c].set(group, keys[c], row);
        }
        return group;
      }
      if (slotHashes[position] == hash && equalsRow(slot - 1, keys, row)) {
        return slot - 1;
      }
    }
  }

  private boolean equalsRow(int group, ColumnVector[] keys, int row) {
    for (int c = 0; c < columns.length; c++) {
      if (!columns[c].equalsRow(group, keys[c], row)) {
        return false;
      }
    }
    return true;
  }

  private boolean equalsGroup(int group, MultiColumnGroupTable other, int otherGroup) {
    for (int c = 0; c < columns.length; c++) {
      if (!columns[c].equalsGroup(group, other.columns[c], otherGroup)) {
        return false;
      }
    }
    return true;
  }

  /** Takes a slot for a new group; the caller stores the key columns. */
  private int insert(int position, int hash) {
    int group = newId();
    groupHashes[group] = hash;
    slots[position] = group + 1;
    slotHashes[position] = hash;
    if (++occupied * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return group;
  }

  private void rehash(int capacity) {
    int[] oldSlots = slots;
    int[] oldHashes = slotHashes;
    slots = new int[capacity];
    slotHashes = new int[capacity];
    mask = capacity - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != 0) {
        int position = oldHashes[i] & mask;
        while (slots[position] != 0) {
          position = (position + 1) & mask;
        }
        slots[position] = oldSlots[i];
        slotHashes[position] = oldHashes[i];
      }
    }
  }

  @Override
  void removeKey(int group) {
    int position = groupHashes[group] & mask;
    while (slots[position] != group + 1) {
      position = (position + 1) & mask;
    }
    // Backward-shift deletion, as in LongGroupTable.
    int gap = position;
    for (int next = (gap + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
      int home = slotHashes[next] & mask;
      boolean movable = gap <= next ? (home <= gap || home > next) : (home <= gap && home > next);
      if (movable) {
        slots[gap] = slots[next];
        slotHashes[gap] = slotHashes[next];
        gap = next;
      }
    }
    slots[gap] = 0;
    occupied--;
    for (KeyColumn column : columns) {
      column.clear(group);
    }
  }

  @Override
  void clearSlots() {
    Arrays.fill(slots, 0);
    occupied = 0;
    for (int group = 0; group < groupHashes.length; group++) {
      for (KeyColumn column : columns) {
        column.clear(group);
      }
    }
  }

  @Override
  void growGroups(int capacity) {
    groupHashes = Arrays.copyOf(groupHashes, capacity);
    for (KeyColumn column : columns) {
      column.grow(capacity);
    }
  }

  @Override
  public Object key(int group, int column) {
    return columns[column].get(group);
  }

  @Override
  public void appendKey(int group, int column, VectorBuilder builder) {
    columns[column].appendTo(builder, group);
  }

  @Override
  public int compareKeys(int left, int right) {
    for (KeyColumn column : columns) {
      int comparison = column.compare(left, right);
      if (comparison != 0) {
        return comparison;
      }
    }
    return 0;
  }
}
