package io.rivulet.planner.codegen.vector;

import java.util.Arrays;

/**
 * The results of one {@link Memoized} expression by input string, for one thread: an
 * open-addressing table (linear probing, keys compared by identity first, then by equality) that
 * grows with the strings it sees up to {@link #MAX_SLOTS} and is emptied when it holds {@link
 * #MAX_ENTRIES}, so its memory stays bounded whatever the data. It also decides whether memoizing
 * pays: when too few rows of the recent batches found their value, it stands aside for a number
 * of batches that doubles each time it is proved right.
 *
 * <p>Protocol, per evaluation: {@link #use(int)}; when true, {@link #find} each key and {@link
 * #insert} the missing ones (their values unset), then {@link #store} every inserted slot's value
 * before any {@code load}; {@link #account} the hits; {@link #clear()} when the values could not be
 * computed. Slots stay valid during one evaluation: the table only grows or empties in {@link
 * #use(int)}.
 */
final class MemoTable {
  static final int MIN_SLOTS = 1 << 10;
  static final int MAX_SLOTS = 1 << 15;
  /** Entries at which the table is emptied before the next batch. */
  static final int MAX_ENTRIES = MAX_SLOTS / 2;
  /** Entries at which no more are inserted during a batch, to keep probes short. */
  private static final int MAX_LOAD = MAX_SLOTS / 4 * 3;
  /** Rows over which the hit rate is judged, so that batches of a few rows are judged together. */
  static final int SAMPLE_ROWS = 2048;
  /** The longest stand-aside, in evaluations. */
  static final int MAX_BYPASS = 64;

  private final Representation representation;
  private String[] keys;
  private int[] hashes;
  private Object[] objects;
  private long[] longs;
  private double[] doubles;
  private boolean[] booleans;
  private boolean[] nulls;
  private int size;

  private int sampledRows;
  private int sampledHits;
  private int bypassLeft;
  private int bypassLength = 1;

  MemoTable(Representation representation) {
    this.representation = representation;
    allocate(MIN_SLOTS);
  }

  private void allocate(int slots) {
    keys = new String[slots];
    hashes = new int[slots];
    switch (representation) {
      case LONG:
        longs = new long[slots];
        nulls = new boolean[slots];
        break;
      case DOUBLE:
        doubles = new double[slots];
        nulls = new boolean[slots];
        break;
      case BOOLEAN:
        booleans = new boolean[slots];
        nulls = new boolean[slots];
        break;
      default:
        objects = new Object[slots];
        break;
    }
  }

  /**
   * Whether to memoize an evaluation of {@code rows} rows; if so, makes room for them (growing, or
   * emptying a full table) so that no slot moves until the next call.
   */
  boolean use(int rows) {
    if (bypassLeft > 0) {
      bypassLeft--;
      return false;
    }
    if (size >= MAX_ENTRIES) {
      clear();
    }
    int wanted = keys.length;
    while (wanted < MAX_SLOTS && (long) size + rows > wanted / 2) {
      wanted *= 2;
    }
    if (wanted != keys.length) {
      grow(wanted);
    }
    return true;
  }

  /** The slot holding {@code key}, or the complement of the free slot where it belongs. */
  int find(String key) {
    int hash = key.hashCode();
    int mask = keys.length - 1;
    int slot = spread(hash) & mask;
    while (true) {
      String candidate = keys[slot];
      if (candidate == null) {
        return ~slot;
      }
      if (candidate == key || (hashes[slot] == hash && candidate.equals(key))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Takes {@code key} into the free slot {@code ~found} returned for it, its value to be {@link
   * #store}d; false when the table takes no more entries until the next batch.
   */
  boolean insert(int found, String key) {
    if (size >= MAX_LOAD || size >= keys.length / 4 * 3) {
      return false;
    }
    int slot = ~found;
    keys[slot] = key;
    hashes[slot] = key.hashCode();
    size++;
    return true;
  }

  /** Sets the value of {@code slot} to that of {@code row} in {@code values}. */
  void store(int slot, Values values, int row) {
    switch (representation) {
      case LONG: {
        Values.Longs x = (Values.Longs) values;
        longs[slot] = x.values()[row];
        nulls[slot] = x.isNull(row);
        break;
      }
      case DOUBLE: {
        Values.Doubles x = (Values.Doubles) values;
        doubles[slot] = x.values()[row];
        nulls[slot] = x.isNull(row);
        break;
      }
      case BOOLEAN: {
        Values.Booleans x = (Values.Booleans) values;
        booleans[slot] = x.values()[row];
        nulls[slot] = x.isNull(row);
        break;
      }
      default:
        objects[slot] = ((Values.Objects) values).values()[row];
        break;
    }
  }

  Object object(int slot) {
    return objects[slot];
  }

  long longValue(int slot) {
    return longs[slot];
  }

  double doubleValue(int slot) {
    return doubles[slot];
  }

  boolean booleanValue(int slot) {
    return booleans[slot];
  }

  boolean isNull(int slot) {
    return nulls[slot];
  }

  /**
   * Counts an evaluation of {@code rows} rows of which {@code hits} found their value, and stands
   * aside when fewer than a quarter of the sampled rows did.
   */
  void account(int rows, int hits) {
    sampledRows += rows;
    sampledHits += hits;
    if (sampledRows < SAMPLE_ROWS) {
      return;
    }
    if (sampledHits * 4L < sampledRows) {
      // Unique values: what the table holds is unlikely to be seen again.
      bypassLeft = bypassLength;
      bypassLength = Math.min(bypassLength * 2, MAX_BYPASS);
      clear();
    } else {
      bypassLength = 1;
    }
    sampledRows = 0;
    sampledHits = 0;
  }

  void clear() {
    if (size > 0) {
      Arrays.fill(keys, null);
      if (objects != null) {
        Arrays.fill(objects, null);
      }
      size = 0;
    }
  }

  int size() {
    return size;
  }

  int slots() {
    return keys.length;
  }

  private void grow(int slots) {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    Object[] oldObjects = objects;
    long[] oldLongs = longs;
    double[] oldDoubles = doubles;
    boolean[] oldBooleans = booleans;
    boolean[] oldNulls = nulls;
    allocate(slots);
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
      switch (representation) {
        case LONG:
          longs[slot] = oldLongs[old];
          nulls[slot] = oldNulls[old];
          break;
        case DOUBLE:
          doubles[slot] = oldDoubles[old];
          nulls[slot] = oldNulls[old];
          break;
        case BOOLEAN:
          booleans[slot] = oldBooleans[old];
          nulls[slot] = oldNulls[old];
          break;
        default:
          objects[slot] = oldObjects[old];
          break;
      }
    }
  }

  /** String hashes of similar strings differ in their low bits too little for a power-of-two mask. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
