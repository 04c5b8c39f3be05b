package io.rivulet.engine.golden;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One end-to-end case of a golden file: input files, statements, and what they must produce.
 *
 * @param name the case's name, from its {@code === name} line
 * @param line the line of the file where the case starts
 * @param inputs file contents by path relative to the case's directory ({@code ${dir}})
 * @param sql the statements, run in order
 * @param expectations the expected blocks by kind ({@code result}, {@code changelog}, {@code
 *     error}, {@code explain}, {@code sink <dir>}), in written order
 */
public record GoldenCase(
    String name, int line, Map<String, String> inputs, String sql, Map<String, String> expectations) {

  public GoldenCase {
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    expectations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expectations));
  }

  /** The block kinds a case may expect. */
  static final List<String> EXPECTATION_KINDS = List.of("result", "changelog", "error", "explain", "sink");
}
