package io.rivulet.planner.codegen.vector;

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

  private String[] keys = new String[MIN_SLOTS];
  private int[] hashes = new int[MIN_SLOTS];
  private int[] slotIds = new int[MIN_SLOTS];
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
    int mask = keys.length - 1;
    int slot = spread(hash) & mask;
    while (true) {
      String candidate = keys[slot];
      if (candidate == null) {
        break;
      }
      if (candidate == key || (hashes[slot] == hash && candidate.equals(key))) {
        return slotIds[slot];
      }
      slot = (slot + 1) & mask;
    }
    sampledNew++;
    if (size >= MAX_ENTRIES) {
      return Values.Ids.NONE;
    }
    int id = size++;
    keys[slot] = key;
    hashes[slot] = hash;
    slotIds[slot] = id;
    if (size * 2 > keys.length) {
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
      keys = new String[MIN_SLOTS];
      hashes = new int[MIN_SLOTS];
      slotIds = new int[MIN_SLOTS];
      size = 0;
    }
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldIds = slotIds;
    int slots = oldKeys.length * 2;
    keys = new String[slots];
    hashes = new int[slots];
    slotIds = new int[slots];
    int mask = slots - 1;
    for (int old = 0; old < oldKeys.length; old++) {
      if (oldKeys[old] == null) {
        continue;
      }
      int slot = spread(oldHashes[old]) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = oldKeys[old];
      hashes[slot] = oldHashes[old];
      slotIds[slot] = oldIds[old];
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
