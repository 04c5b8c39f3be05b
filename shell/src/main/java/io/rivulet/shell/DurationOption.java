package io.rivulet.shell;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --duration} values: {@code 30s}, {@code 500 ms}, {@code 2 min}, {@code 1h}, or seconds. */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|milliseconds?|s|sec|seconds?|m|min|minutes?|h|hours?)?");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  static Duration parse(String value) {
    Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration; write it as 30s, 500ms, 2min or 1h");
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    double millis = switch (unit.charAt(0)) {
      case 'h' -> amount * 3_600_000;
      case 'm' -> unit.startsWith("ms") || unit.startsWith("milli") ? amount : amount * 60_000;
      default -> amount * 1000;
    };
    return Duration.ofMillis(Math.round(millis));
  }
}
