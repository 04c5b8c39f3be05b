package io.rivulet.runtime.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {
  @Test
  void lastIdsFollowTheEpochLayout() {
    // Epoch 0: event 0 a person, 1-3 auctions 0-2, 4-49 bids.
    assertThat(NexmarkGenerator.lastPersonId(0)).isZero();
    assertThat(NexmarkGenerator.lastPersonId(49)).isZero();
    assertThat(NexmarkGenerator.lastPersonId(50)).isEqualTo(1);
    assertThat(NexmarkGenerator.lastAuctionId(1)).isZero();
    assertThat(NexmarkGenerator.lastAuctionId(3)).isEqualTo(2);
    assertThat(NexmarkGenerator.lastAuctionId(4)).isEqualTo(2);
    assertThat(NexmarkGenerator.lastAuctionId(50)).isEqualTo(2);
    assertThat(NexmarkGenerator.lastAuctionId(51)).isEqualTo(3);
  }

  @Test
  void tablesSplitEachEpochOneThreeFortySix() {
    int[] counts = new int[3];
    for (long n = 1000; n < 1050; n++) {
      counts[NexmarkTable.of(n).ordinal()]++;
      for (NexmarkTable table : NexmarkTable.values()) {
        assertThat(table.contains(n)).isEqualTo(NexmarkTable.of(n) == table);
      }
    }
    assertThat(counts).containsExactly(1, 3, 46);
  }

  @Test
  void pricesAreLogUniformFromOneToAMillionDollars() {
    NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.of(1, 10_000, 0));
    int[] decades = new int[6];
    for (long n = 0; n < 600_000; n++) {
      long price = NexmarkGenerator.price(generator.random(n, 99));
      assertThat(price).isBetween(100L, 100_000_000L);
      decades[(int) Math.min(5, Math.floor(Math.log10(price / 100.0)))]++;
    }
    for (int decade : decades) {
      assertThat(decade).isBetween(98_000, 102_000);
    }
  }

  @Test
  void inOrderTimeNeverOverflowsForLongSequences() {
    NexmarkGenerator slow = new NexmarkGenerator(NexmarkConfig.of(1, 1, 0));
    long n = 100_000_000_000L;
    assertThat(slow.inOrderTime(n) - NexmarkConfig.DEFAULT_BASE_TIME).isEqualTo(n * 1000);
    NexmarkGenerator fast = new NexmarkGenerator(NexmarkConfig.of(1, 3, 0));
    long expected =
        java.math.BigInteger.valueOf(3_000_000_000_000L)
            .multiply(java.math.BigInteger.valueOf(333_333_333L))
            .divide(java.math.BigInteger.valueOf(1_000_000))
            .longValueExact();
    assertThat(fast.inOrderTime(3_000_000_000_000L) - NexmarkConfig.DEFAULT_BASE_TIME)
        .isEqualTo(expected);
  }
}
