package io.rivulet.runtime.connector.nexmark;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The text values of Nexmark events, made once per JVM and picked by index.
 *
 * <p>The reference generator builds every name, e-mail address and padding string character by
 * character, which costs more than the rest of an event together. Here each kind of text is a pool
 * built from a fixed seed, shaped like the reference's (lengths, alphabets, the average event
 * sizes of 200, 500 and 100 bytes), and an event picks one entry by a pseudo-random index. The
 * choice depends on the generator's seed; the pools never do.
 */
final class NexmarkStrings {
  /** Entries in each random-text pool; a power of two. */
  static final int POOL_SIZE = 1 << 13;

  static final String[] FIRST_NAMES = {
    "Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"
  };
  static final String[] LAST_NAMES = {
    "Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"
  };
  static final String[] CITIES = {
    "Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle",
    "Kent", "Cheyenne"
  };
  static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
  static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
  static final int CHANNELS = 10_000;

  static final String[] PERSON_NAMES;
  static final String[] EMAILS;
  static final String[] CREDIT_CARDS;
  static final String[] ITEM_NAMES;
  static final String[] DESCRIPTIONS;
  static final String[] PERSON_EXTRAS;
  static final String[] AUCTION_EXTRAS;
  static final String[] BID_EXTRAS;
  static final String[] HOT_URLS;
  static final String[] CHANNEL_NAMES;
  static final String[] CHANNEL_URLS;
  /** The hot channels followed by the others, so that a pick is one array load. */
  static final String[] ALL_CHANNELS;

  static final String[] ALL_URLS;

  static {
    SplittableRandom random = new SplittableRandom(0x4E45584DL);
    PERSON_NAMES = new String[FIRST_NAMES.length * LAST_NAMES.length];
    for (int f = 0; f < FIRST_NAMES.length; f++) {
      for (int l = 0; l < LAST_NAMES.length; l++) {
        PERSON_NAMES[f * LAST_NAMES.length + l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
      }
    }
    EMAILS = new String[POOL_SIZE];
    CREDIT_CARDS = new String[POOL_SIZE];
    ITEM_NAMES = new String[POOL_SIZE];
    DESCRIPTIONS = new String[POOL_SIZE];
    for (int i = 0; i < POOL_SIZE; i++) {
      EMAILS[i] = text(random, 7) + "@" + text(random, 5) + ".com";
      CREDIT_CARDS[i] =
          String.format(
              Locale.ROOT,
              "%04d %04d %04d %04d",
              random.nextInt(10_000),
              random.nextInt(10_000),
              random.nextInt(10_000),
              random.nextInt(10_000));
      ITEM_NAMES[i] = text(random, 20);
      DESCRIPTIONS[i] = text(random, 100);
    }
    // Padding to the reference's average sizes, less what the other fields take on average.
    PERSON_EXTRAS = extras(random, 200 - 64);
    AUCTION_EXTRAS = extras(random, 500 - 120);
    BID_EXTRAS = extras(random, 100 - 32);
    HOT_URLS = new String[HOT_CHANNELS.length];
    for (int i = 0; i < HOT_URLS.length; i++) {
      HOT_URLS[i] = baseUrl(random);
    }
    CHANNEL_NAMES = new String[CHANNELS];
    CHANNEL_URLS = new String[CHANNELS];
    for (int i = 0; i < CHANNELS; i++) {
      CHANNEL_NAMES[i] = "channel-" + i;
      CHANNEL_URLS[i] = baseUrl(random) + "&channel_id=" + Math.abs(Integer.reverse(i));
    }
    ALL_CHANNELS = concat(HOT_CHANNELS, CHANNEL_NAMES);
    ALL_URLS = concat(HOT_URLS, CHANNEL_URLS);
  }

  private NexmarkStrings() {}

  /** Lower-case letters with about one space in 13, of length 3 to {@code maxLength - 1}. */
  private static String text(SplittableRandom random, int maxLength) {
    int length = 3 + random.nextInt(maxLength - 3);
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = random.nextInt(13) == 0 ? ' ' : (char) ('a' + random.nextInt(26));
    }
    return new String(chars);
  }

  /** Padding strings whose lengths spread 20% either side of {@code average}. */
  private static String[] extras(SplittableRandom random, int average) {
    int delta = Math.round(average * 0.2f);
    String[] extras = new String[POOL_SIZE];
    for (int i = 0; i < POOL_SIZE; i++) {
      int length = average - delta + random.nextInt(2 * delta);
      char[] chars = new char[length];
      for (int c = 0; c < length; c++) {
        chars[c] = (char) ('a' + random.nextInt(26));
      }
      extras[i] = new String(chars);
    }
    return extras;
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private static String baseUrl(SplittableRandom random) {
    return "https://www.nexmark.com/"
        + text(random, 5).replace(' ', '_')
        + "/"
        + text(random, 5).replace(' ', '_')
        + "/"
        + text(random, 5).replace(' ', '_')
        + "/item.htm?query=1";
  }
}
