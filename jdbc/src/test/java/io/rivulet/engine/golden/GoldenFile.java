package io.rivulet.engine.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the golden-file format shared by Rivulet's end-to-end SQL tests.
 *
 * <pre>
 * # a comment
 * === name of the case
 * --- input bids/part-0.csv      (a file under the case's directory ${dir})
 * 1,100,web
 * --- sql                        (statements; ${dir} is the case's directory)
 * CREATE STREAM bids (...) WITH ('connector' = 'file', 'path' = '${dir}/bids', ...);
 * SELECT ...;
 * --- result                     (final rows of the last SELECT, changelog applied, sorted)
 * auction,p
 * 2,400
 * --- changelog                  (the exact changelog, at parallelism 1 in one batch)
 * --- error                      (line:column: category: message of the first error)
 * --- explain                    (the text of a last EXPLAIN statement)
 * --- sink out                   (rows written under ${dir}/out by INSERT INTO, sorted)
 * </pre>
 */
public final class GoldenFile {
  private GoldenFile() {}

  public static List<GoldenCase> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<GoldenCase> cases = new ArrayList<>();
    String name = null;
    int caseLine = 0;
    Map<String, String> inputs = new LinkedHashMap<>();
    Map<String, String> expectations = new LinkedHashMap<>();
    String sql = null;
    String block = null;
    StringBuilder content = new StringBuilder();
    for (int i = 0; i <= lines.size(); i++) {
      String line = i < lines.size() ? lines.get(i) : "=== <end>";
      boolean caseStart = line.startsWith("=== ");
      boolean blockStart = line.startsWith("--- ");
      if ((caseStart || blockStart) && block != null) {
        String text = trimTrailingNewlines(content.toString());
        if (block.startsWith("input ")) {
          inputs.put(block.substring(6).trim(), text);
        } else if (block.equals("sql")) {
          sql = text;
        } else {
          expectations.put(block, text);
        }
        block = null;
      }
      if (caseStart) {
        if (name != null) {
          if (sql == null) {
            throw new IOException(file + ":" + caseLine + ": case '" + name + "' has no --- sql block");
          }
          cases.add(new GoldenCase(name, caseLine, inputs, sql, expectations));
        }
        name = line.substring(4).trim();
        caseLine = i + 1;
        inputs = new LinkedHashMap<>();
        expectations = new LinkedHashMap<>();
        sql = null;
      } else if (blockStart) {
        block = line.substring(4).trim();
        String kind = block.split(" ", 2)[0];
        if (!kind.equals("input") && !kind.equals("sql") && !GoldenCase.EXPECTATION_KINDS.contains(kind)) {
          throw new IOException(file + ":" + (i + 1) + ": unknown block '--- " + block + "'");
        }
        content.setLength(0);
      } else if (block != null) {
        content.append(line).append('\n');
      } else if (!line.isBlank() && !line.startsWith("#")) {
        throw new IOException(file + ":" + (i + 1) + ": text outside a block: " + line);
      }
    }
    return cases;
  }

  /** Rewrites {@code file} with the given cases' expectation blocks replaced by {@code actual}. */
  public static void rewrite(Path file, Map<String, Map<String, String>> actualByCase)
      throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> output = new ArrayList<>();
    String caseName = null;
    boolean skipping = false;
    for (String line : lines) {
      if (line.startsWith("=== ")) {
        caseName = line.substring(4).trim();
        skipping = false;
      } else if (line.startsWith("--- ")) {
        skipping = false;
        String block = line.substring(4).trim();
        Map<String, String> actual = actualByCase.get(caseName);
        if (actual != null && actual.containsKey(block)) {
          output.add(line);
          output.add(actual.get(block));
          output.add("");
          skipping = true;
          continue;
        }
      }
      if (!skipping) {
        output.add(line);
      }
    }
    Files.writeString(file, String.join("\n", output).replaceAll("\n{3,}", "\n\n").strip() + "\n",
        StandardCharsets.UTF_8);
  }

  private static String trimTrailingNewlines(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == ' ')) {
      end--;
    }
    return text.substring(0, end);
  }
}
