package io.rivulet.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rivulet -f}: exit codes, printed rows and error positions. */
class BatchModeTest {
  @TempDir Path dir;
  private String bids;

  private record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void writeInput() throws IOException {
    Path data = Files.createDirectories(dir.resolve("bids"));
    Files.writeString(data.resolve("a.csv"), "1,100,web\n2,250,app\n3,300,web\n", StandardCharsets.UTF_8);
    bids = "CREATE STREAM bids (auction BIGINT, price BIGINT, channel VARCHAR)\n"
        + "WITH ('connector' = 'file', 'path' = '" + data.toString().replace('\\', '/')
        + "', 'format' = 'csv', 'mode' = 'bounded');\n";
  }

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path script(String text) throws IOException {
    return Files.writeString(dir.resolve("job.sql"), text, StandardCharsets.UTF_8);
  }

  @Test
  void runsAScriptAndPrintsTheRowsOfItsQuery() throws IOException {
    Path job = script(bids + "SELECT auction, price FROM bids WHERE price > 200;\n");

    Run run = run("-f", job.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        -------------------------------------------
        Batch: 0
        -------------------------------------------
        +---------+-------+
        | auction | price |
        +---------+-------+
        |       2 |   250 |
        |       3 |   300 |
        +---------+-------+
        """);
  }

  @Test
  void printsCsvWhenAsked() throws IOException {
    Path job = script(bids + "SELECT channel, COUNT(*) AS n FROM bids GROUP BY channel;\n");

    Run run = run("-f", job.toString(), "--format", "csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList())
        .first().isEqualTo("op,channel,n");
    assertThat(run.out().lines().skip(1).sorted().toList()).containsExactly("+I,app,1", "+I,web,2");
  }

  @Test
  void printsJsonWhenAsked() throws IOException {
    Run run = run("-e", bids + "SELECT auction, channel FROM bids WHERE auction = 1;", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("{\"auction\":1,\"channel\":\"web\"}\n");
  }

  @Test
  void aSyntaxErrorStopsTheScriptWithItsPosition() throws IOException {
    Path job = script(bids + "SELECT auction\nFORM bids;\n");

    Run run = run("-f", job.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    // FORM reads as an alias of auction, so the error is at 'bids'.
    assertThat(run.err()).startsWith(job + ":4:6: error: unexpected 'bids', expected one of: ")
        .doesNotContain("\tat ");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void anUnknownColumnIsReportedWhereItIs() throws IOException {
    Path job = script(bids + "SELECT auction,\n       prize FROM bids;\n");

    Run run = run("-f", job.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(job + ":4:8: error: Column 'prize' not found in any table\n");
  }

  @Test
  void aMalformedRowNamesTheFileAndLine() throws IOException {
    Files.writeString(dir.resolve("bids/b.csv"), "4,400,web\n5,oops,app\n", StandardCharsets.UTF_8);
    Path job = script(bids + "SELECT auction, price FROM bids;\n");

    Run run = run("-f", job.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(job + ":3:1: error: ").contains("b.csv").contains("line 2")
        .doesNotContain("\tat ");
  }

  @Test
  void aMissingScriptIsAUsageError() {
    Run run = run("-f", dir.resolve("nope.sql").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("rivulet: cannot read " + dir.resolve("nope.sql") + ": no such file\n");
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(run("--help")).satisfies(r -> {
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).contains("Usage: rivulet").contains("--file");
    });
    assertThat(run("--version")).satisfies(r -> {
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).startsWith("rivulet ");
    });
  }

  @Test
  void definesAreSubstitutedInTheScript() throws IOException {
    Path job = script("CREATE STREAM bids (auction BIGINT, price BIGINT, channel VARCHAR)\n"
        + "WITH ('connector' = 'file', 'path' = '${data}', 'format' = 'csv', 'mode' = 'bounded');\n"
        + "SELECT auction FROM bids WHERE price > ${min};\n");

    Run run = run("-f", job.toString(), "--format", "csv",
        "--define", "data=" + dir.resolve("bids").toString().replace('\\', '/'), "--define", "min=260");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("auction\n3\n");
  }

  @Test
  void anUndefinedVariableIsAnErrorNamingIt() throws IOException {
    Path job = script(bids + "SELECT auction\nFROM bids WHERE price > ${min};\n");

    Run run = run("-f", job.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(job + ":4:25: error: ${min} is not defined; pass --define min=value\n");
  }

  @Test
  void errorPositionsAreInTheScriptAsWrittenBeforeSubstitution() throws IOException {
    Path job = script(bids + "SELECT '${long}', prize FROM bids;\n");

    Run run = run("-f", job.toString(), "--define", "long=a much longer value than the key");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(job + ":3:19: error: Column 'prize' not found in any table\n");
  }

  @Test
  void anInitScriptRunsFirstAndItsErrorsNameIt() throws IOException {
    Path init = Files.writeString(dir.resolve("init.sql"), bids, StandardCharsets.UTF_8);

    Run run = run("-i", init.toString(), "-e", "SELECT COUNT(*) AS n FROM bids;", "--format", "csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsExactly("op,n", "+I,3");

    Files.writeString(init, "CREATE STREAM broken (a BIGINT) WITH ('connector' = 'nope');\n", StandardCharsets.UTF_8);
    Run failed = run("-i", init.toString(), "-e", "SELECT 1;");
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).startsWith(init + ":1:1: error: ");
    assertThat(failed.out()).isEmpty();
  }

  @Test
  void maxBatchesEndsAContinuousSelect() {
    String stream = bids.replace("'mode' = 'bounded'", "'mode' = 'continuous'");

    Run run = run("-e", stream + "SELECT auction FROM bids;", "--max-batches", "1", "--format", "csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsExactly("auction", "1", "2", "3");
  }

  @Test
  void durationEndsAContinuousSelectAndABackgroundInsert() throws IOException {
    String stream = bids.replace("'mode' = 'bounded'", "'mode' = 'continuous'");
    Path sinkDirectory = dir.resolve("out");
    String sink = "CREATE STREAM copies (auction BIGINT) WITH ('connector' = 'file', 'path' = '"
        + sinkDirectory.toString().replace('\\', '/') + "', 'format' = 'csv');\n";
    long started = System.nanoTime();

    Run run = run("-e", stream + sink + "INSERT INTO copies SELECT auction FROM bids;\n"
        + "SELECT price FROM bids WHERE price > 200;", "--duration", "1500ms", "--format", "csv");

    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsExactly("price", "250", "300");
    assertThat(seconds).isLessThan(20);
    try (var files = Files.walk(sinkDirectory)) {
      String written = files.filter(Files::isRegularFile).map(BatchModeTest::read)
          .reduce("", String::concat);
      assertThat(written.lines().filter(line -> !line.equals("auction")).sorted().toList())
          .containsExactly("1", "2", "3");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(run("-e", "SELECT 1;", "--format", "xml")).satisfies(r -> {
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("rivulet: --format must be table, csv or json, not 'xml'\n");
    });
    assertThat(run("-e", "SELECT 1;", "--duration", "soon")).satisfies(r -> {
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("'soon' is not a duration");
    });
    assertThat(run("-e", "SELECT 1;", "--max-batches", "0").exitCode()).isEqualTo(2);
  }

  @Test
  void statementsCanComeOnStandardInput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--format", "csv"},
        new ByteArrayInputStream((bids + "SELECT auction FROM bids WHERE price = 100;").getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("auction\n1\n");
  }
}
