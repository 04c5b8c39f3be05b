package io.rivulet.planner.codegen.vector;

import java.util.Arrays;

/**
 * Small ids for the distinct strings of one column, for one thread, so that every {@link Memoized}
 * expression of the column finds a row's value by one array load instead of a hash probe of its
 * own. An open-addressing table (linear probing; keys compared by identity first, then by
 * equality) of at most {@link #MAX_ENTRIES} strings: when full it gives {@link Values.Ids#NONE}
 * to new strings, and is emptied before the next batch, starting a new generation of ids. It
 * also decides whether memoizing pays: when it is full and most of the recent rows brought a new
 * string, it stands aside for a number of batches that doubles each time it is proved right.
 */
final class StringDictionary {
  static final int MAX_ENTRIES = 1 << 14;
  private static final int MIN_SLOTS = 1 << 10;
  /** Rows over which the share of new strings is judged, so that small batches are judged together. */
  static final int SAMPLE_ROWS = 2048;
  /** The longest stand-aside, in evaluations. */
  static final int MAX_BYPASS = 64;

  /**
   * Two ints per slot, the string's hash and its id + 1 (0: free), so that a probe reads one
   * array; the strings themselves are in {@link #strings} by id, small enough to stay in cache.
   */
  private int[] slots = new int[2 * MIN_SLOTS];
  private String[] strings = new String[MIN_SLOTS / 2];
  private int size;
  private long generation;

  private int sampledRows;
  private int sampledNew;
  private int bypassLeft;
  private int bypassLength = 1;

  /**
   * Whether to give ids for the next batch; empties a full dictionary first. False while standing
   * aside.
   */
  boolean use() {
    if (bypassLeft > 0) {
      bypassLeft--;
      return false;
    }
    if (size >= MAX_ENTRIES) {
      clear();
    }
    return true;
  }

  /** Ids change meaning when the generation changes. */
  long generation() {
    return generation;
  }

  int size() {
    return size;
  }

  /** The id of {@code key}, a new one for a string not seen yet, or NONE when full. */
  int id(String key) {
    int hash = key.hashCode();
    int mask = (slots.length >> 1) - 1;
    int slot = spread(hash) & mask;
    while (true) {
      int stored = slots[2 * slot + 1];
      if (stored == 0) {
        break;
      }
      if (slots[2 * slot] == hash) {
        String candidate = strings[stored - 1];
        if (candidate == key || candidate.equals(key)) {
          return stored - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
    sampledNew++;
    if (size >= MAX_ENTRIES) {
      return Values.Ids.NONE;
    }
    int id = size++;
    if (id == strings.length) {
      strings = Arrays.copyOf(strings, Math.min(2 * strings.length, MAX_ENTRIES));
    }
    strings[id] = key;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = id + 1;
    if (size * 2 > mask + 1) {
      grow();
    }
    return id;
  }

  /**
   * Counts {@code rows} looked up (the new ones counted by {@link #id}), and stands aside when the
   * dictionary is full and more than half of the sampled rows were new. While it fills, new
   * strings are no sign of unique data: a column of a few thousand values starts that way.
   */
  void account(int rows) {
    sampledRows += rows;
    if (sampledRows < SAMPLE_ROWS) {
      return;
    }
    if (size >= MAX_ENTRIES && sampledNew * 2L > sampledRows) {
      // Unique strings: what the dictionary holds is unlikely to be seen again.
      bypassLeft = bypassLength;
      bypassLength = Math.min(bypassLength * 2, MAX_BYPASS);
      clear();
    } else {
      bypassLength = 1;
    }
    sampledRows = 0;
    sampledNew = 0;
  }

  void clear() {
    generation++;
    if (size > 0) {
      slots = new int[2 * MIN_SLOTS];
      strings = new String[MIN_SLOTS / 2];
      size = 0;
    }
  }

  private void grow() {
    int[] old = slots;
    int capacity = old.length; // slots after doubling: twice the old count
    slots = new int[2 * capacity];
    int mask = capacity - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] == 0) {
        continue;
      }
      int slot = spread(old[i]) & mask;
      while (slots[2 * slot + 1] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[2 * slot] = old[i];
      slots[2 * slot + 1] = old[i + 1];
    }
  }

  /** String hashes of similar strings differ too little in their low bits for a power-of-two mask. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  @Override
  public String toString() {
    return "StringDictionary[" + size + " strings, generation " + generation + "]";
  }

  /**
   * The ids of a VARCHAR column's strings in this thread's dictionary: a common sub-expression of
   * the program that the memoized expressions of the column share. Shared by all partitions.
   */
  static final class Encode implements VectorExpression {
    private final int column;
    private final ThreadLocal<StringDictionary> dictionaries =
        ThreadLocal.withInitial(StringDictionary::new);

    Encode(int column) {
      this.column = column;
    }

    /** This thread's dictionary; for tests. */
    StringDictionary dictionary() {
      return dictionaries.get();
    }

    @Override
    public Values evaluate(Frame frame, Rows rows) {
      StringDictionary dictionary = dictionaries.get();
      if (rows.isEmpty() || !dictionary.use()) {
        return new Values.Ids(null, dictionary.generation());
      }
      Object[] strings = ((Values.Objects) frame.column(column)).values();
      int[] ids = new int[frame.size()];
      int[] positions = rows.positions();
      int count = rows.count();
      for (int i = 0; i < count; i++) {
        int row = positions[i];
        String value = (String) strings[row];
        ids[row] = value == null ? Values.Ids.NULL : dictionary.id(value);
      }
      long generation = dictionary.generation();
      dictionary.account(count);
      return new Values.Ids(ids, generation);
    }

    @Override
    public String toString() {
      return "Encode[$" + column + "]";
    }
  }
}
