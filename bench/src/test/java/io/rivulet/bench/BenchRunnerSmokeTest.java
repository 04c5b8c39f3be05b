package io.rivulet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real runner on a tiny event count: every figure is reported, results agree. */
class BenchRunnerSmokeTest {
  @TempDir Path dir;

  @Test
  void reportsEveryFigureAndTheSameResultsAtParallelismOneAndTwo() throws Exception {
    Path json = dir.resolve("report.json");
    Path queries = Files.createDirectories(dir.resolve("queries"));
    for (String name : List.of("ddl", "q0", "q1", "q2")) {
      Files.copy(
          BenchSettings.defaultQueryDirectory().resolve(name + ".sql"),
          queries.resolve(name + ".sql"));
    }
    Files.writeString(
        queries.resolve("q99.sql"),
        "-- skip: needs a feature that is not there yet\nINSERT INTO discard_sink SELECT 1;\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status =
        Main.run(
            List.of(
                "--events", "20000", "--runs", "2", "--warmup", "0", "--parallelism", "2",
                "--queries-dir", queries.toString(), "--json", json.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(log.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(table)
        .contains("rows/s", "events/s", "rows/cpu-s", "p50 ms", "p99 ms", "peak heap", "gc ms", "checksum")
        .containsPattern("q0 +ok +18\\.4 K")
        .containsPattern("q99 +skipped")
        .contains("q99: skipped: needs a feature that is not there yet")
        .doesNotContain("WARNING");
    String report = Files.readString(json, StandardCharsets.UTF_8);
    for (String field :
        List.of(
            "\"rowsPerSecond\"", "\"rowsPerCpuSecond\"", "\"batchMillisP50\"", "\"batchMillisP99\"",
            "\"peakHeapBytes\"", "\"gcMillis\"", "\"checksum\"", "\"stableAcrossRuns\": true",
            "\"sameAtVerifiedParallelism\": true", "\"verifiedParallelism\": 1",
            "\"inputRows\": 18400", "\"events\": 20000", "\"eventsPerSecond\"",
            "\"status\": \"skipped\"")) {
      assertThat(report).contains(field);
    }
    // q0 passes every bid through; q2 keeps those of auctions whose id is a multiple of 123.
    assertThat(report).contains("\"resultRows\": 18400");
  }

  @Test
  void filesWrittenByGenerateHoldTheGeneratorsEvents() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Main.run(
            List.of("generate", "--events", "20000", "--files", "3", "--out", dir.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertThat(status).isZero();
    assertThat(Files.list(dir.resolve("bid")).count()).isEqualTo(3);
    String fileDdl =
        "CREATE STREAM bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR,"
            + " url VARCHAR, date_time TIMESTAMP(3), extra VARCHAR,"
            + " WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)"
            + " WITH ('connector' = 'file', 'format' = 'csv', 'mode' = 'bounded', 'path' = '"
            + dir.resolve("bid") + "');";
    String generatorDdl =
        Files.readString(BenchSettings.defaultQueryDirectory().resolve("ddl.sql"));
    Map<String, String> placeholders =
        Map.of(
            "events", "20000", "events_per_second", "10000", "seed", "42", "disorder", "0",
            "sink", "checksum", "text", "");
    BenchQuery q0 = BenchQuery.load(BenchSettings.defaultQueryDirectory().resolve("q0.sql"));
    BenchQuery q7 = BenchQuery.load(BenchSettings.defaultQueryDirectory().resolve("q7.sql"));
    for (BenchQuery query : List.of(q0, q7)) {
      RunMeasurement fromFiles =
          new QueryRunner(fileDdl, placeholders).run(query, 2, 4096, 0, Duration.ofMinutes(1));
      RunMeasurement generated =
          new QueryRunner(generatorDdl, placeholders).run(query, 2, 4096, 0, Duration.ofMinutes(1));
      assertThat(fromFiles.inputRows()).isEqualTo(18_400);
      assertThat(fromFiles.resultRows()).isEqualTo(generated.resultRows()).isPositive();
      assertThat(QueryReport.hex(fromFiles.checksum()))
          .as(query.name())
          .isEqualTo(QueryReport.hex(generated.checksum()));
    }
  }

  @Test
  void csvAndJsonSourcesGiveTheGeneratorsResults() throws Exception {
    List<String> checksums = new java.util.ArrayList<>();
    for (String source : List.of("generator", "csv", "json")) {
      Path json = dir.resolve(source + ".json");
      int status =
          Main.run(
              List.of(
                  "q2", "--source", source, "--events", "30000", "--runs", "1", "--warmup", "0",
                  "--no-verify", "--json", json.toString()),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              System.err);
      assertThat(status).isZero();
      String report = Files.readString(json, StandardCharsets.UTF_8);
      assertThat(report).contains("\"source\": \"" + source + "\"", "\"inputRows\": 27600");
      checksums.add(report.replaceAll("(?s).*?\"checksum\": \"([0-9a-f]+)\".*", "$1"));
    }
    assertThat(checksums.get(1)).isEqualTo(checksums.get(0));
    assertThat(checksums.get(2)).isEqualTo(checksums.get(0));
  }

  @Test
  void runsReadTheFilesOfADataDirectoryWrittenByGenerate() throws Exception {
    Path data = dir.resolve("data");
    int generated =
        Main.run(
            List.of(
                "generate", "--events", "20000", "--files", "2", "--tables", "bid",
                "--text-lines", "300", "--out", data.toString()),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            System.err);
    assertThat(generated).isZero();
    assertThat(Files.readAllLines(data.resolve("text/part-0.txt"))).hasSize(150);
    assertThat(Files.exists(data.resolve("person"))).isFalse();
    Path json = dir.resolve("report.json");
    int status =
        Main.run(
            List.of(
                "q0", "wordcount", "--data", data.toString(), "--runs", "1", "--warmup", "0",
                "--no-verify", "--json", json.toString()),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            System.err);
    assertThat(status).isZero();
    String report = Files.readString(json, StandardCharsets.UTF_8);
    assertThat(report)
        .contains(
            "\"source\": \"csv\"", "\"data\": \"" + data + "\"", "\"inputRows\": 18400",
            "\"inputRows\": 300");
  }

  @Test
  void unknownQueriesAndOptionsAreReported() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(Main.run(List.of("q99"), System.out, errors)).isEqualTo(2);
    assertThat(Main.run(List.of("--eventz", "5"), System.out, errors)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no query 'q99'", "q0, q1, q2", "unknown option --eventz");
  }
}
