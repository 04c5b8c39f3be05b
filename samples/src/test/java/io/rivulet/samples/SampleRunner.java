package io.rivulet.samples;

import io.rivulet.shell.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the {@code rivulet} command in-process, as {@code ./rivulet ARGS} would, capturing output. */
final class SampleRunner {
  /** What a run printed and how it ended. */
  record Run(int exitCode, String out, String err) {
    /** The data rows of every table printed, each as its cells (an op column included). */
    List<List<String>> tableRows() {
      List<List<String>> rows = new ArrayList<>();
      boolean header = true;
      for (String line : out.split("\n")) {
        if (line.startsWith("+-")) {
          continue;
        }
        if (!line.startsWith("|")) {
          header = true;
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
          cells.add(cell.trim());
        }
        rows.add(cells);
      }
      return rows;
    }

    /** The final state of a changelog table whose first column is op: key column → value column. */
    Map<String, String> finalValues(int keyColumn, int valueColumn) {
      Map<String, String> values = new LinkedHashMap<>();
      for (List<String> row : tableRows()) {
        String op = row.get(0);
        if (op.equals("+I") || op.equals("+U")) {
          values.put(row.get(keyColumn), row.get(valueColumn));
        } else if (op.equals("-D")) {
          values.remove(row.get(keyColumn));
        }
      }
      return values;
    }
  }

  private SampleRunner() {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
