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

    /** Rows whose value was not computed for them; for tests. */
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
    if (encoded.ids() == null) {
      return body.evaluate(frame, rows);
    }
    Table table = tables.get();
    table.adopt(encoded.generation());
    switch (representation) {
      case LONG:
        return longs(frame, rows, encoded.ids(), table);
      case DOUBLE:
        return doubles(frame, rows, encoded.ids(), table);
      case BOOLEAN:
        return booleans(frame, rows, encoded.ids(), table);
      default:
        return objects(frame, rows, encoded.ids(), table);
    }
  }

  /**
   * The rows whose value was not known when they were reached, ascending: their strings' values
   * are computed together, and then taken from the table (or, for a NULL string or one without an
   * id, from the computed row).
   */
  private final class Deferred {
    private int[] rows = new int[16];
    private int count;
    private Values computed;
    private int firstNull = -1;

    void add(int row) {
      if (count == rows.length) {
        rows = Arrays.copyOf(rows, count * 2);
      }
      rows[count++] = row;
    }

    /** Computes the values of the deferred rows' strings the table does not know yet. */
    void compute(Frame frame, int[] idOf, Table table) {
      int[] missed = new int[count];
      int[] missedIds = new int[count];
      int misses = 0;
      for (int d = 0; d < count; d++) {
        int row = rows[d];
        int id = idOf[row];
        if (id >= 0) {
          table.ensure(id);
          if (table.states[id] == Table.UNKNOWN) {
            table.states[id] = Table.PENDING;
            missedIds[misses] = id;
            missed[misses++] = row;
          }
        } else if (id == Values.Ids.NONE || firstNull < 0) {
          firstNull = id == Values.Ids.NULL ? row : firstNull;
          missedIds[misses] = -1;
          missed[misses++] = row;
        }
      }
      table.computed += misses;
      table.hits += count - misses;
      if (misses == 0) {
        return;
      }
      try {
        computed = body.evaluate(frame.fresh(), Rows.of(missed, misses));
      } catch (RuntimeException e) {
        for (int m = 0; m < misses; m++) {
          if (missedIds[m] >= 0) {
            table.states[missedIds[m]] = Table.UNKNOWN;
          }
        }
        throw e;
      }
      for (int m = 0; m < misses; m++) {
        int id = missedIds[m];
        if (id >= 0) {
          table.store(id, computed, missed[m]);
          table.states[id] = Table.KNOWN;
        }
      }
    }

    /** The row of {@link #computed} whose value {@code row} takes, or -1 to take the table's. */
    int source(int row, int id) {
      if (id >= 0) {
        return -1;
      }
      return id == Values.Ids.NULL ? firstNull : row;
    }
  }

  private Values longs(Frame frame, Rows rows, int[] idOf, Table table) {
    int size = frame.size();
    int count = rows.count();
    int[] positions = rows.positions();
    long[] out = new long[size];
    boolean[] nulls = null;
    Deferred deferred = new Deferred();
    byte[] states = table.states;
    long[] known = table.longs;
    boolean[] knownNulls = table.nulls;
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      int id = idOf[row];
      if (id >= 0 && id < states.length && states[id] == Table.KNOWN) {
        out[row] = known[id];
        if (knownNulls[id]) {
          if (nulls == null) {
            nulls = new boolean[size];
          }
          nulls[row] = true;
        }
      } else {
        deferred.add(row);
      }
    }
    table.hits += count - deferred.count;
    if (deferred.count > 0) {
      deferred.compute(frame, idOf, table);
      for (int d = 0; d < deferred.count; d++) {
        int row = deferred.rows[d];
        int id = idOf[row];
        int source = deferred.source(row, id);
        Values.Longs from = (Values.Longs) deferred.computed;
        boolean isNull = source < 0 ? table.nulls[id] : from.isNull(source);
        out[row] = source < 0 ? table.longs[id] : from.values()[source];
        if (isNull) {
          if (nulls == null) {
            nulls = new boolean[size];
          }
          nulls[row] = true;
        }
      }
    }
    return new Values.Longs(out, nulls);
  }

  private Values doubles(Frame frame, Rows rows, int[] idOf, Table table) {
    int size = frame.size();
    int count = rows.count();
    int[] positions = rows.positions();
    double[] out = new double[size];
    boolean[] nulls = null;
    Deferred deferred = new Deferred();
    byte[] states = table.states;
    double[] known = table.doubles;
    boolean[] knownNulls = table.nulls;
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      int id = idOf[row];
      if (id >= 0 && id < states.length && states[id] == Table.KNOWN) {
        out[row] = known[id];
        if (knownNulls[id]) {
          if (nulls == null) {
            nulls = new boolean[size];
          }
          nulls[row] = true;
        }
      } else {
        deferred.add(row);
      }
    }
    table.hits += count - deferred.count;
    if (deferred.count > 0) {
      deferred.compute(frame, idOf, table);
      for (int d = 0; d < deferred.count; d++) {
        int row = deferred.rows[d];
        int id = idOf[row];
        int source = deferred.source(row, id);
        Values.Doubles from = (Values.Doubles) deferred.computed;
        boolean isNull = source < 0 ? table.nulls[id] : from.isNull(source);
        out[row] = source < 0 ? table.doubles[id] : from.values()[source];
        if (isNull) {
          if (nulls == null) {
            nulls = new boolean[size];
          }
          nulls[row] = true;
        }
      }
    }
    return new Values.Doubles(out, nulls);
  }

  private Values booleans(Frame frame, Rows rows, int[] idOf, Table table) {
    int size = frame.size();
    int count = rows.count();
    int[] positions = rows.positions();
    boolean[] out = new boolean[size];
    boolean[] nulls = null;
    Deferred deferred = new Deferred();
    byte[] states = table.states;
    boolean[] known = table.booleans;
    boolean[] knownNulls = table.nulls;
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      int id = idOf[row];
      if (id >= 0 && id < states.length && states[id] == Table.KNOWN) {
        out[row] = known[id];
        if (knownNulls[id]) {
          if (nulls == null) {
            nulls = new boolean[size];
          }
          nulls[row] = true;
        }
      } else {
        deferred.add(row);
      }
    }
    table.hits += count - deferred.count;
    if (deferred.count > 0) {
      deferred.compute(frame, idOf, table);
      for (int d = 0; d < deferred.count; d++) {
        int row = deferred.rows[d];
        int id = idOf[row];
        int source = deferred.source(row, id);
        Values.Booleans from = (Values.Booleans) deferred.computed;
        boolean isNull = source < 0 ? table.nulls[id] : from.isNull(source);
        out[row] = source < 0 ? table.booleans[id] : from.values()[source];
        if (isNull) {
          if (nulls == null) {
            nulls = new boolean[size];
          }
          nulls[row] = true;
        }
      }
    }
    return new Values.Booleans(out, nulls);
  }

  private Values objects(Frame frame, Rows rows, int[] idOf, Table table) {
    int count = rows.count();
    int[] positions = rows.positions();
    Object[] out = new Object[frame.size()];
    Deferred deferred = new Deferred();
    byte[] states = table.states;
    Object[] known = table.objects;
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      int id = idOf[row];
      if (id >= 0 && id < states.length && states[id] == Table.KNOWN) {
        out[row] = known[id];
      } else {
        deferred.add(row);
      }
    }
    table.hits += count - deferred.count;
    if (deferred.count > 0) {
      deferred.compute(frame, idOf, table);
      for (int d = 0; d < deferred.count; d++) {
        int row = deferred.rows[d];
        int id = idOf[row];
        int source = deferred.source(row, id);
        out[row] =
            source < 0 ? table.objects[id] : ((Values.Objects) deferred.computed).values()[source];
      }
    }
    return new Values.Objects(out);
  }

  @Override
  public String toString() {
    return "Memoized[" + body + " by " + ids + "]";
  }
}
