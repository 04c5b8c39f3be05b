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
 * a file larger than the split size.
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
  private final List<FilePartition> open = new ArrayList<>();
  private final Set<Path> seen = new HashSet<>();
  private boolean listed;

  FileSource(String owner, Schema schema, FileSourceOptions options) {
    this.owner = owner;
    this.schema = schema;
    this.options = options;
  }

  @Override
  public synchronized List<SourcePartition> partitions() {
    if (!listed || options.continuous()) {
      for (Path file : listFiles()) {
        if (seen.add(file)) {
          addPartitions(file);
        }
      }
      listed = true;
    }
    open.removeIf(FilePartition::exhausted);
    return List.copyOf(open);
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

  private void addPartitions(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new RivuletException(
          Category.CONNECTOR,
          owner + " cannot read the size of '" + file + "': " + e.getMessage(),
          e);
    }
    String displayPath =
        Files.isDirectory(options.path())
            ? Path.of(options.displayPath()).resolve(file.getFileName()).toString()
            : options.displayPath();
    long splitSize = options.splitSize();
    for (long start = 0; start < size; start += splitSize) {
      long end = Math.min(size, start + splitSize);
      open.add(new FilePartition(file, displayPath, start, end, schema, options));
    }
    LOG.debug("{} reads {} ({} bytes)", owner, displayPath, size);
  }
}
