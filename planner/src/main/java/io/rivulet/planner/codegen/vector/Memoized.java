package io.rivulet.planner.codegen.vector;

import java.util.Arrays;

/**
 * A deterministic expression of one VARCHAR column alone, computed once per distinct string:
 * real string columns repeat a few thousand values (channels, URLs), so most rows find their
 * value by their string's id (from the column's {@link StringDictionary.Encode}) in the thread's
 * {@link Table}, and only the others are evaluated by {@code body}, then scattered to every row
 * with that string. A NULL string is evaluated too (once per evaluation), since the body decides
 * what it gives. The body is evaluated in a frame of its own, so that the few rows it sees do not
 * take the place of wider values of the program's common sub-expressions. When the dictionary
 * stands aside (unique strings), the body evaluates all the rows in the program's frame, as if
 * there were no memo. Shared by all partitions; each thread has its own table.
 */
final class Memoized implements VectorExpression {
  private final VectorExpression body;
  private final VectorExpression ids;
  private final Representation representation;
  private final ThreadLocal<Table> tables;

  Memoized(VectorExpression body, VectorExpression ids, Representation representation) {
    this.body = body;
    this.ids = ids;
    this.representation = representation;
    this.tables = ThreadLocal.withInitial(() -> new Table(representation));
  }

  /** This thread's table; for tests. */
  Table table() {
    return tables.get();
  }

  /**
   * The values by string id of one generation of the dictionary, for one thread. Holds no more
   * entries than the dictionary has ids.
   */
  static final class Table {
    private static final byte UNKNOWN = 0;
    private static final byte KNOWN = 1;
    /** Missed in this evaluation: its value is being computed from one row. */
    private static final byte PENDING = 2;

    private final Representation representation;
    private long generation = -1;
    private byte[] states = new byte[0];
    private Object[] objects;
    private long[] longs;
    private double[] doubles;
    private boolean[] booleans;
    private boolean[] nulls;
    private long hits;
    private long computed;

    Table(Representation representation) {
      this.representation = representation;
      allocate(0);
    }

    /** Rows whose value was found; for tests. */
    long hits() {
      return hits;
    }

    /** Strings whose value was computed; for tests. */
    long computed() {
      return computed;
    }

    /** The number of ids this table has room for. */
    int capacity() {
      return states.length;
    }

    /** Forgets every value when the dictionary's ids changed meaning. */
    void adopt(long idsGeneration) {
      if (generation != idsGeneration) {
        generation = idsGeneration;
        allocate(0);
      }
    }

    private void allocate(int capacity) {
      states = Arrays.copyOf(states, capacity);
      switch (representation) {
        case LONG:
          longs = longs == null ? new long[capacity] : Arrays.copyOf(longs, capacity);
          nulls = nulls == null ? new boolean[capacity] : Arrays.copyOf(nulls, capacity);
          break;
        case DOUBLE:
          doubles = doubles == null ? new double[capacity] : Arrays.copyOf(doubles, capacity);
          nulls = nulls == null ? new boolean[capacity] : Arrays.copyOf(nulls, capacity);
          break;
        case BOOLEAN:
          booleans = booleans == null ? new boolean[capacity] : Arrays.copyOf(booleans, capacity);
          nulls = nulls == null ? new boolean[capacity] : Arrays.copyOf(nulls, capacity);
          break;
        default:
          objects = objects == null ? new Object[capacity] : Arrays.copyOf(objects, capacity);
          break;
      }
    }

    private void ensure(int id) {
      if (id >= states.length) {
        int capacity = Math.max(256, states.length);
        while (capacity <= id) {
          capacity *= 2;
        }
        allocate(Math.min(capacity, Math.max(StringDictionary.MAX_ENTRIES, id + 1)));
      }
    }

    private void store(int id, Values values, int row) {
      switch (representation) {
        case LONG: {
          Values.Longs x = (Values.Longs) values;
          longs[id] = x.values()[row];
          nulls[id] = x.isNull(row);
          break;
        }
        case DOUBLE: {
          Values.Doubles x = (Values.Doubles) values;
          doubles[id] = x.values()[row];
          nulls[id] = x.isNull(row);
          break;
        }
        case BOOLEAN: {
          Values.Booleans x = (Values.Booleans) values;
          booleans[id] = x.values()[row];
          nulls[id] = x.isNull(row);
          break;
        }
        default:
          objects[id] = ((Values.Objects) values).values()[row];
          break;
      }
    }
  }

  @Override
  public Values evaluate(Frame frame, Rows rows) {
    Values.Ids encoded = (Values.Ids) ids.evaluate(frame, rows);
    int[] idOf = encoded.ids();
    if (idOf == null) {
      return body.evaluate(frame, rows);
    }
    Table table = tables.get();
    table.adopt(encoded.generation());
    int count = rows.count();
    int[] positions = rows.positions();
    // Per row: the id whose value it takes from the table, or the complement of the row whose
    // computed value it takes.
    int[] sources = new int[count];
    int[] missed = new int[count];
    int[] missedIds = new int[count];
    int misses = 0;
    int firstNull = -1;
    byte[] states = table.states;
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      int id = idOf[row];
      if (id >= 0) {
        if (id >= states.length) {
          table.ensure(id);
          states = table.states;
        }
        byte state = states[id];
        if (state == Table.UNKNOWN) {
          states[id] = Table.PENDING;
          missedIds[misses] = id;
          missed[misses++] = row;
        }
        sources[i] = id;
      } else if (id == Values.Ids.NULL) {
        if (firstNull < 0) {
          firstNull = row;
          missedIds[misses] = -1;
          missed[misses++] = row;
        }
        sources[i] = ~firstNull;
      } else {
        missedIds[misses] = -1;
        missed[misses++] = row;
        sources[i] = ~row;
      }
    }
    Values computed = null;
    if (misses > 0) {
      try {
        computed = body.evaluate(frame.fresh(), Rows.of(missed, misses));
      } catch (RuntimeException e) {
        for (int m = 0; m < misses; m++) {
          if (missedIds[m] >= 0) {
            states[missedIds[m]] = Table.UNKNOWN;
          }
        }
        throw e;
      }
      for (int m = 0; m < misses; m++) {
        int id = missedIds[m];
        if (id >= 0) {
          table.store(id, computed, missed[m]);
          states[id] = Table.KNOWN;
        }
      }
    }
    table.hits += count - misses;
    table.computed += misses;
    return scatter(table, computed, sources, positions, count, frame.size());
  }

  /** The values for every row: from the table for an id, else from the computed row. */
  private Values scatter(
      Table table, Values computed, int[] sources, int[] positions, int count, int size) {
    switch (representation) {
      case LONG: {
        long[] out = new long[size];
        boolean[] nulls = null;
        long[] known = table.longs;
        boolean[] knownNulls = table.nulls;
        Values.Longs from = (Values.Longs) computed;
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          int source = sources[i];
          boolean isNull;
          if (source >= 0) {
            out[row] = known[source];
            isNull = knownNulls[source];
          } else {
            out[row] = from.values()[~source];
            isNull = from.isNull(~source);
          }
          if (isNull) {
            if (nulls == null) {
              nulls = new boolean[size];
            }
            nulls[row] = true;
          }
        }
        return new Values.Longs(out, nulls);
      }
      case DOUBLE: {
        double[] out = new double[size];
        boolean[] nulls = null;
        double[] known = table.doubles;
        boolean[] knownNulls = table.nulls;
        Values.Doubles from = (Values.Doubles) computed;
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          int source = sources[i];
          boolean isNull;
          if (source >= 0) {
            out[row] = known[source];
            isNull = knownNulls[source];
          } else {
            out[row] = from.values()[~source];
            isNull = from.isNull(~source);
          }
          if (isNull) {
            if (nulls == null) {
              nulls = new boolean[size];
            }
            nulls[row] = true;
          }
        }
        return new Values.Doubles(out, nulls);
      }
      case BOOLEAN: {
        boolean[] out = new boolean[size];
        boolean[] nulls = null;
        boolean[] known = table.booleans;
        boolean[] knownNulls = table.nulls;
        Values.Booleans from = (Values.Booleans) computed;
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          int source = sources[i];
          boolean isNull;
          if (source >= 0) {
            out[row] = known[source];
            isNull = knownNulls[source];
          } else {
            out[row] = from.values()[~source];
            isNull = from.isNull(~source);
          }
          if (isNull) {
            if (nulls == null) {
              nulls = new boolean[size];
            }
            nulls[row] = true;
          }
        }
        return new Values.Booleans(out, nulls);
      }
      default: {
        Object[] out = new Object[size];
        Object[] known = table.objects;
        Object[] from = computed == null ? null : ((Values.Objects) computed).values();
        for (int i = 0; i < count; i++) {
          int source = sources[i];
          out[positions[i]] = source >= 0 ? known[source] : from[~source];
        }
        return new Values.Objects(out);
      }
    }
  }

  @Override
  public String toString() {
    return "Memoized[" + body + " by " + ids + "]";
  }
}
