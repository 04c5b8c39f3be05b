package io.rivulet.runtime.connector.file;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a file, or the files of a directory, as partitions: one per file, or one per byte range of
 * a large file. Unless the {@code split.size} option fixes the size of a range, the files listed
 * together are cut into about as many ranges as the query's parallelism (none smaller than {@value
 * FileSourceOptions#MIN_SPLIT_SIZE} bytes), so that a few large files are read by all workers at
 * once; the scheduler reads a bounded source's partitions that many at a time.
 *
 * <p>A directory's regular files are read in name order; subdirectories and files whose names start
 * with {@code .} or {@code _} (files still being written) are ignored. In bounded mode the files
 * are listed once, at the first {@link #partitions()}; in continuous mode every call lists the
 * directory again and adds the files not seen before, like Spark's file stream source. A file is
 * taken to be complete when it appears, so writers should write it elsewhere (or under a hidden
 * name) and rename it in.
 */
public final class FileSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(FileSource.class);

  private final String owner;
  private final Schema schema;
  private final FileSourceOptions options;
  private final int parallelism;
  private final boolean[] neededColumns;
  private final List<FilePartition> open = new ArrayList<>();
  private final Set<Path> seen = new HashSet<>();
  /** The skipped rows of the partitions dropped from {@link #open} once exhausted. */
  private long skippedByExhausted;
  private boolean listed;

  /**
   * @param parallelism how many partitions to cut the files into, when the options do not say
   * @param neededColumns which columns are read, or null for all
   */
  FileSource(
      String owner,
      Schema schema,
      FileSourceOptions options,
      int parallelism,
      boolean[] neededColumns) {
    this.owner = owner;
    this.schema = schema;
    this.options = options;
    this.parallelism = Math.max(1, parallelism);
    this.neededColumns = neededColumns;
  }

  @Override
  public synchronized List<SourcePartition> partitions() {
    if (!listed || options.continuous()) {
      List<Path> files = new ArrayList<>();
      for (Path file : listFiles()) {
        if (seen.add(file)) {
          files.add(file);
        }
      }
      addPartitions(files);
      listed = true;
    }
    open.removeIf(this::dropIfExhausted);
    return List.copyOf(open);
  }

  private boolean dropIfExhausted(FilePartition partition) {
    if (!partition.exhausted()) {
      return false;
    }
    skippedByExhausted += partition.skippedRows();
    return true;
  }

  @Override
  public synchronized long skippedRows() {
    long skipped = skippedByExhausted;
    for (FilePartition partition : open) {
      skipped += partition.skippedRows();
    }
    return skipped;
  }

  @Override
  public boolean bounded() {
    return !options.continuous();
  }

  @Override
  public synchronized void close() {
    for (FilePartition partition : open) {
      partition.close();
    }
    open.clear();
  }

  private List<Path> listFiles() {
    Path path = options.path();
    if (!Files.exists(path)) {
      String message =
          "%s reads path '%s' which does not exist; create it or fix the 'path' option";
      throw new RivuletException(
          Category.CONNECTOR, String.format(Locale.ROOT, message, owner, options.displayPath()));
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries
          .filter(FileSource::isVisible)
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(file -> file.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      String message =
          "%s cannot list the directory '%s': %s; check that it exists and may be read";
      throw new RivuletException(
          Category.CONNECTOR,
          String.format(Locale.ROOT, message, owner, options.displayPath(), e.getMessage()),
          e);
    }
  }

  private static boolean isVisible(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && !name.startsWith("_");
  }

  /** Adds the partitions of newly listed files, cut into ranges as the class comment says. */
  private void addPartitions(List<Path> files) {
    long[] sizes = new long[files.size()];
    long total = 0;
    for (int f = 0; f < sizes.length; f++) {
      sizes[f] = size(files.get(f));
      total += sizes[f];
    }
    long target =
        options.splitSize() > 0
            ? options.splitSize()
            : Math.max(FileSourceOptions.MIN_SPLIT_SIZE, (total + parallelism - 1) / parallelism);
    for (int f = 0; f < sizes.length; f++) {
      addPartitions(files.get(f), sizes[f], target);
    }
  }

  private long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new RivuletException(
          Category.CONNECTOR,
          owner + " cannot read the size of '" + file + "': " + e.getMessage(),
          e);
    }
  }

  private void addPartitions(Path file, long size, long target) {
    String displayPath =
        Files.isDirectory(options.path())
            ? Path.of(options.displayPath()).resolve(file.getFileName()).toString()
            : options.displayPath();
    long splitSize = target;
    if (options.splitSize() == 0) {
      // Even ranges, as many as the file holds targets (rounded), rather than a short last one.
      long splits = Math.max(1, (size + target / 2) / target);
      splitSize = Math.max(1, (size + splits - 1) / splits);
    }
    for (long start = 0; start < size; start += splitSize) {
      long end = Math.min(size, start + splitSize);
      open.add(
          new FilePartition(file, displayPath, start, end, schema, options, neededColumns));
    }
    LOG.debug("{} reads {} ({} bytes)", owner, displayPath, size);
  }
}
