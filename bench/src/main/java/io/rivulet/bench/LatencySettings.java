package io.rivulet.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of a latency run ({@code rivulet bench QUERY --latency}): an endless {@code
 * nexmark} stream read at a fixed wall-clock rate, micro-batches every {@code batchInterval}.
 *
 * @param bidsPerSecond the bid rows per second to read; 0 to take {@code fractionOfMaximum} of the
 *     rate a throughput run of the query reaches first
 * @param fractionOfMaximum the fraction of the measured maximum (when {@code bidsPerSecond} is 0)
 * @param duration how long the stream runs
 * @param batchInterval the {@code batch.interval} setting
 */
record LatencySettings(
    long bidsPerSecond, double fractionOfMaximum, Duration duration, Duration batchInterval) {

  static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
  static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofMillis(100);

  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern RATE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([km]?)", Pattern.CASE_INSENSITIVE);

  LatencySettings {
    if (bidsPerSecond < 0 || (bidsPerSecond == 0 && !(fractionOfMaximum > 0))) {
      throw new IllegalArgumentException("a latency run needs a positive rate");
    }
    if (duration.isNegative() || duration.isZero() || batchInterval.isNegative()) {
      throw new IllegalArgumentException("a latency run needs a positive duration");
    }
  }

  /** Whether the rate is a fraction of a maximum that must be measured first. */
  boolean relativeRate() {
    return bidsPerSecond == 0;
  }

  LatencySettings withRate(String rate) {
    String value = rate.trim().toLowerCase(Locale.ROOT).replace("_", "");
    if (value.equals("half")) {
      return new LatencySettings(0, 0.5, duration, batchInterval);
    }
    if (value.endsWith("%")) {
      double percent = parseDouble("--rate", value.substring(0, value.length() - 1));
      if (!(percent > 0) || percent > 100) {
        throw new IllegalArgumentException("--rate as a percentage must be above 0 and at most 100%");
      }
      return new LatencySettings(0, percent / 100, duration, batchInterval);
    }
    Matcher matcher = RATE.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "--rate takes bid rows per second (e.g. 500000 or 500k), a percentage of the maximum"
              + " (e.g. 50%) or 'half', not '" + rate + "'");
    }
    double number = parseDouble("--rate", matcher.group(1));
    double scale = switch (matcher.group(2)) {
      case "k" -> 1e3;
      case "m" -> 1e6;
      default -> 1;
    };
    long perSecond = Math.round(number * scale);
    if (perSecond < 1) {
      throw new IllegalArgumentException("--rate must be at least 1 row per second, not " + rate);
    }
    return new LatencySettings(perSecond, 0, duration, batchInterval);
  }

  LatencySettings withDuration(Duration newDuration) {
    return new LatencySettings(bidsPerSecond, fractionOfMaximum, newDuration, batchInterval);
  }

  LatencySettings withBatchInterval(Duration interval) {
    return new LatencySettings(bidsPerSecond, fractionOfMaximum, duration, interval);
  }

  static LatencySettings defaults() {
    return new LatencySettings(0, 0.5, DEFAULT_DURATION, DEFAULT_BATCH_INTERVAL);
  }

  /** {@code 30s}, {@code 30 s}, {@code 500ms}, {@code 2m} or a plain number of seconds. */
  static Duration duration(String option, String text) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          option + " takes a duration such as 30s, 500ms or 2m, not '" + text + "'");
    }
    double number = parseDouble(option, matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase(Locale.ROOT);
    double millis = switch (unit) {
      case "ms" -> number;
      case "m", "min" -> number * 60_000;
      default -> number * 1000;
    };
    return Duration.ofMillis(Math.round(millis));
  }

  private static double parseDouble(String option, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, not '" + text + "'");
    }
  }

  /** The rate in words, for reports. */
  String describeRate() {
    if (relativeRate()) {
      return fractionOfMaximum == 0.5
          ? "half the maximum"
          : String.format(Locale.ROOT, "%.0f%% of the maximum", fractionOfMaximum * 100);
    }
    return ReportWriter.count(bidsPerSecond) + " bids/s";
  }
}
