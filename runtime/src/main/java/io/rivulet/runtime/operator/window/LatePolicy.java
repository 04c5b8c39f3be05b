package io.rivulet.runtime.operator.window;

import java.util.Locale;

/** What a window aggregate does with a row that arrives after every window it belongs to closed. */
public enum LatePolicy {
  /** Skip the row and count it in the operator's late rows. */
  DROP,
  /** Fail the query with an input error naming the row's time and the watermark. */
  FAIL;

  /** The value of the {@code 'late.policy'} setting, e.g. {@code drop}. */
  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The policy a {@code 'late.policy'} setting names, ignoring case.
   *
   * @throws IllegalArgumentException for any other text, saying which values are allowed
   */
  public static LatePolicy ofSettingValue(String value) {
    for (LatePolicy policy : values()) {
      if (policy.settingValue().equalsIgnoreCase(value.trim())) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "'late.policy' must be 'drop' or 'fail', not '" + value + "'");
  }
}
