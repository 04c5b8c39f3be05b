package io.rivulet.runtime.connector.datagen;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BooleanVector;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DoubleVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of every column of every row number, as a pure function of the seed, the row number
 * and the column: any set of rows can be generated on its own and always comes out the same.
 */
final class DatagenValues {
  static final long BASE_TIME =
      LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
  private static final int FIRST_DAY = (int) LocalDate.of(2000, 1, 1).toEpochDay();
  private static final int DAYS = (int) (LocalDate.of(2030, 1, 1).toEpochDay() - FIRST_DAY);
  private static final int MAX_STRING = 16;
  private static final char[] ALPHANUMERIC =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
  private static final Pattern PARAMETERS = Pattern.compile("\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)");
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final Schema schema;
  private final long seedMix;
  private final long rowsPerSecond;
  /** Per column: the VARCHAR length bound, or the DECIMAL precision. */
  private final int[] lengths;
  /** Per column: the DECIMAL scale. */
  private final int[] scales;

  DatagenValues(Schema schema, long seed, long rowsPerSecond) {
    this.schema = schema;
    this.seedMix = mix(seed ^ 0x64617461L);
    this.rowsPerSecond = rowsPerSecond;
    this.lengths = new int[schema.size()];
    this.scales = new int[schema.size()];
    for (int c = 0; c < schema.size(); c++) {
      Field field = schema.field(c);
      Matcher parameters = PARAMETERS.matcher(field.typeName());
      boolean found = parameters.find();
      if (field.type() == DataType.VARCHAR) {
        lengths[c] = found ? Math.max(1, Math.min(MAX_STRING, parse(parameters.group(1)))) : MAX_STRING;
      } else if (field.type() == DataType.DECIMAL) {
        lengths[c] = found ? Math.max(1, Math.min(18, parse(parameters.group(1)))) : 18;
        scales[c] = found && parameters.group(2) != null ? parse(parameters.group(2)) : 0;
      }
    }
  }

  private static int parse(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  static boolean supports(DataType type) {
    return type != DataType.ARRAY && type != DataType.OTHER;
  }

  Schema schema() {
    return schema;
  }

  /** The rows numbered {@code rows[0, count)}. */
  Batch generate(long[] rows, int count) {
    ColumnVector[] columns = new ColumnVector[schema.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = column(c, rows, count);
    }
    return new Batch(schema, columns, count, null);
  }

  private ColumnVector column(int c, long[] rows, int count) {
    DataType type = schema.type(c);
    long salt = (c + 1) * 0xD1B54A32D192ED03L;
    switch (type) {
      case BOOLEAN:
        {
          boolean[] values = new boolean[count];
          for (int i = 0; i < count; i++) {
            values[i] = (random(rows[i], salt) & 1) == 1;
          }
          return new BooleanVector(values, null, count);
        }
      case FLOAT:
      case DOUBLE:
        {
          double[] values = new double[count];
          for (int i = 0; i < count; i++) {
            double unit = (random(rows[i], salt) >>> 11) * 0x1.0p-53;
            values[i] = type == DataType.FLOAT ? (float) unit : unit;
          }
          return new DoubleVector(type, values, null, count);
        }
      case VARCHAR:
        {
          Object[] values = new Object[count];
          int bound = lengths[c];
          for (int i = 0; i < count; i++) {
            values[i] = string(random(rows[i], salt), bound);
          }
          return new ObjectVector(type, values, count);
        }
      case DECIMAL:
        {
          Object[] values = new Object[count];
          long limit = 1;
          for (int d = 0; d < lengths[c]; d++) {
            limit *= 10;
          }
          for (int i = 0; i < count; i++) {
            long unscaled = Math.floorMod(random(rows[i], salt), 2 * limit - 1) - (limit - 1);
            values[i] = BigDecimal.valueOf(unscaled, scales[c]);
          }
          return new ObjectVector(type, values, count);
        }
      default:
        {
          long[] values = new long[count];
          for (int i = 0; i < count; i++) {
            values[i] = longValue(type, rows[i], random(rows[i], salt));
          }
          return new LongVector(type, values, null, count);
        }
    }
  }

  private long longValue(DataType type, long row, long r) {
    switch (type) {
      case TINYINT:
        return (byte) r;
      case SMALLINT:
        return (short) r;
      case INTEGER:
        return (int) r;
      case DATE:
        return FIRST_DAY + ((r >>> 32) * DAYS >>> 32);
      case TIME:
        return (r >>> 32) * 86_400_000L >>> 32;
      case TIMESTAMP:
        return BASE_TIME + row * 1000 / rowsPerSecond;
      default:
        return r;
    }
  }

  private static String string(long r, int bound) {
    int length = 1 + (int) (((r >>> 32) * bound) >>> 32);
    char[] chars = new char[length];
    long bits = mix(r);
    for (int i = 0; i < length; i++) {
      if (i % 10 == 0 && i > 0) {
        bits = mix(bits);
      }
      chars[i] = ALPHANUMERIC[(int) ((bits & 63) % ALPHANUMERIC.length)];
      bits >>>= 6;
    }
    return new String(chars);
  }

  private long random(long row, long salt) {
    return mix(seedMix + row * GOLDEN + salt);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
