package io.rivulet.engine.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every case of the golden files under {@code src/test/resources/golden}: under the
 * reference configuration all expected blocks must match; under other parallelism and batch
 * sizes the final results must match too. With {@code -Dgolden.regenerate=true} the files'
 * expectations are rewritten from what the engine produced instead (review the diff); {@code
 * -Dgolden.file=windows} limits a run to the files whose name contains that text.
 */
class GoldenTest {
  static final Path GOLDEN = Paths.get("src/test/resources/golden");
  private static final boolean REGENERATE = Boolean.getBoolean("golden.regenerate");

  @TempDir Path temp;

  @TestFactory
  List<DynamicNode> goldenFiles() throws IOException {
    List<DynamicNode> files = new ArrayList<>();
    try (Stream<Path> paths = Files.list(GOLDEN)) {
      String only = System.getProperty("golden.file", "");
      for (Path file : paths.filter(p -> p.toString().endsWith(".sqltest"))
          .filter(p -> p.getFileName().toString().contains(only)).sorted().toList()) {
        files.add(fileContainer(file));
      }
    }
    return files;
  }

  private DynamicContainer fileContainer(Path file) throws IOException {
    List<GoldenCase> cases = GoldenFile.read(file);
    Map<String, Map<String, String>> regenerated = new LinkedHashMap<>();
    List<DynamicNode> tests = new ArrayList<>();
    for (GoldenCase goldenCase : cases) {
      tests.add(DynamicTest.dynamicTest(goldenCase.name(), file.toUri(),
          () -> runCase(file, goldenCase, regenerated)));
    }
    if (REGENERATE) {
      tests.add(DynamicTest.dynamicTest("rewrite " + file.getFileName(),
          () -> GoldenFile.rewrite(file, regenerated)));
    }
    return DynamicContainer.dynamicContainer(file.getFileName().toString(), tests);
  }

  private void runCase(Path file, GoldenCase goldenCase, Map<String, Map<String, String>> regenerated)
      throws Exception {
    String where = file.getFileName() + ":" + goldenCase.line() + " '" + goldenCase.name() + "'";
    Map<String, String> reference = GoldenRunner.run(
        goldenCase, RunConfiguration.REFERENCE, Files.createTempDirectory(temp, "case"));
    Map<String, String> expected = goldenCase.expectations();
    if (REGENERATE) {
      Map<String, String> actual = new LinkedHashMap<>();
      for (String block : expected.keySet()) {
        actual.put(block, reference.getOrDefault(block, "(nothing)"));
      }
      regenerated.put(goldenCase.name(), actual);
      return;
    }
    assertThat(expected).as(where + " expects nothing").isNotEmpty();
    for (Map.Entry<String, String> block : expected.entrySet()) {
      assertThat(reference.get(block.getKey()))
          .as(where + " --- " + block.getKey() + " under " + RunConfiguration.REFERENCE
              + (reference.containsKey("error") && !block.getKey().equals("error")
                  ? " (it failed: " + reference.get("error") + ")" : ""))
          .isEqualTo(block.getValue());
    }
    boolean configurationIndependent = expected.containsKey("result") || expected.keySet().stream()
        .anyMatch(k -> k.startsWith("sink "));
    if (!configurationIndependent || expected.containsKey("error")) {
      return;
    }
    for (RunConfiguration variant : RunConfiguration.VARIANTS) {
      Map<String, String> actual = GoldenRunner.run(goldenCase, variant, Files.createTempDirectory(temp, "case"));
      for (String block : expected.keySet()) {
        if (block.equals("result") || block.startsWith("sink ")) {
          assertThat(actual.get(block))
              .as(where + " --- " + block + " under " + variant
                  + (actual.containsKey("error") ? " (it failed: " + actual.get("error") + ")" : ""))
              .isEqualTo(expected.get(block));
        }
      }
    }
  }
}
