package io.rivulet.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The join samples print what a plain nested-loop join over their data files gives. */
class JoinSamplesTest {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static List<String[]> rows(Path path, boolean header) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> listed = Files.list(path)) {
        files = listed.sorted().toList();
      }
    } else {
      files = List.of(path);
    }
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : header ? lines.subList(1, lines.size()) : lines) {
        rows.add(line.split(",", -1));
      }
    }
    return rows;
  }

  private static List<String> printedRows(String sample) {
    SampleRunner.Run run = SampleRunner.run("-f", sample, "--format", "csv");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    return lines.subList(1, lines.size());
  }

  @Test
  void enrichClicksAddsTheUserOfEveryClick() throws IOException {
    Map<String, String[]> users = new HashMap<>();
    for (String[] user : rows(Paths.get("samples/data/users.csv"), true)) {
      users.put(user[0], user);
    }
    List<String> expected = new ArrayList<>();
    for (String[] click : rows(Paths.get("samples/data/clicks"), false)) {
      String[] user = users.get(click[0]);
      expected.add(click[2] + ".000," + click[1] + "," + click[0] + ","
          + (user == null ? "," : user[1] + "," + user[2]));
    }

    assertThat(printedRows("samples/enrich_clicks.sql")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void adAttributionPairsClicksWithImpressionsOfTheLastTenMinutes() throws IOException {
    List<String> expected = new ArrayList<>();
    List<String[]> clicks = rows(Paths.get("samples/data/clicks"), false);
    for (String[] impression : rows(Paths.get("samples/data/impressions"), false)) {
      LocalDateTime shown = LocalDateTime.parse(impression[3], TIME);
      for (String[] click : clicks) {
        LocalDateTime clicked = LocalDateTime.parse(click[2], TIME);
        if (click[0].equals(impression[1]) && click[1].equals(impression[2])
            && !clicked.isBefore(shown) && !clicked.isAfter(shown.plusMinutes(10))) {
          expected.add(String.join(",", impression[0], impression[1], impression[2], impression[3] + ".000",
              click[2] + ".000"));
        }
      }
    }

    assertThat(expected).isNotEmpty();
    assertThat(printedRows("samples/ad_attribution.sql")).containsExactlyInAnyOrderElementsOf(expected);
  }
}
