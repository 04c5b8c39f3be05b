package io.rivulet.runtime.operator.window;

import java.util.Locale;

/** When a window aggregate emits a window's result: once on close, or also early as it changes. */
public enum EmitMode {
  /** One {@code +I} row per window, in the micro-batch in which the watermark passes its end. */
  ON_CLOSE,
  /**
   * After every micro-batch, the current result of each window that changed, as a changelog
   * ({@code +I}, then {@code -U}/{@code +U}; {@code -D} for a session merged into another), whose
   * final state equals the rows {@link #ON_CLOSE} emits.
   */
  EVERY_BATCH;

  /** The value of the {@code 'window.emit'} setting, e.g. {@code on-close}. */
  public String settingValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The mode a {@code 'window.emit'} setting names, ignoring case.
   *
   * @throws IllegalArgumentException for any other text, saying which values are allowed
   */
  public static EmitMode ofSettingValue(String value) {
    for (EmitMode mode : values()) {
      if (mode.settingValue().equalsIgnoreCase(value.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "'window.emit' must be 'on-close' or 'every-batch', not '" + value + "'");
  }
}
