package io.rivulet.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerHarnessTest {
  @TempDir Path dir;

  @Test
  void optionsDefaultToAllQueriesThreeRunsAndOneWarmUp() {
    PeerOptions options = PeerOptions.parse(List.of("--data", "/d"));
    assertThat(options.queries()).containsExactly(PeerQuery.values());
    assertThat(options.runs()).isEqualTo(3);
    assertThat(options.warmup()).isEqualTo(1);
    assertThat(options.parallelism()).isEqualTo(2);
    assertThat(options.countRows()).isFalse();
    assertThat(options.directory(PeerQuery.Input.TEXT)).isEqualTo(Path.of("/d/text"));
    PeerOptions chosen =
        PeerOptions.parse(List.of("q7", "--data", "/d", "--runs", "5", "WORDCOUNT", "--count-rows"));
    assertThat(chosen.queries()).containsExactly(PeerQuery.Q7, PeerQuery.WORDCOUNT);
    assertThat(chosen.runs()).isEqualTo(5);
    assertThat(chosen.countRows()).isTrue();
  }

  @Test
  void badOptionsSayWhatIsExpected() {
    assertThatThrownBy(() -> PeerOptions.parse(List.of("q0")))
        .hasMessageStartingWith("--data DIR is required");
    assertThatThrownBy(() -> PeerOptions.parse(List.of("--data", "/d", "q99")))
        .hasMessage("no query 'q99'; the peers run [q0, q1, q2, q5, q7, q_channels, wordcount]");
    assertThatThrownBy(() -> PeerOptions.parse(List.of("--data", "/d", "--runs", "0")))
        .hasMessage("--runs must be at least 1, not 0");
  }

  @Test
  void everyPeerQueryHasAFileWithASinkAndAnInsert() {
    for (PeerQuery query : PeerQuery.values()) {
      QueryFiles.Script script = QueryFiles.load(query);
      assertThat(script.sinkDeclaration()).as(query.fileName()).startsWith("CREATE STREAM discard_sink");
      assertThat(script.insert()).startsWith("INSERT INTO discard_sink");
      assertThat(script.select()).startsWith("SELECT");
    }
    QueryFiles.Script q2 =
        QueryFiles.parse(
            "-- q2\nCREATE STREAM discard_sink (auction BIGINT)\nWITH ('connector' = '${sink}');\n\n"
                + "INSERT INTO discard_sink\nSELECT auction FROM bid WHERE MOD(auction, 123) = 0;\n");
    assertThat(q2.select()).isEqualTo("SELECT auction FROM bid WHERE MOD(auction, 123) = 0");
  }

  /** An engine whose runs take no time and return a fixed row count, recording what it ran. */
  private static final class FakeEngine implements PeerEngine {
    final List<String> ran = new ArrayList<>();

    @Override
    public String name() {
      return "Fake 1.0";
    }

    @Override
    public PreparedRun prepare(PeerQuery query, PeerOptions options) {
      if (query == PeerQuery.Q5) {
        throw new IllegalStateException("no windows here");
      }
      return () -> {
        ran.add(query.fileName());
        return options.countRows() ? 7 : -1;
      };
    }

    @Override
    public void close() {}
  }

  @Test
  void runsWarmUpsAndMeasuredRunsAndReportsInputRowsAndFailures() throws Exception {
    Files.createDirectories(dir.resolve("bid"));
    Files.writeString(dir.resolve("bid/part-0.csv"), "1,2\n3,4\n");
    Files.writeString(dir.resolve("bid/part-1.csv"), "5,6\n");
    Files.writeString(dir.resolve("bid/_complete"), "\n\n\n");
    FakeEngine engine = new FakeEngine();
    Path json = dir.resolve("fake.json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        PeerHarness.main(
            List.of("--data", dir.toString(), "--runs", "2", "--warmup", "1", "--count-rows",
                "--json", json.toString(), "q0", "q5"),
            options -> engine,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(1);
    assertThat(engine.ran).containsExactly("q0", "q0", "q0");
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(table).containsPattern("q0 +ok +3 ").containsPattern("q5 +failed +no windows here");
    assertThat(Files.readString(json))
        .contains("\"engine\": \"Fake 1.0\"", "\"name\": \"q0\", \"status\": \"ok\", \"inputRows\": 3",
            "\"resultRows\": 7", "\"reason\": \"no windows here\"");
    assertThat(PeerHarness.median(List.of(5L, 1L, 3L))).isEqualTo(3);
    assertThat(PeerHarness.median(List.of(4L, 1L))).isEqualTo(2.5);
    assertThat(Optional.of(PeerHarness.count(1_234_567))).contains("1.23 M");
  }
}
