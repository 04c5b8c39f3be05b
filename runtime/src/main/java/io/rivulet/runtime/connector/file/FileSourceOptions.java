package io.rivulet.runtime.connector.file;

import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.format.CsvParser;
import io.rivulet.runtime.format.TextFormat;
import io.rivulet.runtime.format.TextLineParser;
import io.rivulet.runtime.type.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The checked options of a file source.
 *
 * @param path the file or directory to read
 * @param displayPath the path as the user wrote it, for messages and partition ids
 * @param continuous whether to keep watching the directory for new files
 * @param header whether the first line of each CSV file is a header to skip
 * @param delimiter the CSV field delimiter
 * @param skipMalformed whether malformed rows are skipped (and counted) rather than failing
 * @param splitSize files larger than this many bytes are read as several partitions; 0 to split
 *     the files listed together into about as many partitions as the query's parallelism
 */
record FileSourceOptions(
    Path path,
    String displayPath,
    TextFormat format,
    boolean continuous,
    boolean header,
    char delimiter,
    boolean skipMalformed,
    long splitSize) {

  /** No file smaller than this is split: a split costs an open and a partial line. */
  static final long MIN_SPLIT_SIZE = 4L << 20;

  /** The source option keys; {@code split.size} is undocumented, for tests and tuning. */
  static final Set<String> KEYS =
      Set.of("path", "format", "mode", "csv.header", "csv.delimiter", "on-error", "split.size");

  /**
   * Reads and checks the options of {@code context}, throwing a CONNECTOR error if one is wrong.
   */
  static FileSourceOptions of(ConnectorContext context) {
    Options options = context.options();
    options.checkKnown("file", KEYS);
    String pathText = options.required("path");
    options.required("format");
    TextFormat format =
        TextFormat.ofOptionName(options.getChoice("format", "csv", TextFormat.optionNames()));
    boolean continuous =
        options
            .getChoice("mode", "continuous", List.of("bounded", "continuous"))
            .equals("continuous");
    boolean header = options.getBoolean("csv.header", false);
    char delimiter = delimiter(options);
    boolean skip = options.getChoice("on-error", "fail", List.of("fail", "skip")).equals("skip");
    long splitSize = options.getLong("split.size", 0);
    if (splitSize < 0 || (splitSize == 0 && options.get("split.size").isPresent())) {
      throw options.error(
          "option 'split.size' must be a positive number of bytes, not " + splitSize);
    }
    Schema schema = context.schema();
    if (format == TextFormat.TEXT && !TextLineParser.isLineSchema(schema)) {
      throw options.error(
          "has format 'text', which reads each line into exactly one VARCHAR column, such as"
              + " (line VARCHAR); its columns are "
              + schema);
    }
    Path path = Path.of(pathText);
    if (!Files.exists(path)) {
      throw options.error(
          "reads path '" + pathText + "' which does not exist; create it or fix the 'path' option");
    }
    if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
      throw options.error("reads path '" + pathText + "' which is neither a file nor a directory");
    }
    if (!Files.isReadable(path)) {
      throw options.error("reads path '" + pathText + "' which this process may not read");
    }
    return new FileSourceOptions(
        path, pathText, format, continuous, header, delimiter, skip, splitSize);
  }

  private static char delimiter(Options options) {
    String text = options.get("csv.delimiter", ",");
    String unescaped = text.equals("\\t") ? "\t" : text;
    try {
      if (unescaped.length() != 1) {
        throw new IllegalArgumentException("not one character");
      }
      CsvParser.checkDelimiter(unescaped.charAt(0));
      return unescaped.charAt(0);
    } catch (IllegalArgumentException e) {
      throw options.error(
          "option 'csv.delimiter' must be one ASCII character other than a quote or a line"
              + " break, such as ',', ';', '|' or '\\t', not '"
              + text
              + "'");
    }
  }
}
