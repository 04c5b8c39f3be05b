package io.rivulet.runtime.operator.hash;

import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.type.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link GroupTable} over one VARCHAR key column: the Strings themselves are the stored keys, a
 * key's hash is its String's cached hash code, and a probe compares references before characters.
 *
 * <p>A word count groups hundreds of thousands of words a micro-batch into a few thousand groups,
 * and the split hands out one String per recurring word: most probes find a slot whose hash and
 * String are the row's own, without reading the characters of either or going through the
 * column-by-column machinery of {@link MultiColumnGroupTable}. Hashes, equality (nulls one group)
 * and the order of ids are those of {@link MultiColumnGroupTable} over the same column.
 */
final class StringGroupTable extends GroupTable {
  /**
   * Per slot, the hash of the group in it in the high half and its id plus one in the low half; 0
   * marks an empty slot. One array, so that a probe of a key not in the cache misses once.
   */
  private long[] slots;

  private int mask;
  private int occupied;

  /**
   * Per group id, its key: the instance of the latest equal row, so that the rows after it that
   * bring the same instance match by identity (a split replaces a word's String now and then).
   */
  private String[] keys;

  /** Per group id, the hash of its key. */
  private int[] groupHashes;

  StringGroupTable(List<DataType> keyTypes, int capacity) {
    super(keyTypes, Math.max(8, capacity / 2));
    if (keyTypes.size() != 1 || keyTypes.get(0) != DataType.VARCHAR) {
      throw new IllegalArgumentException(
          "a string group table needs one VARCHAR key, not " + keyTypes);
    }
    int groupCapacity = Math.max(8, capacity / 2);
    this.slots = new long[capacity];
    this.mask = capacity - 1;
    this.keys = new String[groupCapacity];
    this.groupHashes = new int[groupCapacity];
  }

  /** Whether a key of these column types is one this table can hold. */
  static boolean accepts(List<DataType> keyTypes) {
    return keyTypes.size() == 1 && keyTypes.get(0) == DataType.VARCHAR;
  }

  private static int hash(String key) {
    return spread(key == null ? KeyColumn.NULL_HASH : key.hashCode());
  }

  @Override
  public void findOrInsert(ColumnVector[] keyColumns, int[] rows, int count, int[] groups) {
    ColumnVector column = keyColumns[0];
    if (column instanceof ObjectVector objects) {
      Object[] values = objects.values();
      for (int i = 0; i < count; i++) {
        groups[i] = findOrInsert((String) values[rows[i]]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        groups[i] = findOrInsert((String) column.get(rows[i]));
      }
    }
  }

  @Override
  public int findOrInsert(ColumnVector[] keyColumns, int row) {
    return findOrInsert((String) keyColumns[0].get(row));
  }

  private static int hashOf(long slot) {
    return (int) (slot >>> 32);
  }

  private static int groupOf(long slot) {
    return (int) slot - 1;
  }

  private int findOrInsert(String key) {
    int hash = hash(key);
    long[] slots = this.slots;
    int mask = this.mask;
    for (int position = hash & mask; ; position = (position + 1) & mask) {
      long slot = slots[position];
      if (slot == 0) {
        int group = insert(position, hash);
        keys[group] = key;
        return group;
      }
      if (hashOf(slot) == hash) {
        int group = groupOf(slot);
        String stored = keys[group];
        if (stored == key) {
          return group;
        }
        if (stored != null && stored.equals(key)) {
          keys[group] = key;
          return group;
        }
      }
    }
  }

  @Override
  public int find(ColumnVector[] keyColumns, int row) {
    String key = (String) keyColumns[0].get(row);
    int hash = hash(key);
    for (int position = hash & mask; ; position = (position + 1) & mask) {
      long slot = slots[position];
      if (slot == 0) {
        return -1;
      }
      if (hashOf(slot) == hash && equal(keys[groupOf(slot)], key)) {
        return groupOf(slot);
      }
    }
  }

  private static boolean equal(String stored, String key) {
    return stored == key || (stored != null && stored.equals(key));
  }

  @Override
  public int findOrInsertGroup(GroupTable other, int otherGroup) {
    StringGroupTable that = (StringGroupTable) other;
    int hash = that.groupHashes[otherGroup];
    String key = that.keys[otherGroup];
    for (int position = hash & mask; ; position = (position + 1) & mask) {
      long slot = slots[position];
      if (slot == 0) {
        int group = insert(position, hash);
        keys[group] = key;
        return group;
      }
      if (hashOf(slot) == hash && equal(keys[groupOf(slot)], key)) {
        return groupOf(slot);
      }
    }
  }

  /** Takes a slot for a new group; the caller stores the key. */
  private int insert(int position, int hash) {
    int group = newId();
    groupHashes[group] = hash;
    slots[position] = (long) hash << 32 | (group + 1);
    if (++occupied * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return group;
  }

  private void rehash(int capacity) {
    long[] oldSlots = slots;
    slots = new long[capacity];
    mask = capacity - 1;
    for (long slot : oldSlots) {
      if (slot != 0) {
        int position = hashOf(slot) & mask;
        while (slots[position] != 0) {
          position = (position + 1) & mask;
        }
        slots[position] = slot;
      }
    }
  }

  @Override
  void removeKey(int group) {
    int position = groupHashes[group] & mask;
    while (groupOf(slots[position]) != group) {
      position = (position + 1) & mask;
    }
    // Backward-shift deletion, as in LongGroupTable.
    int gap = position;
    for (int next = (gap + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
      int home = hashOf(slots[next]) & mask;
      boolean movable = gap <= next ? (home <= gap || home > next) : (home <= gap && home > next);
      if (movable) {
        slots[gap] = slots[next];
        gap = next;
      }
    }
    slots[gap] = 0;
    occupied--;
    keys[group] = null;
  }

  @Override
  void clearSlots() {
    Arrays.fill(slots, 0);
    occupied = 0;
    Arrays.fill(keys, null);
  }

  @Override
  void growGroups(int capacity) {
    groupHashes = Arrays.copyOf(groupHashes, capacity);
    keys = Arrays.copyOf(keys, capacity);
  }

  @Override
  public Object key(int group, int column) {
    checkColumn(column);
    return keys[group];
  }

  @Override
  public void appendKey(int group, int column, VectorBuilder builder) {
    checkColumn(column);
    builder.append(keys[group]);
  }

  private static void checkColumn(int column) {
    if (column != 0) {
      throw new IndexOutOfBoundsException("key column " + column + " of a one-column key");
    }
  }

  @Override
  public int compareKeys(int left, int right) {
    String a = keys[left];
    String b = keys[right];
    if (a == b) {
      return 0;
    } else if (a == null) {
      return -1;
    } else if (b == null) {
      return 1;
    }
    return a.compareTo(b);
  }
}
