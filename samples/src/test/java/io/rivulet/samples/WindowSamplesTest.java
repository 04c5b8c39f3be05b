package io.rivulet.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The windowed samples print what a plain computation over their data files gives: the reference
 * windows are computed here, row by row, with no engine.
 */
class WindowSamplesTest {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private static long millis(String text) {
    return LocalDateTime.parse(text, TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static String printed(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC).format(PRINTED);
  }

  private static List<String[]> csvRows(Path directory, boolean header) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : header ? lines.subList(1, lines.size()) : lines) {
          rows.add(line.split(","));
        }
      }
    }
    return rows;
  }

  private static SampleRunner.Run run(String sample) {
    SampleRunner.Run run = SampleRunner.run("-f", sample);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    return run;
  }

  @Test
  void dailyVisitsCountsEachUsersVisitsPerDay() throws IOException {
    Map<String, Long> expected = new TreeMap<>();
    for (String[] row : csvRows(Paths.get("samples/data/visits"), true)) {
      expected.merge(row[2].substring(0, 10) + " " + row[0], 1L, Long::sum);
    }

    Map<String, Long> actual = new TreeMap<>();
    for (List<String> row : run("samples/daily_visits.sql").tableRows()) {
      Long previous = actual.put(row.get(0) + " " + row.get(1), Long.parseLong(row.get(2)));
      assertThat(previous).as("one row per day and user").isNull();
    }

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void cpuMonitorFlagsHostsWhoseFiveMinuteAverageExceedsNinety() throws IOException {
    long minute = 60_000;
    Map<String, Double> expected = new TreeMap<>();
    Map<String, List<double[]>> samples = new TreeMap<>();
    for (String[] row : csvRows(Paths.get("samples/data/cpu"), false)) {
      samples.computeIfAbsent(row[0], h -> new ArrayList<>())
          .add(new double[] {millis(row[2]), Double.parseDouble(row[1])});
    }
    samples.forEach((host, points) -> {
      long first = (long) points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
      long last = (long) points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
      for (long end = Math.floorDiv(first, minute) * minute + minute; end <= last + 5 * minute; end += minute) {
        long windowEnd = end;
        double[] inWindow = points.stream()
            .filter(p -> p[0] >= windowEnd - 5 * minute && p[0] < windowEnd)
            .mapToDouble(p -> p[1]).toArray();
        double average = java.util.Arrays.stream(inWindow).average().orElse(0);
        if (inWindow.length > 0 && average > 90) {
          expected.put(printed(windowEnd) + " " + host, average);
        }
      }
    });

    Map<String, Double> actual = new TreeMap<>();
    for (List<String> row : run("samples/cpu_monitor.sql").tableRows()) {
      assertThat(row.get(3)).isEqualTo("OVERLOADED");
      actual.put(row.get(0) + " " + row.get(1), Double.parseDouble(row.get(2)));
    }

    assertThat(actual.keySet()).isEqualTo(expected.keySet()).isNotEmpty();
    actual.forEach((key, average) -> assertThat(average).as(key).isCloseTo(expected.get(key), within(0.051)));
  }

  @Test
  void hotItemsReportsItemsWithManyBidsInTheLastTenMinutes() throws IOException {
    long minute = 60_000;
    Map<String, String> expected = new TreeMap<>();
    List<String[]> bids = csvRows(Paths.get("samples/data/bids"), false);
    long first = bids.stream().mapToLong(b -> millis(b[3])).min().orElseThrow();
    long last = bids.stream().mapToLong(b -> millis(b[3])).max().orElseThrow();
    for (long start = Math.floorDiv(first, minute) * minute - 9 * minute; start <= last; start += minute) {
      long windowStart = start;
      Map<String, long[]> perItem = new TreeMap<>();
      for (String[] bid : bids) {
        long time = millis(bid[3]);
        if (time >= windowStart && time < windowStart + 10 * minute) {
          long[] countAndTop = perItem.computeIfAbsent(bid[0], i -> new long[2]);
          countAndTop[0]++;
          countAndTop[1] = Math.max(countAndTop[1], Long.parseLong(bid[2]));
        }
      }
      perItem.forEach((item, countAndTop) -> {
        if (countAndTop[0] >= 45) {
          expected.put(printed(windowStart) + " " + item, countAndTop[0] + " " + countAndTop[1]);
        }
      });
    }

    Map<String, String> actual = new TreeMap<>();
    for (List<String> row : run("samples/hot_items.sql").tableRows()) {
      actual.put(row.get(0) + " " + row.get(2), row.get(3) + " " + row.get(4));
    }

    assertThat(actual).isEqualTo(expected).isNotEmpty();
  }
}
