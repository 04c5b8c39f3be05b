package io.rivulet.runtime.exec;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import java.util.List;

/** A bounded source of rows given up front, e.g. a {@code VALUES} clause: one partition. */
public final class ValuesSource implements Source {
  private final Partition partition;

  public ValuesSource(Batch rows) {
    this.partition = new Partition(rows);
  }

  @Override
  public List<SourcePartition> partitions() {
    return List.of(partition);
  }

  @Override
  public boolean bounded() {
    return true;
  }

  private static final class Partition implements SourcePartition {
    private final Batch rows;
    private int position;

    Partition(Batch rows) {
      this.rows = rows;
    }

    @Override
    public String id() {
      return "values";
    }

    @Override
    public synchronized Batch read(int maxRows) {
      int count = Math.min(maxRows, rows.rowCount() - position);
      if (position == 0 && count == rows.rowCount()) {
        position = count;
        return rows;
      }
      int[] positions = new int[count];
      for (int i = 0; i < count; i++) {
        positions[i] = position + i;
      }
      position += count;
      return rows.gather(positions, count);
    }

    @Override
    public synchronized boolean exhausted() {
      return position >= rows.rowCount();
    }
  }
}
