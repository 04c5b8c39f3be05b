package io.rivulet.runtime.connector.file;

import static io.rivulet.runtime.connector.file.FileSourceTest.BIDS;
import static io.rivulet.runtime.connector.file.FileSourceTest.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.connector.Connectors;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConnectorTest {
  private final FileConnector connector = new FileConnector();

  @TempDir Path dir;

  private void assertSourceRejected(Schema schema, String message, String... keysAndValues) {
    assertThatThrownBy(() -> connector.validateSource(context(schema, keysAndValues)))
        .isInstanceOf(RivuletException.class)
        .hasMessage(message)
        .extracting(e -> ((RivuletException) e).category())
        .isEqualTo(Category.CONNECTOR);
  }

  @Test
  void isRegisteredAsFile() {
    assertThat(Connectors.of(new Options("stream 'bids'", Map.of("connector", "file"))))
        .isInstanceOf(FileConnector.class);
    assertThat(connector.sourceOptions())
        .containsExactlyInAnyOrder(
            "path", "format", "mode", "csv.header", "csv.delimiter", "on-error", "split.size");
    assertThat(connector.sinkOptions()).containsExactlyInAnyOrder("path", "format");
  }

  @Test
  void missingPathSaysToCreateIt() {
    Path missing = dir.resolve("data/bids");
    assertSourceRejected(
        BIDS,
        "stream 'bids' reads path '"
            + missing
            + "' which does not exist; create it or fix the"
            + " 'path' option",
        "path",
        missing.toString(),
        "format",
        "csv");
    assertSourceRejected(
        BIDS,
        "stream 'bids' reads path '"
            + missing
            + "' which does not exist; create it or fix the"
            + " 'path' option",
        "path",
        missing.toString(),
        "format",
        "csv",
        "mode",
        "bounded");
  }

  @Test
  void rejectsUnknownOptionsAndBadValues() {
    String path = dir.toString();
    assertSourceRejected(
        BIDS,
        "stream 'bids' has an unknown option 'csv.headers' for connector 'file'; known options:"
            + " csv.delimiter, csv.header, format, mode, on-error, path, split.size",
        "path",
        path,
        "format",
        "csv",
        "csv.headers",
        "true");
    assertSourceRejected(
        BIDS,
        "stream 'bids' option 'format' must be one of csv, json, text, not 'parquet'",
        "path",
        path,
        "format",
        "parquet");
    assertSourceRejected(BIDS, "stream 'bids' needs the option 'format'", "path", path);
    assertSourceRejected(BIDS, "stream 'bids' needs the option 'path'", "format", "csv");
    assertSourceRejected(
        BIDS,
        "stream 'bids' option 'mode' must be one of bounded, continuous, not 'once'",
        "path",
        path,
        "format",
        "csv",
        "mode",
        "once");
    assertSourceRejected(
        BIDS,
        "stream 'bids' option 'on-error' must be one of fail, skip, not 'ignore'",
        "path",
        path,
        "format",
        "csv",
        "on-error",
        "ignore");
    assertSourceRejected(
        BIDS,
        "stream 'bids' option 'csv.header' must be 'true' or 'false', not 'yes'",
        "path",
        path,
        "format",
        "csv",
        "csv.header",
        "yes");
    assertSourceRejected(
        BIDS,
        "stream 'bids' option 'csv.delimiter' must be one ASCII character other than a quote or a"
            + " line break, such as ',', ';', '|' or '\\t', not ';;'",
        "path",
        path,
        "format",
        "csv",
        "csv.delimiter",
        ";;");
    assertSourceRejected(
        BIDS,
        "stream 'bids' option 'split.size' must be a positive number of bytes, not 0",
        "path",
        path,
        "format",
        "csv",
        "split.size",
        "0");
  }

  @Test
  void textFormatNeedsOneVarcharColumn() {
    assertSourceRejected(
        BIDS,
        "stream 'bids' has format 'text', which reads each line into exactly one VARCHAR column,"
            + " such as (line VARCHAR); its columns are (auction BIGINT, channel VARCHAR, price"
            + " BIGINT)",
        "path",
        dir.toString(),
        "format",
        "text");
    connector.validateSource(
        context(
            Schema.of(Field.of("body", DataType.VARCHAR)),
            "path",
            dir.toString(),
            "format",
            "TEXT"));
  }

  @Test
  void tabDelimiterCanBeWrittenEscaped() throws IOException {
    Files.writeString(dir.resolve("a.tsv"), "1\tweb\t10\n");
    try (Source source =
        connector.createSource(
            context(
                BIDS,
                "path",
                dir.toString(),
                "format",
                "csv",
                "mode",
                "bounded",
                "csv.delimiter",
                "\\t"))) {
      assertThat(source.partitions().get(0).read(10).row(0)).containsExactly(1L, "web", 10L);
    }
  }

  @Test
  void sinkOptionsAreChecked() throws IOException {
    Path file = Files.writeString(dir.resolve("out.csv"), "x");
    assertThatThrownBy(
            () -> connector.validateSink(context(BIDS, "path", file.toString(), "format", "csv")))
        .hasMessage(
            "stream 'bids' writes to path '"
                + file
                + "' which is a file; the file sink writes a"
                + " file per micro-batch into a directory, so give the path of a directory (it is"
                + " created if missing)");
    assertThatThrownBy(
            () -> connector.createSink(context(BIDS, "path", file.toString(), "format", "csv")))
        .isInstanceOf(RivuletException.class);
    assertThatThrownBy(
            () -> connector.validateSink(context(BIDS, "path", dir.toString(), "format", "text")))
        .hasMessage("stream 'bids' option 'format' must be one of csv, json, not 'text'");
    assertThatThrownBy(
            () ->
                connector.validateSink(
                    context(BIDS, "path", dir.toString(), "format", "csv", "colour", "x")))
        .hasMessage(
            "stream 'bids' has an unknown option 'colour' for connector 'file'; known options:"
                + " csv.delimiter, csv.header, format, mode, on-error, path, split.size");
    // A stream declared with its source options can still be written to.
    connector.validateSink(context(BIDS, "path", dir.toString(), "format", "csv", "mode", "bounded"));
  }
}
