package io.rivulet.runtime.connector;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written the way settings and options write them: {@code 500 ms}, {@code 2 s}. */
public final class Durations {
  private static final Pattern DURATION =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*");

  private Durations() {}

  /**
   * Parses a number with an optional unit: ms, s, min, h, d (and their long forms); no unit means
   * milliseconds.
   */
  public static Duration parse(String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write it like '500 ms', '2 s', '1 min' or '1 h'");
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2).toLowerCase(Locale.ROOT);
    double millis =
        switch (unit) {
          case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> amount;
          case "s", "sec", "secs", "second", "seconds" -> amount * 1_000;
          case "m", "min", "mins", "minute", "minutes" -> amount * 60_000;
          case "h", "hour", "hours" -> amount * 3_600_000;
          case "d", "day", "days" -> amount * 86_400_000;
          default ->
              throw new IllegalArgumentException(
                  "unknown unit '" + unit + "' in '" + text + "'; use ms, s, min, h or d");
        };
    return Duration.ofMillis(Math.round(millis));
  }

  /** Formats a duration the way {@link #parse} reads it, in the largest exact unit. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis != 0 && millis % 86_400_000 == 0) {
      return millis / 86_400_000 + " d";
    } else if (millis != 0 && millis % 3_600_000 == 0) {
      return millis / 3_600_000 + " h";
    } else if (millis != 0 && millis % 60_000 == 0) {
      return millis / 60_000 + " min";
    } else if (millis != 0 && millis % 1_000 == 0) {
      return millis / 1_000 + " s";
    }
    return millis + " ms";
  }
}
