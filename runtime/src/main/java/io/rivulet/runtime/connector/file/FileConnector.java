package io.rivulet.runtime.connector.file;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.connector.Connector;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.format.TextFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code file} connector: a source reading CSV, JSON lines or text from a file or a directory,
 * once ({@code 'mode' = 'bounded'}) or watching for new files ({@code 'continuous'}), and a sink
 * writing each micro-batch as new files in a directory.
 */
public final class FileConnector implements Connector {
  static final Set<String> SINK_KEYS = Set.of("path", "format");

  @Override
  public String name() {
    return "file";
  }

  @Override
  public Set<String> sourceOptions() {
    return FileSourceOptions.KEYS;
  }

  @Override
  public Set<String> sinkOptions() {
    return SINK_KEYS;
  }

  @Override
  public void validateSource(ConnectorContext context) {
    FileSourceOptions.of(context);
  }

  @Override
  public Source createSource(ConnectorContext context) {
    return new FileSource(
        context.options().owner(),
        context.schema(),
        FileSourceOptions.of(context),
        context.parallelism(),
        context.neededColumns());
  }

  @Override
  public void validateSink(ConnectorContext context) {
    sinkFormat(context.options());
  }

  @Override
  public Sink createSink(ConnectorContext context) {
    Options options = context.options();
    TextFormat format = sinkFormat(options);
    Path directory = Path.of(options.required("path"));
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new RivuletException(
          Category.CONNECTOR,
          options.owner() + " cannot create the directory '" + directory + "': " + e.getMessage(),
          e);
    }
    return new FileSink(options.owner(), directory, format, context.schema(), context.changelog());
  }

  /** Checks the sink options and returns the format. */
  private static TextFormat sinkFormat(Options options) {
    // A stream may be declared with its source options and still be written to: allow both sets.
    Set<String> known = new java.util.HashSet<>(FileSourceOptions.KEYS);
    known.addAll(SINK_KEYS);
    options.checkKnown("file", known);
    String pathText = options.required("path");
    options.required("format");
    TextFormat format =
        TextFormat.ofOptionName(options.getChoice("format", "csv", List.of("csv", "json")));
    Path path = Path.of(pathText);
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw options.error(
          "writes to path '"
              + pathText
              + "' which is a file; the file sink writes a file per"
              + " micro-batch into a directory, so give the path of a directory (it is created if"
              + " missing)");
    }
    return format;
  }
}
