package io.rivulet.runtime.operator.aggregate;

import java.math.BigDecimal;
import java.util.Objects;

/** Turns values into hash-map keys under which values SQL considers equal meet. */
final class HashKeys {
  private HashKeys() {}

  /**
   * The value itself, except that decimals lose trailing zeros ({@code 1.0} and {@code 1.00} are
   * one value in SQL but not to {@link BigDecimal#equals}) and negative zero becomes zero.
   */
  static Object normalize(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    }
    if (value instanceof Double number && number == 0.0d) {
      return 0.0d;
    }
    if (value instanceof Float number && number == 0.0f) {
      return 0.0f;
    }
    return value;
  }

  /** Whether two results are the same SQL value, so that an update would change nothing. */
  static boolean sameValue(Object left, Object right) {
    if (left instanceof BigDecimal leftDecimal && right instanceof BigDecimal rightDecimal) {
      return leftDecimal.compareTo(rightDecimal) == 0;
    }
    return Objects.equals(left, right);
  }
}
