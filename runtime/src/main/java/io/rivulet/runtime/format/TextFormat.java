package io.rivulet.runtime.format;

import java.util.List;
import java.util.Locale;

/**
 * The text formats files are read and written in, named as the {@code format} option names them.
 */
public enum TextFormat {
  /** Comma (or other delimiter) separated values, RFC 4180 quoting. */
  CSV,
  /** JSON lines: one object per line. */
  JSON,
  /** Plain text: each line is a row of one VARCHAR column. */
  TEXT;

  /**
   * The name used in options and as the file extension: {@code csv}, {@code json}, {@code text}.
   */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> optionNames() {
    return List.of("csv", "json", "text");
  }

  /** The format an option names, ignoring case. */
  public static TextFormat ofOptionName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
