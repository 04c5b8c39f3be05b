package io.rivulet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One benchmark query: a {@code .sql} file of {@code bench/queries} whose statements end with an
 * {@code INSERT INTO discard_sink}, with {@code ${name}} placeholders the runner fills in.
 *
 * <p>Header comments may say {@code -- skip: <why>} (the runner reports the query as skipped) and
 * {@code -- input: text} (the query reads the word-count text files rather than the Nexmark
 * streams of {@code ddl.sql}).
 *
 * @param name the file name without {@code .sql}
 * @param script the file's text
 * @param skipReason why the query cannot run yet, if it cannot
 * @param readsText whether it reads the text files rather than Nexmark
 */
record BenchQuery(String name, String script, Optional<String> skipReason, boolean readsText) {
  /** The stream every query writes to. */
  static final String SINK = "discard_sink";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** Every query file of {@code directory} but the {@code ddl*.sql}, in natural order (q2 before q11). */
  static List<BenchQuery> loadAll(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<BenchQuery> queries = new ArrayList<>();
      for (Path file : files.sorted(Comparator.comparing(BenchQuery::sortKey)).toList()) {
        String fileName = file.getFileName().toString();
        if (fileName.endsWith(".sql") && !fileName.startsWith("ddl")) {
          queries.add(load(file));
        }
      }
      return queries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the queries in " + directory, e);
    }
  }

  static BenchQuery load(Path file) {
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - ".sql".length());
    String script;
    try {
      script = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Optional<String> skip = Optional.empty();
    boolean text = false;
    for (String line : script.split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.startsWith("--")) {
        break;
      }
      String comment = trimmed.substring(2).trim();
      if (comment.startsWith("skip:")) {
        skip = Optional.of(comment.substring("skip:".length()).trim());
      } else if (comment.equals("input: text")) {
        text = true;
      }
    }
    return new BenchQuery(name, script, skip, text);
  }

  /** Natural order: the name with its first number zero-padded. */
  private static String sortKey(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Matcher number = NUMBER.matcher(name);
    return number.find() ? number.replaceFirst(String.format(Locale.ROOT, "%08d", Long.parseLong(number.group()))) : name;
  }

  /** {@code text} with every {@code ${name}} replaced by {@code values.get(name)}. */
  static String substitute(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "unknown placeholder ${" + matcher.group(1) + "}; known: " + values.keySet());
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
