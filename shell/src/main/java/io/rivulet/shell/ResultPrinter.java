package io.rivulet.shell;

import io.rivulet.engine.ResultBatch;
import io.rivulet.engine.StatementResult;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.format.CsvWriter;
import io.rivulet.runtime.format.TableRenderer;
import io.rivulet.runtime.format.ValueFormat;
import io.rivulet.runtime.type.Schema;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints statement results and streamed query rows in the chosen output format. */
final class ResultPrinter {
  private static final String RULE = "-------------------------------------------";

  /** How SELECT rows are printed. */
  enum Format {
    TABLE,
    CSV,
    JSON
  }

  private final PrintStream out;
  private final Format format;

  ResultPrinter(PrintStream out, Format format) {
    this.out = out;
    this.format = format;
  }

  void print(StatementResult.Rows rows) {
    if (format == Format.TABLE) {
      out.print(TableRenderer.render(rows.schema(), rows.rows()));
    } else {
      printRows(rows.schema(), rows.rows(), null, true);
    }
    out.flush();
  }

  void print(StatementResult.Text text) {
    out.println(text.text().stripTrailing());
    out.flush();
  }

  /** Prints one committed batch of a streaming result. */
  void print(ResultBatch batch, boolean changelog, boolean first) {
    Batch rows = batch.rows();
    if (rows.isEmpty()) {
      return;
    }
    if (format == Format.TABLE) {
      out.print(RULE + "\nBatch: " + batch.batchId() + "\n" + RULE + "\n");
      out.print(TableRenderer.render(rows, changelog));
    } else {
      List<String> kinds = null;
      if (changelog) {
        kinds = new ArrayList<>();
        for (int r = 0; r < rows.rowCount(); r++) {
          kinds.add(rows.kind(r).shortName());
        }
      }
      printRows(rows.schema(), rows.rows(), kinds, first);
    }
    out.flush();
  }

  private void printRows(Schema schema, List<Object[]> rows, List<String> kinds, boolean header) {
    if (format == Format.CSV) {
      if (header) {
        List<String> names = new ArrayList<>();
        if (kinds != null) {
          names.add(CsvWriter.OP_COLUMN);
        }
        names.addAll(schema.names());
        out.println(String.join(",", names.stream().map(ResultPrinter::csv).toList()));
      }
      for (int r = 0; r < rows.size(); r++) {
        List<String> cells = new ArrayList<>();
        if (kinds != null) {
          cells.add(kinds.get(r));
        }
        Object[] row = rows.get(r);
        for (int c = 0; c < row.length; c++) {
          cells.add(row[c] == null ? "" : csv(ValueFormat.format(row[c], schema.type(c))));
        }
        out.println(String.join(",", cells));
      }
    } else {
      for (int r = 0; r < rows.size(); r++) {
        StringBuilder json = new StringBuilder("{");
        if (kinds != null) {
          json.append("\"op\":\"").append(kinds.get(r)).append("\",");
        }
        Object[] row = rows.get(r);
        for (int c = 0; c < row.length; c++) {
          if (c > 0) {
            json.append(',');
          }
          json.append(jsonString(schema.field(c).name())).append(':');
          json.append(jsonValue(row[c], schema, c));
        }
        out.println(json.append('}'));
      }
    }
  }

  private static String jsonValue(Object value, Schema schema, int column) {
    if (value == null) {
      return "null";
    }
    return switch (schema.type(column)) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL, BOOLEAN ->
          ValueFormat.format(value, schema.type(column));
      default -> jsonString(ValueFormat.format(value, schema.type(column)));
    };
  }

  private static String csv(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static String jsonString(String value) {
    StringBuilder text = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20) {
            text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.append('"').toString();
  }
}
