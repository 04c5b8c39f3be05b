package io.rivulet.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code samples/wordcount.sql}: the counts it prints are the words of its data files. */
class WordCountSampleTest {
  @Test
  void printsTheCountOfEveryWord() throws IOException {
    SampleRunner.Run run = SampleRunner.run("-f", "samples/wordcount.sql");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(new TreeMap<>(run.finalValues(1, 2))).isEqualTo(countWords(Paths.get("samples/data/words")));
  }

  @Test
  void explainShowsTwoStagesWithAnExchangeOnTheWord() throws IOException {
    String script = Files.readString(Paths.get("samples/wordcount.sql"), StandardCharsets.UTF_8);
    String explained = script.replace("SELECT word", "EXPLAIN SELECT word");

    SampleRunner.Run run = SampleRunner.run("-e", explained);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Stage 1 (partitions: one per source split)")
        .contains("Exchange(hash[word]) -> Stage 2")
        .contains("Stage 2 (partitions:")
        .contains("LocalCount(keys=[word], counts=[COUNT(*) AS c], per=micro-batch)")
        .contains("GroupAggregate(keys=[word], aggregates=[SUM(c) AS c]")
        .doesNotContain("Stage 3");
  }

  /** The reference: a plain count of the lower-cased words of every file. */
  private static Map<String, String> countWords(Path directory) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          for (String word : line.toLowerCase(Locale.ROOT).split(" ")) {
            if (!word.isEmpty()) {
              counts.merge(word, 1L, Long::sum);
            }
          }
        }
      }
    }
    Map<String, String> rendered = new TreeMap<>();
    counts.forEach((word, count) -> rendered.put(word, String.valueOf(count)));
    return rendered;
  }
}
