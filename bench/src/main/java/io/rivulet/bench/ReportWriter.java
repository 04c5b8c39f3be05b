package io.rivulet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders reports as an aligned text table and as JSON. */
final class ReportWriter {
  private static final String[] HEADERS = {
    "query", "status", "rows in", "rows/s", "events/s", "rows/cpu-s", "MB/s", "p50 ms", "p99 ms", "batches",
    "peak heap", "gc ms", "rows out", "checksum", "same at P"
  };

  private ReportWriter() {}

  static String table(List<QueryReport> reports) {
    return table(reports, true);
  }

  /** The table; without {@code checksums} (output to blackhole) the checksum column is blank. */
  static String table(List<QueryReport> reports, boolean checksums) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (QueryReport report : reports) {
      if (!report.ok()) {
        String[] row = new String[HEADERS.length];
        java.util.Arrays.fill(row, "");
        row[0] = report.name();
        row[1] = report.status();
        rows.add(row);
        continue;
      }
      rows.add(
          new String[] {
            report.name(),
            report.status(),
            count(report.inputRows()),
            count(report.medianRowsPerSecond()),
            report.events() > 0 ? count(report.medianEventsPerSecond()) : "-",
            count(report.medianRowsPerCpuSecond()),
            report.runs().get(0).inputBytes() > 0
                ? String.format(Locale.ROOT, "%.1f", report.medianMegabytesPerSecond())
                : "-",
            String.valueOf(report.batchMillisPercentile(50)),
            String.valueOf(report.batchMillisPercentile(99)),
            String.valueOf(report.batches()),
            String.format(Locale.ROOT, "%d MB", report.peakHeapBytes() >> 20),
            String.format(Locale.ROOT, "%.0f", report.medianGcMillis()),
            count(report.resultRows()),
            checksums ? QueryReport.hex(report.checksum()).substring(0, 8) : "-",
            report
                .matchesOtherParallelism()
                .map(same -> (same ? "yes" : "NO") + " (P=" + report.verification().get().parallelism() + ")")
                .orElse("-")
          });
    }
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      for (int c = 0; c < row.length; c++) {
        boolean left = c <= 1;
        String cell = row[c];
        String padding = " ".repeat(widths[c] - cell.length());
        text.append(c == 0 ? "" : "  ").append(left ? cell + padding : padding + cell);
      }
      text.append('\n');
      if (r == 0) {
        int total = 0;
        for (int width : widths) {
          total += width + 2;
        }
        text.append("-".repeat(total - 2)).append('\n');
      }
    }
    for (QueryReport report : reports) {
      report.reason().ifPresent(reason -> text.append(report.name()).append(": ")
          .append(report.status()).append(": ").append(reason).append('\n'));
      report.warnings().forEach(warning -> text.append(warning).append('\n'));
    }
    return text.toString();
  }

  /** 1234567 as {@code 1.23 M}, 12345 as {@code 12.3 K}. */
  static String count(double value) {
    if (value >= 1e9) {
      return String.format(Locale.ROOT, "%.2f G", value / 1e9);
    } else if (value >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", value / 1e6);
    } else if (value >= 1e4) {
      return String.format(Locale.ROOT, "%.1f K", value / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }

  static String json(Map<String, Object> environment, List<QueryReport> reports) {
    StringBuilder json = new StringBuilder("{\n  \"environment\": {");
    int i = 0;
    for (Map.Entry<String, Object> entry : environment.entrySet()) {
      json.append(i++ == 0 ? "\n" : ",\n").append("    ").append(string(entry.getKey()))
          .append(": ").append(value(entry.getValue()));
    }
    json.append("\n  },\n  \"queries\": [");
    for (int q = 0; q < reports.size(); q++) {
      QueryReport report = reports.get(q);
      json.append(q == 0 ? "\n" : ",\n").append("    {");
      field(json, "name", report.name(), true);
      field(json, "status", report.status(), false);
      report.reason().ifPresent(reason -> field(json, "reason", reason, false));
      if (!report.runs().isEmpty()) {
        field(json, "inputRows", report.inputRows(), false);
        field(json, "rowsPerSecond", Math.round(report.medianRowsPerSecond()), false);
        if (report.events() > 0) {
          field(json, "events", report.events(), false);
          field(json, "eventsPerSecond", Math.round(report.medianEventsPerSecond()), false);
        }
        field(json, "rowsPerCpuSecond", Math.round(report.medianRowsPerCpuSecond()), false);
        if (report.runs().get(0).inputBytes() > 0) {
          field(json, "inputBytes", report.runs().get(0).inputBytes(), false);
          field(json, "megabytesPerSecond",
              Math.round(report.medianMegabytesPerSecond() * 10) / 10.0, false);
        }
        field(json, "seconds", Math.round(report.medianSeconds() * 1000) / 1000.0, false);
        field(json, "batches", report.batches(), false);
        field(json, "batchMillisP50", report.batchMillisPercentile(50), false);
        field(json, "batchMillisP99", report.batchMillisPercentile(99), false);
        field(json, "peakHeapBytes", report.peakHeapBytes(), false);
        field(json, "gcMillis", Math.round(report.medianGcMillis()), false);
        field(json, "resultRows", report.resultRows(), false);
        field(json, "rowsWritten", report.runs().get(0).rowsWritten(), false);
        field(json, "checksum", QueryReport.hex(report.checksum()), false);
        field(json, "stableAcrossRuns", report.stableAcrossRuns(), false);
        if (report.verification().isPresent()) {
          field(json, "verifiedParallelism", report.verification().get().parallelism(), false);
          field(json, "sameAtVerifiedParallelism", report.matchesOtherParallelism().get(), false);
        }
        json.append(",\n      \"runs\": [");
        for (int r = 0; r < report.runs().size(); r++) {
          RunMeasurement run = report.runs().get(r);
          json.append(r == 0 ? "\n" : ",\n").append("        {");
          field(json, "parallelism", run.parallelism(), true);
          field(json, "seconds", run.wallNanos() / 1e9, false);
          field(json, "cpuSeconds", run.cpuNanos() / 1e9, false);
          field(json, "rowsPerSecond", Math.round(run.rowsPerSecond()), false);
          field(json, "gcMillis", run.gcMillis(), false);
          field(json, "peakHeapBytes", run.peakHeapBytes(), false);
          field(json, "checksum", QueryReport.hex(run.checksum()), false);
          json.append("}");
        }
        json.append("\n      ]");
      }
      if (!report.hotMethods().isEmpty()) {
        json.append(",\n      \"hotMethods\": [");
        for (int m = 0; m < report.hotMethods().size(); m++) {
          json.append(m == 0 ? "\n        " : ",\n        ").append(string(report.hotMethods().get(m)));
        }
        json.append("\n      ]");
      }
      json.append("\n    }");
    }
    return json.append("\n  ]\n}\n").toString();
  }

  private static void field(StringBuilder json, String name, Object value, boolean first) {
    json.append(first ? "\n      " : ",\n      ").append(string(name)).append(": ").append(value(value));
  }

  private static String value(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return string(String.valueOf(value));
  }

  static String string(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"':
          quoted.append("\\\"");
          break;
        case '\\':
          quoted.append("\\\\");
          break;
        case '\n':
          quoted.append("\\n");
          break;
        case '\t':
          quoted.append("\\t");
          break;
        default:
          if (c < 0x20) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
      }
    }
    return quoted.append('"').toString();
  }
}
