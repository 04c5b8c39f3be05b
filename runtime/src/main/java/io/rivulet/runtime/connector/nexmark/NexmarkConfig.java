package io.rivulet.runtime.connector.nexmark;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What decides the Nexmark event sequence: the same configuration always gives the same events.
 *
 * <p>Events are numbered from 0. Of every 50 consecutive events the first is a person, the next
 * three are auctions and the other 46 are bids, as in the reference generator (Apache Beam's and
 * Flink's Nexmark). Event {@code n} happens at {@code baseTime + n * stepNanos / 1e6} ms of event
 * time, minus a pseudo-random delay of at most {@code disorderMaxMillis}.
 *
 * @param seed decides every random choice; events are a pure function of the seed and their number
 * @param eventsPerSecond how many events happen per second of event time (all tables together)
 * @param disorderMaxMillis the most an event's time lags behind its in-order time (0: in order)
 * @param baseTime the event time of event 0, epoch millis of a zone-less wall clock
 * @param hotAuctionRatio a bid is for the current hot auction with probability {@code 1 - 1/ratio}
 * @param hotBiddersRatio a bid is by the current hot bidder with probability {@code 1 - 1/ratio}
 * @param hotSellersRatio an auction is by the current hot seller with probability {@code 1 -
 *     1/ratio}
 */
public record NexmarkConfig(
    long seed,
    long eventsPerSecond,
    long disorderMaxMillis,
    long baseTime,
    int hotAuctionRatio,
    int hotBiddersRatio,
    int hotSellersRatio) {

  /** The event time of event 0: 2024-01-01 00:00:00. */
  public static final long DEFAULT_BASE_TIME =
      LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

  /** The reference generator's default first-event rate. */
  public static final long DEFAULT_EVENTS_PER_SECOND = 10_000;

  public NexmarkConfig {
    if (eventsPerSecond < 1 || eventsPerSecond > 1_000_000_000L) {
      throw new IllegalArgumentException(
          "events per second must be from 1 to 1000000000, not " + eventsPerSecond);
    }
    if (disorderMaxMillis < 0 || disorderMaxMillis > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the disorder bound must be from 0 to " + Integer.MAX_VALUE + " ms, not "
              + disorderMaxMillis);
    }
    if (hotAuctionRatio < 1 || hotBiddersRatio < 1 || hotSellersRatio < 1) {
      throw new IllegalArgumentException("hot ratios must be at least 1");
    }
  }

  /** The reference defaults (hot ratios 2, 4, 4) with the given seed, rate and disorder. */
  public static NexmarkConfig of(long seed, long eventsPerSecond, long disorderMaxMillis) {
    return new NexmarkConfig(
        seed, eventsPerSecond, disorderMaxMillis, DEFAULT_BASE_TIME, 2, 4, 4);
  }

  /** The event-time distance between consecutive events, in nanoseconds. */
  public long stepNanos() {
    return Math.max(1, Math.round(1e9 / eventsPerSecond));
  }
}
