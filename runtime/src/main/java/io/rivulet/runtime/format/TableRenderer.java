package io.rivulet.runtime.format;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders rows as an aligned text table with a header row of column names, for the console sink and
 * the shell: values as {@link ValueFormat} writes them, NULL as {@code NULL}, numbers aligned right
 * and everything else left, and for a changelog a first column {@code op}.
 *
 * <pre>
 * +----+------+-------+
 * | op | word | count |
 * +----+------+-------+
 * | +I | cat  |     1 |
 * +----+------+-------+
 * </pre>
 */
public final class TableRenderer {
  private static final String NULL = "NULL";

  private TableRenderer() {}

  /** A table of {@code rows}, which hold values of {@code schema}'s columns. */
  public static String render(Schema schema, List<Object[]> rows) {
    return render(schema, rows, null);
  }

  /**
   * A table of {@code rows}; when {@code kinds} is not null (one per row) a first column {@code op}
   * shows each row's change kind.
   */
  public static String render(Schema schema, List<Object[]> rows, List<RowKind> kinds) {
    boolean withKinds = kinds != null;
    int columns = schema.size() + (withKinds ? 1 : 0);
    String[] header = new String[columns];
    boolean[] alignRight = new boolean[columns];
    int offset = 0;
    if (withKinds) {
      header[0] = CsvWriter.OP_COLUMN;
      offset = 1;
    }
    for (int c = 0; c < schema.size(); c++) {
      header[c + offset] = schema.field(c).name();
      alignRight[c + offset] = schema.type(c).isNumeric();
    }
    List<String[]> cells = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      String[] line = new String[columns];
      if (withKinds) {
        line[0] = kinds.get(r).shortName();
      }
      for (int c = 0; c < schema.size(); c++) {
        line[c + offset] =
            row[c] == null ? NULL : visible(ValueFormat.format(row[c], schema.type(c)));
      }
      cells.add(line);
    }
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = width(header[c]);
      for (String[] line : cells) {
        widths[c] = Math.max(widths[c], width(line[c]));
      }
    }
    StringBuilder text = new StringBuilder();
    String border = border(widths);
    text.append(border);
    appendLine(text, header, widths, alignRight);
    text.append(border);
    for (String[] line : cells) {
      appendLine(text, line, widths, alignRight);
    }
    return text.append(border).toString();
  }

  /** A table of the rows of {@code batch}, with an {@code op} column if {@code withKinds}. */
  public static String render(Batch batch, boolean withKinds) {
    List<RowKind> kinds = null;
    if (withKinds) {
      kinds = new ArrayList<>(batch.rowCount());
      for (int r = 0; r < batch.rowCount(); r++) {
        kinds.add(batch.kind(r));
      }
    }
    return render(batch.schema(), batch.rows(), kinds);
  }

  private static String border(int[] widths) {
    StringBuilder line = new StringBuilder("+");
    for (int width : widths) {
      line.append("-".repeat(width + 2)).append('+');
    }
    return line.append('\n').toString();
  }

  private static void appendLine(
      StringBuilder text, String[] cells, int[] widths, boolean[] alignRight) {
    text.append('|');
    for (int c = 0; c < cells.length; c++) {
      String padding = " ".repeat(widths[c] - width(cells[c]));
      text.append(' ');
      if (alignRight[c]) {
        text.append(padding).append(cells[c]);
      } else {
        text.append(cells[c]).append(padding);
      }
      text.append(" |");
    }
    text.append('\n');
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Control characters would break the alignment, so they are shown escaped. */
  private static String visible(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < ' ') {
        return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
      }
    }
    return text;
  }
}
