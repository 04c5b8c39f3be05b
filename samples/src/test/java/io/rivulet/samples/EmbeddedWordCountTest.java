package io.rivulet.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code samples/embedded/WordCountJdbc.java}: compiled against the JDK alone (it uses java.sql
 * only), run with the driver on the class path, it prints the counts {@code rivulet -f
 * samples/wordcount.sql} prints.
 */
@Timeout(120)
class EmbeddedWordCountTest {
  private static final Path SOURCE = Paths.get("samples/embedded/WordCountJdbc.java");

  @TempDir Path classes;

  @Test
  void theJdbcProgramPrintsTheCountsOfTheWordCountScript() throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int compiled = javac.run(null, diagnostics, diagnostics, "--release", "17", "-proc:none", "-Xlint:all",
        "-Werror", "-classpath", classes.toString(), "-d", classes.toString(), SOURCE.toString());
    assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    String printed = runMain(classes, "WordCountJdbc");

    Map<String, String> counts = new TreeMap<>();
    for (String line : printed.strip().split("\n")) {
      String[] parts = line.split(" ");
      assertThat(parts).as(line).hasSize(2);
      counts.put(parts[0], parts[1]);
    }
    SampleRunner.Run script = SampleRunner.run("-f", "samples/wordcount.sql");
    assertThat(script.exitCode()).as(script.err()).isZero();
    assertThat(counts).isNotEmpty().isEqualTo(new TreeMap<>(script.finalValues(1, 2)));
  }

  /** Runs {@code main} of a compiled class with the test class path as parent, capturing standard output. */
  private static String runMain(Path directory, String className) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()},
        EmbeddedWordCountTest.class.getClassLoader())) {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theProgramUsesJavaSqlOnly() throws Exception {
    List<String> imports = java.nio.file.Files.readAllLines(SOURCE, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("import ")).toList();
    assertThat(imports).allMatch(line -> line.startsWith("import java.sql.") || line.startsWith("import java.util."));
  }
}
