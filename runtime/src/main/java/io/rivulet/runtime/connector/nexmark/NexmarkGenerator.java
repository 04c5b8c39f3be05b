package io.rivulet.runtime.connector.nexmark;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.LongVector;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;

/**
 * Computes Nexmark events column by column: every value of event {@code n} is a pure function of
 * the configuration and {@code n}, so any subset of events (a partition's every P-th event, a
 * single column) can be generated on its own and always comes out the same.
 *
 * <p>The event model follows the reference generator: ids grow with the event number (person
 * {@code n / 50}, auctions three per epoch), a bid goes to the hot auction of the last hundred
 * auctions with probability {@code 1 - 1/hotAuctionRatio} and otherwise to one of the auctions
 * still in flight, bidders and sellers are chosen likewise among the hot and the recently active
 * people, prices are log-uniform from 1.00 to 10,000.00, and half of the bids come from four hot
 * channels. Each column draws its own pseudo-random numbers from a hash of (seed, event number,
 * column), so columns can be computed independently, in tight loops over primitive arrays.
 */
public final class NexmarkGenerator {
  public static final long FIRST_PERSON_ID = 1000;
  public static final long FIRST_AUCTION_ID = 1000;
  public static final long FIRST_CATEGORY_ID = 10;
  static final int CATEGORIES = 5;
  /** Hot keys are the first of each group of this many ids. */
  static final int HOT_GROUP = 100;
  static final int IN_FLIGHT_AUCTIONS = 100;
  static final int ACTIVE_PEOPLE = 1000;
  static final int ID_LEAD = 10;
  static final int HOT_CHANNELS_RATIO = 2;
  /** The events it takes to generate {@link #IN_FLIGHT_AUCTIONS} auctions. */
  static final long AUCTION_HORIZON_EVENTS = (long) IN_FLIGHT_AUCTIONS * 50 / 3;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  // One salt per random choice, so that columns draw independent numbers.
  private static final long SALT_DISORDER = 1;
  private static final long SALT_AUCTION = 2;
  private static final long SALT_BIDDER = 3;
  private static final long SALT_PRICE = 4;
  private static final long SALT_CHANNEL = 5;
  private static final long SALT_EXTRA = 6;
  private static final long SALT_NAME = 7;
  private static final long SALT_EMAIL = 8;
  private static final long SALT_CARD = 9;
  private static final long SALT_CITY = 10;
  private static final long SALT_STATE = 11;
  private static final long SALT_ITEM = 12;
  private static final long SALT_DESCRIPTION = 13;
  private static final long SALT_INITIAL_BID = 14;
  private static final long SALT_RESERVE = 15;
  private static final long SALT_EXPIRES = 16;
  private static final long SALT_SELLER = 17;
  private static final long SALT_CATEGORY = 18;

  /** 100 * 10^(6 i / 4096) and 10^(6 j / 2^24): price = COARSE[k >> 12] * FINE[k & 4095]. */
  private static final double[] PRICE_COARSE = new double[4096];

  private static final double[] PRICE_FINE = new double[4096];

  static {
    for (int i = 0; i < 4096; i++) {
      PRICE_COARSE[i] = 100.0 * Math.pow(10.0, 6.0 * i / 4096.0);
      PRICE_FINE[i] = Math.pow(10.0, 6.0 * i / (4096.0 * 4096.0));
    }
  }

  private final NexmarkConfig config;
  private final long seedMix;
  private final long stepNanos;
  private final long baseTime;
  private final int disorderBound;

  public NexmarkGenerator(NexmarkConfig config) {
    this.config = config;
    this.seedMix = mix(config.seed() ^ 0x6E65786D61726BL);
    this.stepNanos = config.stepNanos();
    this.baseTime = config.baseTime();
    this.disorderBound = (int) Math.min(Integer.MAX_VALUE - 1, config.disorderMaxMillis()) + 1;
  }

  public NexmarkConfig config() {
    return config;
  }

  /** The time event {@code n} would have without disorder. */
  public long inOrderTime(long n) {
    // n * stepNanos / 10^6 without overflow: split n into whole millions and the rest.
    return baseTime + n / 1_000_000 * stepNanos + n % 1_000_000 * stepNanos / 1_000_000;
  }

  /** The event time of event {@code n}: its in-order time less its disorder delay. */
  public long eventTime(long n) {
    long time = inOrderTime(n);
    return disorderBound == 1 ? time : time - below(random(n, SALT_DISORDER), disorderBound);
  }

  /** The last person id (from 0) generated at or before event {@code n}. */
  public static long lastPersonId(long n) {
    return n / NexmarkTable.EPOCH_EVENTS;
  }

  /** The last auction id (from 0) generated at or before event {@code n}. */
  public static long lastAuctionId(long n) {
    long epoch = n / NexmarkTable.EPOCH_EVENTS;
    long offset = n % NexmarkTable.EPOCH_EVENTS;
    if (offset < 1) {
      epoch--;
      offset = 2;
    } else if (offset >= 4) {
      offset = 2;
    } else {
      offset -= 1;
    }
    return epoch * 3 + offset;
  }

  /**
   * The rows of events {@code events[0, count)} (all of {@code table}) with the given columns.
   *
   * @param schema the output schema; its column {@code i} is column {@code columns[i]} of the table
   */
  public Batch generate(NexmarkTable table, Schema schema, int[] columns, long[] events, int count) {
    ColumnVector[] vectors = new ColumnVector[columns.length];
    for (int i = 0; i < columns.length; i++) {
      vectors[i] = column(table, columns[i], schema.type(i), events, count);
    }
    return new Batch(schema, vectors, count, null);
  }

  /** One column ({@code column} of {@code table}'s schema) of events {@code events[0, count)}. */
  public ColumnVector column(
      NexmarkTable table, int column, DataType type, long[] events, int count) {
    String name = table.schema().field(column).name();
    switch (table) {
      case PERSON:
        return personColumn(name, type, events, count);
      case AUCTION:
        return auctionColumn(name, type, events, count);
      case BID:
        return bidColumn(name, type, events, count);
      default:
        throw new IllegalStateException("unknown table " + table);
    }
  }

  private ColumnVector personColumn(String name, DataType type, long[] events, int count) {
    switch (name) {
      case "id":
        return longs(type, personIds(events, count));
      case "name":
        return pick(NexmarkStrings.PERSON_NAMES, SALT_NAME, type, events, count);
      case "email_address":
        return pick(NexmarkStrings.EMAILS, SALT_EMAIL, type, events, count);
      case "credit_card":
        return pick(NexmarkStrings.CREDIT_CARDS, SALT_CARD, type, events, count);
      case "city":
        return pick(NexmarkStrings.CITIES, SALT_CITY, type, events, count);
      case "state":
        return pick(NexmarkStrings.STATES, SALT_STATE, type, events, count);
      case "date_time":
        return longs(type, times(events, count));
      case "extra":
        return pick(NexmarkStrings.PERSON_EXTRAS, SALT_EXTRA, type, events, count);
      default:
        throw new IllegalArgumentException("person has no column " + name);
    }
  }

  private ColumnVector auctionColumn(String name, DataType type, long[] events, int count) {
    switch (name) {
      case "id":
        return longs(type, auctionIds(events, count));
      case "item_name":
        return pick(NexmarkStrings.ITEM_NAMES, SALT_ITEM, type, events, count);
      case "description":
        return pick(NexmarkStrings.DESCRIPTIONS, SALT_DESCRIPTION, type, events, count);
      case "initial_bid":
        return longs(type, prices(SALT_INITIAL_BID, events, count));
      case "reserve":
        {
          long[] reserves = prices(SALT_INITIAL_BID, events, count);
          long[] extra = prices(SALT_RESERVE, events, count);
          for (int i = 0; i < count; i++) {
            reserves[i] += extra[i];
          }
          return longs(type, reserves);
        }
      case "date_time":
        return longs(type, times(events, count));
      case "expires":
        return longs(type, expires(events, count));
      case "seller":
        return longs(type, sellers(events, count));
      case "category":
        return longs(type, categories(events, count));
      case "extra":
        return pick(NexmarkStrings.AUCTION_EXTRAS, SALT_EXTRA, type, events, count);
      default:
        throw new IllegalArgumentException("auction has no column " + name);
    }
  }

  private ColumnVector bidColumn(String name, DataType type, long[] events, int count) {
    switch (name) {
      case "auction":
        return longs(type, bidAuctions(events, count));
      case "bidder":
        return longs(type, bidders(events, count));
      case "price":
        return longs(type, prices(SALT_PRICE, events, count));
      case "channel":
        return new ObjectVector(type, channels(false, events, count), count);
      case "url":
        return new ObjectVector(type, channels(true, events, count), count);
      case "date_time":
        return longs(type, times(events, count));
      case "extra":
        return pick(NexmarkStrings.BID_EXTRAS, SALT_EXTRA, type, events, count);
      default:
        throw new IllegalArgumentException("bid has no column " + name);
    }
  }

  // One small method per column, so that the JIT compiles each loop on its own and well.

  private static long[] personIds(long[] events, int count) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = lastPersonId(events[i]) + FIRST_PERSON_ID;
    }
    return values;
  }

  private static long[] auctionIds(long[] events, int count) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = lastAuctionId(events[i]) + FIRST_AUCTION_ID;
    }
    return values;
  }

  private long[] prices(long salt, long[] events, int count) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = price(random(events[i], salt));
    }
    return values;
  }

  private long[] expires(long[] events, int count) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = expires(events[i]);
    }
    return values;
  }

  private long[] sellers(long[] events, int count) {
    long[] values = new long[count];
    int sellersRatio = config.hotSellersRatio();
    for (int i = 0; i < count; i++) {
      long n = events[i];
      long r = random(n, SALT_SELLER);
      long hot = lastPersonId(n) / HOT_GROUP * HOT_GROUP;
      values[i] = select(belowLow(r, sellersRatio), hot, activePerson(n, r)) + FIRST_PERSON_ID;
    }
    return values;
  }

  private long[] categories(long[] events, int count) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = FIRST_CATEGORY_ID + below(random(events[i], SALT_CATEGORY), CATEGORIES);
    }
    return values;
  }

  private long[] bidAuctions(long[] events, int count) {
    long[] values = new long[count];
    int auctionRatio = config.hotAuctionRatio();
    for (int i = 0; i < count; i++) {
      long n = events[i];
      long r = random(n, SALT_AUCTION);
      long last = lastAuctionId(n);
      long hot = last / HOT_GROUP * HOT_GROUP;
      long first = Math.max(last - IN_FLIGHT_AUCTIONS, 0);
      long inFlight = first + below(r, last - first + 1 + ID_LEAD);
      values[i] = select(belowLow(r, auctionRatio), hot, inFlight) + FIRST_AUCTION_ID;
    }
    return values;
  }

  private long[] bidders(long[] events, int count) {
    long[] values = new long[count];
    int biddersRatio = config.hotBiddersRatio();
    for (int i = 0; i < count; i++) {
      long n = events[i];
      long r = random(n, SALT_BIDDER);
      // The second person of the group, so that hot bidders are not hot sellers.
      long hot = lastPersonId(n) / HOT_GROUP * HOT_GROUP + 1;
      long active = activePerson(n, r);
      values[i] = select(belowLow(r, biddersRatio), hot, active) + FIRST_PERSON_ID;
    }
    return values;
  }

  /** Half of the bids come from four hot channels, the rest from 10,000 others. */
  private Object[] channels(boolean urls, long[] events, int count) {
    String[] hot = urls ? NexmarkStrings.HOT_URLS : NexmarkStrings.HOT_CHANNELS;
    String[] all = urls ? NexmarkStrings.ALL_URLS : NexmarkStrings.ALL_CHANNELS;
    Object[] strings = new Object[count];
    for (int i = 0; i < count; i++) {
      long r = random(events[i], SALT_CHANNEL);
      long hotIndex = below(r, NexmarkStrings.HOT_CHANNELS.length);
      long otherIndex = hot.length + below(r, NexmarkStrings.CHANNELS);
      strings[i] = all[(int) select(belowLow(r, HOT_CHANNELS_RATIO), hotIndex, otherIndex)];
    }
    return strings;
  }

  /** A person among the recently active ones, or a few not generated yet (as the reference). */
  private static long activePerson(long n, long r) {
    long people = lastPersonId(n) + 1;
    long active = Math.min(people, ACTIVE_PEOPLE);
    return people - active + below(r, active + ID_LEAD);
  }

  /** When the auction of event {@code n} ends: on average when 100 more auctions have started. */
  long expires(long n) {
    long horizon = inOrderTime(n + AUCTION_HORIZON_EVENTS) - inOrderTime(n);
    long bound = Math.min(Integer.MAX_VALUE, Math.max(horizon * 2, 1));
    return eventTime(n) + 1 + below(random(n, SALT_EXPIRES), bound);
  }

  private long[] times(long[] events, int count) {
    long[] values = new long[count];
    if (disorderBound == 1) {
      for (int i = 0; i < count; i++) {
        values[i] = inOrderTime(events[i]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        values[i] = eventTime(events[i]);
      }
    }
    return values;
  }

  private ColumnVector pick(
      String[] pool, long salt, DataType type, long[] events, int count) {
    Object[] strings = new Object[count];
    int size = pool.length;
    for (int i = 0; i < count; i++) {
      strings[i] = pool[(int) below(random(events[i], salt), size)];
    }
    return new ObjectVector(type, strings, count);
  }

  private static LongVector longs(DataType type, long[] values) {
    return new LongVector(type, values, null, values.length);
  }

  /** A log-uniform price in cents from 100 to 100,000,000, as the reference's. */
  static long price(long r) {
    int k = (int) (r >>> 40);
    return (long) (PRICE_COARSE[k >>> 12] * PRICE_FINE[k & 4095] + 0.5);
  }

  /** A pseudo-random 64-bit number for one choice ({@code salt}) about event {@code n}. */
  long random(long n, long salt) {
    return mix(seedMix + n * GOLDEN + salt * 0xD1B54A32D192ED03L);
  }

  /** Stafford's mix 13 (SplitMix64's finaliser): a bijection that scatters every input bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * {@code choice != 0 ? ifNonZero : ifZero} (for {@code choice >= 0}) without a branch: the
   * choices are coin flips, which a branch predictor gets wrong half the time.
   */
  static long select(long choice, long ifNonZero, long ifZero) {
    long nonZero = (choice | -choice) >>> 63;
    return ifZero + nonZero * (ifNonZero - ifZero);
  }

  /** A number in {@code [0, bound)} from the high 32 bits of {@code r}; {@code bound < 2^31}. */
  static long below(long r, long bound) {
    return ((r >>> 32) * bound) >>> 32;
  }

  /** A number in {@code [0, bound)} from the low 32 bits of {@code r}; {@code bound < 2^31}. */
  static long belowLow(long r, long bound) {
    return ((r & 0xFFFFFFFFL) * bound) >>> 32;
  }
}
