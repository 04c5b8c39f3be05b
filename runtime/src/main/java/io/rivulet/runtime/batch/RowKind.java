package io.rivulet.runtime.batch;

/** The change a row carries in a changelog; an append-only stream carries only inserts. */
public enum RowKind {
  INSERT("+I"),
  UPDATE_BEFORE("-U"),
  UPDATE_AFTER("+U"),
  DELETE("-D");

  private static final RowKind[] VALUES = values();

  private final String shortName;

  RowKind(String shortName) {
    this.shortName = shortName;
  }

  /** The short form shown to users: {@code +I}, {@code -U}, {@code +U} or {@code -D}. */
  public String shortName() {
    return shortName;
  }

  /** Whether the row adds to the result (insert or update-after) rather than retracting. */
  public boolean isAccumulate() {
    return this == INSERT || this == UPDATE_AFTER;
  }

  public byte code() {
    return (byte) ordinal();
  }

  public static RowKind ofCode(byte code) {
    return VALUES[code];
  }

  public static RowKind ofShortName(String name) {
    for (RowKind kind : VALUES) {
      if (kind.shortName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown row kind " + name);
  }
}
