package io.rivulet.runtime.operator.window;

import io.rivulet.runtime.connector.Durations;
import java.time.Duration;

/**
 * The kind and the dimensions of an event-time window: tumbling, hopping (sliding) or session.
 *
 * <p>A window is the half-open interval {@code [start, end)} of epoch milliseconds: a row whose
 * time equals a window's end belongs to the next window. TUMBLE and HOP windows start at {@code k
 * * step + offset} for every integer {@code k}, negative ones included, so that times before 1970
 * fall into windows like any other.
 */
public sealed interface WindowSpec {

  /** The window as EXPLAIN shows it, e.g. {@code HOP(slide=2 s, size=10 s)}. */
  String explain();

  /**
   * Fixed-size windows that do not overlap: every row belongs to exactly one.
   *
   * @param sizeMillis the length of each window
   * @param offsetMillis how far window starts are shifted from multiples of the size (e.g. a day
   *     window starting at 08:00 has an offset of 8 h)
   */
  record Tumble(long sizeMillis, long offsetMillis) implements WindowSpec {
    public Tumble {
      requirePositive(sizeMillis, "TUMBLE size");
    }

    /** Windows of {@code sizeMillis} starting at multiples of it. */
    public static Tumble of(long sizeMillis) {
      return new Tumble(sizeMillis, 0);
    }

    @Override
    public String explain() {
      return "TUMBLE(size=" + format(sizeMillis) + offsetText(offsetMillis) + ")";
    }
  }

  /**
   * Fixed-size windows starting every {@code slide}: a row belongs to every window {@code [start,
   * start + size)} with {@code start = k * slide + offset} that contains it. The size need not be
   * a multiple of the slide; when the slide is larger than the size, rows between windows belong
   * to none.
   *
   * @param slideMillis the distance between the starts of consecutive windows
   * @param sizeMillis the length of each window
   * @param offsetMillis how far window starts are shifted from multiples of the slide
   */
  record Hop(long slideMillis, long sizeMillis, long offsetMillis) implements WindowSpec {
    public Hop {
      requirePositive(slideMillis, "HOP slide");
      requirePositive(sizeMillis, "HOP size");
    }

    /** Windows of {@code sizeMillis} starting at every multiple of {@code slideMillis}. */
    public static Hop of(long slideMillis, long sizeMillis) {
      return new Hop(slideMillis, sizeMillis, 0);
    }

    @Override
    public String explain() {
      return "HOP(slide="
          + format(slideMillis)
          + ", size="
          + format(sizeMillis)
          + offsetText(offsetMillis)
          + ")";
    }
  }

  /**
   * Windows per key that close after a gap without rows: a row at {@code t} opens {@code [t, t +
   * gap)}, and sessions whose intervals intersect are merged, so a session is {@code [first time,
   * last time + gap)}.
   *
   * @param gapMillis how long a session stays open after its last row
   */
  record Session(long gapMillis) implements WindowSpec {
    public Session {
      requirePositive(gapMillis, "SESSION gap");
    }

    @Override
    public String explain() {
      return "SESSION(gap=" + format(gapMillis) + ")";
    }
  }

  private static void requirePositive(long millis, String what) {
    if (millis <= 0) {
      throw new IllegalArgumentException(
          what + " must be a positive duration, got " + millis + " ms");
    }
  }

  /** A duration in the largest unit that shows it exactly: ms, s, min, h or d. */
  private static String format(long millis) {
    return Durations.format(Duration.ofMillis(millis));
  }

  private static String offsetText(long offsetMillis) {
    return offsetMillis == 0 ? "" : ", offset=" + format(offsetMillis);
  }
}
