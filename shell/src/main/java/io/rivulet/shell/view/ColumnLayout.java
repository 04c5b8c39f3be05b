package io.rivulet.shell.view;

import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.format.ValueFormat;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a streamed result as aligned text. Widths start from the column types (a BIGINT
 * column is as wide as the widest BIGINT, a TIMESTAMP(3) as {@code yyyy-MM-dd HH:mm:ss.SSS}), so
 * that batches arriving one after another line up; they grow when a value needs more room, and
 * text is cut at {@value #MAX_TEXT_WIDTH} characters. Numbers align right, the rest left.
 */
public final class ColumnLayout {
  /** The widest a text column grows; longer values are cut and end in "...". */
  static final int MAX_TEXT_WIDTH = 40;

  private static final Pattern LENGTH = Pattern.compile("\\(\\s*(\\d+)");
  private static final String NULL = "NULL";

  private final String[] names;
  private final DataType[] types;
  private final boolean withKinds;
  private final int[] widths;

  /** A layout for {@code schema}, with a first column {@code op} when {@code withKinds}. */
  public ColumnLayout(Schema schema, boolean withKinds) {
    this.withKinds = withKinds;
    int offset = withKinds ? 1 : 0;
    int columns = schema.size() + offset;
    names = new String[columns];
    types = new DataType[columns];
    widths = new int[columns];
    if (withKinds) {
      names[0] = "op";
      types[0] = DataType.VARCHAR;
      widths[0] = 2;
    }
    for (int c = 0; c < schema.size(); c++) {
      Field field = schema.field(c);
      names[c + offset] = field.name();
      types[c + offset] = field.type();
      widths[c + offset] = Math.max(width(field.name()), typeWidth(field));
    }
  }

  /** How wide a value of the field's type is written, at most (text: its declared length). */
  static int typeWidth(Field field) {
    Matcher length = LENGTH.matcher(field.typeName());
    int declared = length.find() ? Integer.parseInt(length.group(1)) : -1;
    return switch (field.type()) {
      case BOOLEAN -> 5;
      case TINYINT -> 4;
      case SMALLINT -> 6;
      case INTEGER -> 11;
      case BIGINT -> 20;
      case FLOAT, DOUBLE -> 12;
      case DECIMAL -> declared > 0 ? declared + 2 : 20;
      case TIMESTAMP -> 23;
      case DATE -> 10;
      case TIME -> 12;
      case VARCHAR -> declared > 0 ? Math.min(declared, MAX_TEXT_WIDTH) : 20;
      default -> 20;
    };
  }

  public int columnCount() {
    return names.length;
  }

  public boolean withKinds() {
    return withKinds;
  }

  /** The cells of a row as text, the change kind first when the layout has an op column. */
  public String[] cells(Object[] row, RowKind kind) {
    String[] cells = new String[names.length];
    int offset = 0;
    if (withKinds) {
      cells[0] = kind.shortName();
      offset = 1;
    }
    for (int c = 0; c < row.length; c++) {
      DataType type = types[c + offset];
      cells[c + offset] = row[c] == null ? NULL : visible(ValueFormat.format(row[c], type));
    }
    return cells;
  }

  /** Widens the columns to fit {@code rows}; tells whether any width changed. */
  public boolean fit(List<String[]> rows) {
    boolean changed = false;
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        int needed = width(row[c]);
        if (!types[c].isNumeric()) {
          needed = Math.min(needed, MAX_TEXT_WIDTH);
        }
        if (needed > widths[c]) {
          widths[c] = needed;
          changed = true;
        }
      }
    }
    return changed;
  }

  /** {@code +------+-----+} */
  public String border() {
    StringBuilder line = new StringBuilder("+");
    for (int width : widths) {
      line.append("-".repeat(width + 2)).append('+');
    }
    return line.toString();
  }

  /** {@code | name | n |} */
  public String header() {
    return line(names);
  }

  /** {@code | web  | 3 |} */
  public String row(String[] cells) {
    return line(cells);
  }

  /** The width of a whole line of this layout. */
  public int lineWidth() {
    return border().length();
  }

  private String line(String[] cells) {
    StringBuilder line = new StringBuilder("|");
    for (int c = 0; c < cells.length; c++) {
      String cell = fitted(cells[c], widths[c]);
      String padding = " ".repeat(widths[c] - width(cell));
      line.append(' ');
      if (types[c].isNumeric()) {
        line.append(padding).append(cell);
      } else {
        line.append(cell).append(padding);
      }
      line.append(" |");
    }
    return line.toString();
  }

  private static String fitted(String cell, int width) {
    if (width(cell) <= width) {
      return cell;
    }
    int keep = Math.max(0, width - 3);
    return cell.substring(0, cell.offsetByCodePoints(0, keep)) + "...";
  }

  static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  private static String visible(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < ' ') {
        return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
      }
    }
    return text;
  }
}
