package io.rivulet.planner.codegen.vector;

/** Helpers for DECIMALs held as unscaled longs. */
final class Decimal {
  /** 10^0 .. 10^18, the powers of ten a long holds. */
  static final long[] POWERS_OF_TEN = new long[19];

  static {
    long power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private Decimal() {}

  /** Whether {@code unscaled} has at most {@code precision} digits. */
  static boolean fits(long unscaled, int precision) {
    if (precision >= 19) {
      return true;
    }
    long limit = POWERS_OF_TEN[precision];
    return unscaled < limit && unscaled > -limit;
  }

  /**
   * {@code unscaled} divided by 10^{@code digits}, rounded half away from zero (HALF_UP, as
   * Rivulet's type system rounds CASTs).
   */
  static long roundHalfUp(long unscaled, int digits) {
    if (digits == 0) {
      return unscaled;
    }
    if (digits >= 19) {
      throw NeedsRowPath.INSTANCE;
    }
    long divisor = POWERS_OF_TEN[digits];
    long quotient = unscaled / divisor;
    long remainder = Math.abs(unscaled % divisor);
    if (remainder >= divisor - remainder) {
      quotient += unscaled < 0 ? -1 : 1;
    }
    return quotient;
  }
}
