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
    Path job = script(bids + "SELECT auction FROM bids;\n");

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
}
