package io.rivulet.runtime.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** The ordered columns of a batch or a relation. */
public record Schema(List<Field> fields) {
  public Schema {
    fields = List.copyOf(fields);
  }

  public static Schema of(Field... fields) {
    return new Schema(List.of(fields));
  }

  public int size() {
    return fields.size();
  }

  public Field field(int index) {
    return fields.get(index);
  }

  public DataType type(int index) {
    return fields.get(index).type();
  }

  public List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  /** The index of the column named {@code name}, ignoring case. */
  public OptionalInt indexOf(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equalsIgnoreCase(name)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** The columns at {@code indexes}, in that order. */
  public Schema project(int... indexes) {
    List<Field> projected = new ArrayList<>(indexes.length);
    for (int index : indexes) {
      projected.add(fields.get(index));
    }
    return new Schema(projected);
  }

  /** This schema followed by {@code other}'s columns. */
  public Schema concat(Schema other) {
    List<Field> all = new ArrayList<>(fields);
    all.addAll(other.fields);
    return new Schema(all);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (i > 0) {
        text.append(", ");
      }
      text.append(f.name()).append(' ').append(f.typeName().toUpperCase(Locale.ROOT));
      if (!f.nullable()) {
        text.append(" NOT NULL");
      }
    }
    return text.append(')').toString();
  }
}
