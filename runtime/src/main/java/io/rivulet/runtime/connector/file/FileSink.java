package io.rivulet.runtime.connector.file;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.format.RowWriter;
import io.rivulet.runtime.format.TextFormat;
import io.rivulet.runtime.type.Schema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each micro-batch as one file per partition, {@code part-<batch>-<partition>.<format>},
 * into a directory; a file is written under a hidden temporary name and renamed into place
 * atomically when its batch commits, so readers never see a partial file and a batch replayed after
 * a restart replaces its files rather than adding to them. A partition with no rows writes no file.
 */
public final class FileSink implements Sink {
  private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);
  private static final int BUFFER_CHARS = 64 << 10;

  private final String owner;
  private final Path directory;
  private final TextFormat format;
  private final Schema schema;
  private final boolean changelog;
  private final Map<Long, Map<Integer, PartFile>> pending = new ConcurrentHashMap<>();

  FileSink(String owner, Path directory, TextFormat format, Schema schema, boolean changelog) {
    this.owner = owner;
    this.directory = directory;
    this.format = format;
    this.schema = schema;
    this.changelog = changelog;
  }

  /** The name of the file holding one partition's output of one micro-batch. */
  public static String fileName(long batchId, int partition, TextFormat format) {
    return String.format(Locale.ROOT, "part-%06d-%03d.%s", batchId, partition, format.optionName());
  }

  @Override
  public void write(long batchId, int partition, Batch batch) {
    if (batch.isEmpty()) {
      return;
    }
    PartFile part;
    try {
      part =
          pending
              .computeIfAbsent(batchId, id -> new ConcurrentHashMap<>())
              .computeIfAbsent(partition, p -> open(batchId, p));
    } catch (UncheckedIOException e) {
      throw failure("cannot create a file in", e.getCause());
    }
    synchronized (part) {
      try {
        part.rows.write(batch);
      } catch (IOException e) {
        throw failure("cannot write " + part.temporary.getFileName() + " in", e);
      }
    }
  }

  @Override
  public void commit(long batchId) {
    Map<Integer, PartFile> parts = pending.remove(batchId);
    if (parts == null) {
      return;
    }
    for (PartFile part : new TreeMap<>(parts).values()) {
      synchronized (part) {
        try {
          part.finish();
          Files.move(part.temporary, part.target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw failure("cannot commit " + part.target.getFileName() + " in", e);
        }
      }
    }
    LOG.debug("{} committed batch {} as {} file(s) in {}", owner, batchId, parts.size(), directory);
  }

  /** Discards what was written for batches not committed. */
  @Override
  public void close() {
    for (Map<Integer, PartFile> parts : pending.values()) {
      for (PartFile part : parts.values()) {
        synchronized (part) {
          part.discard();
        }
      }
    }
    pending.clear();
  }

  private PartFile open(long batchId, int partition) {
    String name = fileName(batchId, partition, format);
    Path temporary = directory.resolve("." + name + ".tmp");
    try {
      FileChannel channel =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      Writer writer =
          new BufferedWriter(
              new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
              BUFFER_CHARS);
      RowWriter rows = RowWriter.create(format, writer, schema, changelog);
      return new PartFile(temporary, directory.resolve(name), channel, writer, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RivuletException failure(String what, IOException e) {
    return new RivuletException(
        Category.CONNECTOR, owner + " " + what + " '" + directory + "': " + e.getMessage(), e);
  }

  /** The temporary file of one partition of one batch, open for writing. */
  private record PartFile(
      Path temporary, Path target, FileChannel channel, Writer writer, RowWriter rows) {

    /** Writes everything out to the disk and closes the file. */
    void finish() throws IOException {
      rows.finish();
      writer.flush();
      channel.force(false);
      writer.close();
    }

    void discard() {
      try {
        writer.close();
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        LOG.warn("cannot delete {}: {}", temporary, e.toString());
      }
    }
  }
}
