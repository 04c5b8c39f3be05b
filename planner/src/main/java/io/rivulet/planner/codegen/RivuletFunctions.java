package io.rivulet.planner.codegen;

import io.rivulet.runtime.format.ValueFormat;
import java.math.BigDecimal;

/**
 * Functions generated code calls where Calcite's own behaviour is not what SQL users expect; public
 * because generated classes call them.
 */
public final class RivuletFunctions {
  private RivuletFunctions() {}

  /** A timestamp as text with its milliseconds: {@code 2024-01-15 23:59:59.999}. */
  public static String timestampToString(Long epochMillis) {
    return epochMillis == null ? null : ValueFormat.formatTimestamp(epochMillis);
  }

  /** The whole part of a decimal, truncated toward zero as Java and Flink do. */
  public static Long decimalToLong(BigDecimal value) {
    return value == null ? null : value.longValue();
  }

  /** The whole part of a floating-point number, truncated toward zero as Java and Flink do. */
  public static Long doubleToLong(Double value) {
    return value == null ? null : (long) value.doubleValue();
  }

  /** A decimal as text with its leading zero and scale: {@code 0.50}, not {@code .50}. */
  public static String decimalToString(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
