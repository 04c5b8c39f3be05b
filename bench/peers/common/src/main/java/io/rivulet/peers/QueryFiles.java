package io.rivulet.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a query's SQL from Rivulet's {@code bench/queries}, so that a peer runs the very statement
 * Rivulet runs rather than a copy that could drift.
 */
public final class QueryFiles {
  private static final Pattern INSERT =
      Pattern.compile("(?is)^INSERT\\s+INTO\\s+discard_sink\\s+(.*)$");

  private QueryFiles() {}

  /**
   * A query file's statements.
   *
   * @param sinkDeclaration {@code CREATE STREAM discard_sink (...) WITH (...)}
   * @param insert {@code INSERT INTO discard_sink SELECT ...}
   */
  public record Script(String sinkDeclaration, String insert) {
    /** The query without its {@code INSERT INTO discard_sink}. */
    public String select() {
      Matcher matcher = INSERT.matcher(insert);
      if (!matcher.matches()) {
        throw new IllegalStateException("not an INSERT INTO discard_sink: " + insert);
      }
      return matcher.group(1);
    }
  }

  /** {@code rivulet.queries}, else {@code rivulet.home}'s {@code bench/queries}, else a parent's. */
  public static Path directory() {
    String queries = System.getProperty("rivulet.queries");
    if (queries != null) {
      return Path.of(queries);
    }
    String home = System.getProperty("rivulet.home");
    Path start = Path.of(home != null ? home : "").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("bench/queries"))) {
        return dir.resolve("bench/queries");
      }
    }
    throw new IllegalStateException(
        "cannot find bench/queries above " + start + "; set -Drivulet.home=<repository root>");
  }

  public static Script load(PeerQuery query) {
    Path file = directory().resolve(query.fileName() + ".sql");
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Splits a query file (no semicolons in its literals) into its sink declaration and INSERT. */
  static Script parse(String text) {
    StringBuilder code = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.trim().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    String sink = null;
    String insert = null;
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.trim());
      }
    }
    for (String statement : statements) {
      String normalised = statement.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
      if (normalised.startsWith("CREATE STREAM DISCARD_SINK")) {
        sink = statement;
      } else if (normalised.startsWith("INSERT INTO DISCARD_SINK")) {
        insert = statement;
      }
    }
    if (sink == null || insert == null) {
      throw new IllegalArgumentException(
          "a query file must declare discard_sink and INSERT INTO it: " + statements);
    }
    return new Script(sink, insert);
  }
}
