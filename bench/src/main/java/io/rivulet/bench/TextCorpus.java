package io.rivulet.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The word-count input: lines of about ten words drawn from a 10,000-word vocabulary with a Zipf
 * distribution, written once per line count and seed into files that are then reused.
 */
final class TextCorpus {
  static final int FILES = 2;
  /** The sub-directory of {@code rivulet bench generate --text-lines N --out DIR} it writes. */
  static final String DIRECTORY = "text";
  private static final int VOCABULARY = 10_000;

  private TextCorpus() {}

  /** The directory holding {@code lines} lines (made if missing) and its size in bytes. */
  static Path directory(long lines, long seed) {
    Path directory =
        Path.of(System.getProperty("java.io.tmpdir"), "rivulet-bench-text-" + lines + "-" + seed);
    Path done = directory.resolve("_complete");
    try {
      if (!Files.exists(done)) {
        write(directory, lines, seed);
        Files.createFile(done);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the word-count input to " + directory, e);
    }
    return directory;
  }

  static long bytes(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      long total = 0;
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
        total += Files.size(file);
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code lines} lines in {@link #FILES} files {@code part-N.txt} into {@code directory}. */
  static void write(Path directory, long lines, long seed) throws IOException {
    Files.createDirectories(directory);
    SplittableRandom random = new SplittableRandom(seed);
    String[] words = new String[VOCABULARY];
    for (int w = 0; w < VOCABULARY; w++) {
      char[] chars = new char[2 + random.nextInt(9)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] = (char) ('a' + random.nextInt(26));
      }
      words[w] = new String(chars);
    }
    // Zipf with exponent 1: the cumulative weights of ranks 1..VOCABULARY.
    double[] cumulative = new double[VOCABULARY];
    double sum = 0;
    for (int w = 0; w < VOCABULARY; w++) {
      sum += 1.0 / (w + 1);
      cumulative[w] = sum;
    }
    for (int f = 0; f < FILES; f++) {
      Path file = directory.resolve("part-" + f + ".txt");
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (long line = f; line < lines; line += FILES) {
          int count = 8 + random.nextInt(5);
          for (int i = 0; i < count; i++) {
            if (i > 0) {
              out.write(' ');
            }
            int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            out.write(words[Math.min(VOCABULARY - 1, index < 0 ? -index - 1 : index)]);
          }
          out.write('\n');
        }
      }
    }
  }
}
