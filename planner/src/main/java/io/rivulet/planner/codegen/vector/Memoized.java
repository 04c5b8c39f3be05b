package io.rivulet.planner.codegen.vector;

/**
 * A deterministic expression of one VARCHAR column alone, computed once per distinct string:
 * real string columns repeat a few thousand values (channels, URLs), so most rows find their
 * value in the thread's {@link MemoTable} and only the others are evaluated by {@code body}, then
 * scattered to every row with that string. A NULL string is evaluated too (once per batch), since
 * the body decides what it gives. The body is evaluated in a frame of its own, so that the few
 * rows it sees do not take the place of wider values of the program's common sub-expressions.
 * When the table stands aside (unique strings), the body evaluates all the rows in the program's
 * frame, as if there were no memo. Shared by all partitions; each thread has its own table.
 */
final class Memoized implements VectorExpression {
  private final VectorExpression body;
  private final int column;
  private final Representation representation;
  private final ThreadLocal<MemoTable> tables;

  Memoized(VectorExpression body, int column, Representation representation) {
    this.body = body;
    this.column = column;
    this.representation = representation;
    this.tables = ThreadLocal.withInitial(() -> new MemoTable(representation));
  }

  /** This thread's table; for tests. */
  MemoTable table() {
    return tables.get();
  }

  @Override
  public Values evaluate(Frame frame, Rows rows) {
    MemoTable table = tables.get();
    int count = rows.count();
    if (count == 0 || !table.use(count)) {
      return body.evaluate(frame, rows);
    }
    Object[] strings = ((Values.Objects) frame.column(column)).values();
    int[] positions = rows.positions();
    // Per row: its slot in the table, or the complement of the row whose evaluation it takes.
    int[] sources = new int[count];
    int[] missed = new int[count];
    int[] missedSlots = new int[count];
    int misses = 0;
    int hits = 0;
    int firstNull = -1;
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      String key = (String) strings[row];
      if (key == null) {
        if (firstNull < 0) {
          firstNull = row;
          missedSlots[misses] = -1;
          missed[misses++] = row;
        }
        sources[i] = ~firstNull;
        continue;
      }
      int found = table.find(key);
      if (found >= 0) {
        // A hit, or a string already missed in this batch: its value is stored before loading.
        sources[i] = found;
        hits++;
      } else if (table.insert(found, key)) {
        // The free slot, now the string's: its value is stored from this row before loading.
        sources[i] = ~found;
        missedSlots[misses] = ~found;
        missed[misses++] = row;
      } else {
        sources[i] = ~row;
        missedSlots[misses] = -1;
        missed[misses++] = row;
      }
    }
    Values computed = null;
    if (misses > 0) {
      try {
        computed = body.evaluate(frame.fresh(), Rows.of(missed, misses));
      } catch (RuntimeException e) {
        // Inserted strings have no values: forget them.
        table.clear();
        throw e;
      }
      for (int m = 0; m < misses; m++) {
        if (missedSlots[m] >= 0) {
          table.store(missedSlots[m], computed, missed[m]);
        }
      }
    }
    table.account(count, hits);
    return scatter(table, computed, sources, positions, count, frame.size());
  }

  /** The values for every row: from the table for a slot, else from the computed row. */
  private Values scatter(
      MemoTable table,
      Values computed,
      int[] sources,
      int[] positions,
      int count,
      int size) {
    switch (representation) {
      case LONG: {
        long[] out = new long[size];
        boolean[] nulls = null;
        Values.Longs from = (Values.Longs) computed;
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          int source = sources[i];
          boolean isNull;
          if (source >= 0) {
            out[row] = table.longValue(source);
            isNull = table.isNull(source);
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
        Values.Doubles from = (Values.Doubles) computed;
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          int source = sources[i];
          boolean isNull;
          if (source >= 0) {
            out[row] = table.doubleValue(source);
            isNull = table.isNull(source);
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
        Values.Booleans from = (Values.Booleans) computed;
        for (int i = 0; i < count; i++) {
          int row = positions[i];
          int source = sources[i];
          boolean isNull;
          if (source >= 0) {
            out[row] = table.booleanValue(source);
            isNull = table.isNull(source);
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
        Object[] from = computed == null ? null : ((Values.Objects) computed).values();
        for (int i = 0; i < count; i++) {
          int source = sources[i];
          out[positions[i]] = source >= 0 ? table.object(source) : from[~source];
        }
        return new Values.Objects(out);
      }
    }
  }

  @Override
  public String toString() {
    return "Memoized[" + body + " by $" + column + "]";
  }
}
