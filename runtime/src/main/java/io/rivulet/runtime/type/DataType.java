package io.rivulet.runtime.type;

/**
 * The SQL types a column can have at run time, with the Java representation of their values.
 *
 * <p>Values follow Calcite's conventions so that generated code can use them directly: INTEGER is
 * {@link Integer}, BIGINT {@link Long}, TIMESTAMP {@link Long} milliseconds since the epoch of a
 * zone-less wall clock, DATE {@link Integer} days since the epoch, TIME {@link Integer}
 * milliseconds of the day, DECIMAL {@link java.math.BigDecimal}, VARCHAR {@link String}, ARRAY a
 * {@link java.util.List}.
 */
public enum DataType {
  BOOLEAN(Storage.BOOLEAN),
  TINYINT(Storage.LONG),
  SMALLINT(Storage.LONG),
  INTEGER(Storage.LONG),
  BIGINT(Storage.LONG),
  FLOAT(Storage.DOUBLE),
  DOUBLE(Storage.DOUBLE),
  DECIMAL(Storage.OBJECT),
  VARCHAR(Storage.OBJECT),
  TIMESTAMP(Storage.LONG),
  DATE(Storage.LONG),
  TIME(Storage.LONG),
  ARRAY(Storage.OBJECT),
  /** Any other Java object, carried through but not interpreted. */
  OTHER(Storage.OBJECT);

  /** How a column of this type is laid out in a vector. */
  public enum Storage {
    LONG,
    DOUBLE,
    BOOLEAN,
    OBJECT
  }

  private final Storage storage;

  DataType(Storage storage) {
    this.storage = storage;
  }

  public Storage storage() {
    return storage;
  }

  /** Converts a value of this type to the long stored in a LONG vector. */
  public long toLong(Object value) {
    return ((Number) value).longValue();
  }

  /** Converts a long read from a LONG vector to this type's Java value. */
  public Object fromLong(long value) {
    return switch (this) {
      case TINYINT -> (byte) value;
      case SMALLINT -> (short) value;
      case INTEGER, DATE, TIME -> (int) value;
      default -> value;
    };
  }

  /** Converts a double read from a DOUBLE vector to this type's Java value. */
  public Object fromDouble(double value) {
    return this == FLOAT ? (Object) (float) value : (Object) value;
  }

  public boolean isNumeric() {
    return switch (this) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }
}
