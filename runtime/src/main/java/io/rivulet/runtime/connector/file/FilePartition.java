package io.rivulet.runtime.connector.file;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.format.ColumnBuffers;
import io.rivulet.runtime.format.FormatException;
import io.rivulet.runtime.format.RecordParser;
import io.rivulet.runtime.format.RecordScanner;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One byte range of one file, read record by record across micro-batches.
 *
 * <p>Ranges are cut on line boundaries the way Hadoop's line reader cuts them: a range that does
 * not start at 0 skips everything up to and including its first line feed (the previous range reads
 * that line), and a range reads every record that starts at or before its end, finishing the last
 * one past the end. So each line is read by exactly one range, as long as no CSV field holds a line
 * break in a file large enough to be split.
 */
final class FilePartition implements SourcePartition {
  private static final Logger LOG = LoggerFactory.getLogger(FilePartition.class);
  /** The rows to make room for at first; buffers grow to the most rows a read asks for. */
  private static final int INITIAL_ROWS = 4096;

  private final Path file;
  private final String displayPath;
  private final long start;
  private final long end;
  private final Schema schema;
  private final FileSourceOptions options;
  private final boolean[] neededColumns;
  private final String id;

  private RecordParser parser;
  private ColumnBuffers rows;
  private RecordScanner scanner;
  private boolean headerPending;
  private volatile boolean exhausted;
  private final AtomicLong skippedRows = new AtomicLong();

  FilePartition(
      Path file,
      String displayPath,
      long start,
      long end,
      Schema schema,
      FileSourceOptions options,
      boolean[] neededColumns) {
    this.file = file;
    this.displayPath = displayPath;
    this.start = start;
    this.end = end;
    this.schema = schema;
    this.options = options;
    this.neededColumns = neededColumns;
    this.id = displayPath + "[" + start + ".." + end + ")";
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public synchronized Batch read(int maxRows) {
    if (exhausted || maxRows <= 0) {
      return Batch.empty(schema);
    }
    try {
      if (scanner == null) {
        open(maxRows);
      }
      rows.clear();
      rows.limit(maxRows);
      while (rows.rowCount() < maxRows) {
        if (!scanner.next() || scanner.offset() > end) {
          finish();
          break;
        }
        if (headerPending) {
          headerPending = false;
          continue;
        }
        try {
          parser.parse(scanner.buffer(), scanner.start(), scanner.end(), rows);
        } catch (FormatException e) {
          malformed(e);
        }
      }
    } catch (IOException e) {
      finish();
      throw new RivuletException(
          Category.CONNECTOR, "cannot read " + displayPath + ": " + reason(e), e);
    } catch (FormatException e) {
      // Only the scanner throws here: a record too long to hold, which skipping cannot get past.
      finish();
      throw new RivuletException(
          Category.INPUT, "cannot read " + displayPath + ": " + e.getMessage(), e);
    }
    Batch batch = rows.build();
    if (exhausted) {
      rows = null;
      parser = null;
    }
    return batch;
  }

  @Override
  public boolean exhausted() {
    return exhausted;
  }

  @Override
  public long skippedRows() {
    return skippedRows.get();
  }

  /** Stops reading and releases the file; the partition is exhausted. */
  synchronized void close() {
    finish();
  }

  private void open(int maxRows) throws IOException {
    parser = RecordParser.create(options.format(), schema, options.delimiter(), neededColumns);
    rows = parser.newBuffers(Math.min(maxRows, INITIAL_ROWS));
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      channel.position(start);
      scanner = new RecordScanner(channel, start, parser);
      if (start != 0) {
        scanner.skipLine();
      }
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    headerPending = start == 0 && options.header();
  }

  private void malformed(FormatException e) {
    String format = options.format().optionName();
    String message =
        String.format(
            Locale.ROOT,
            "malformed %s row in %s %s: %s",
            format,
            displayPath,
            where(),
            e.getMessage());
    if (!options.skipMalformed()) {
      throw new RivuletException(
          Category.INPUT, message + " \u2014 fix the row or set 'on-error' = 'skip'", e);
    }
    skippedRows.incrementAndGet();
    LOG.debug("skipped {}", message);
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "the file no longer exists";
    } else if (e instanceof AccessDeniedException) {
      return "this process may not read it";
    }
    return e.toString();
  }

  /** Where the current record is: its line, or for a range not at the file's start its byte. */
  private String where() {
    return start == 0 ? "line " + scanner.line() : "at byte " + scanner.offset();
  }

  private void finish() {
    exhausted = true;
    if (scanner != null) {
      try {
        scanner.close();
      } catch (IOException e) {
        LOG.warn("cannot close {}: {}", displayPath, e.toString());
      }
      scanner = null;
    }
  }
}
