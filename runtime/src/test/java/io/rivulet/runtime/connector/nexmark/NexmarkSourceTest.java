package io.rivulet.runtime.connector.nexmark;

import static io.rivulet.runtime.connector.nexmark.NexmarkTesting.context;
import static io.rivulet.runtime.connector.nexmark.NexmarkTesting.readAll;
import static io.rivulet.runtime.connector.nexmark.NexmarkTesting.sorted;
import static io.rivulet.runtime.connector.nexmark.NexmarkTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Connectors;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Source;
import io.rivulet.runtime.connector.SourcePartition;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NexmarkSourceTest {
  private static final long BASE = NexmarkConfig.DEFAULT_BASE_TIME;

  @Test
  void sameSeedGivesSameRowsAndAnotherSeedOthers() {
    for (NexmarkTable table : NexmarkTable.values()) {
      List<List<Object>> first = readAll(source(table, 2, "events", "5000", "seed", "7"), 333);
      List<List<Object>> again = readAll(source(table, 2, "events", "5000", "seed", "7"), 1000);
      List<List<Object>> other = readAll(source(table, 2, "events", "5000", "seed", "8"), 333);
      assertThat(sorted(again)).as(table.optionName()).isEqualTo(sorted(first));
      assertThat(sorted(other)).as(table.optionName()).isNotEqualTo(sorted(first));
    }
  }

  @Test
  void columnsNotReadAreNullAndTheOthersAsIfAllWereRead() {
    for (NexmarkTable table : NexmarkTable.values()) {
      Schema schema = table.schema();
      List<List<Object>> whole = readAll(source(table, 2, "events", "3000"), 256);
      for (int skipped = 0; skipped < schema.size(); skipped++) {
        boolean[] needed = new boolean[schema.size()];
        for (int c = 0; c < needed.length; c++) {
          // Every other column, and never the one skipped: each column is left out at least once.
          needed[c] = c != skipped && (c + skipped) % 2 == 0;
        }
        ConnectorContext base = context(table.optionName(), schema, 2, "events", "3000");
        Source source =
            new NexmarkConnector()
                .createSource(
                    new ConnectorContext(
                        base.objectName(), schema, base.options(), false, 2,
                        Integer.MAX_VALUE, System.out, needed));
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> row : whole) {
          List<Object> kept = new ArrayList<>(row);
          for (int c = 0; c < needed.length; c++) {
            if (!needed[c]) {
              kept.set(c, null);
            }
          }
          expected.add(kept);
        }
        assertThat(readAll(source, 256))
            .as("%s without column %d", table.optionName(), skipped)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void partitionsTogetherHoldExactlyTheUnpartitionedSequence() {
    for (NexmarkTable table : NexmarkTable.values()) {
      List<List<Object>> whole =
          readAll(source(table, 1, "events", "20011", "disorder.max-millis", "300"), 4096);
      for (int parallelism : new int[] {2, 3, 7, 50, 64}) {
        List<List<Object>> parts =
            readAll(
                source(table, parallelism, "events", "20011", "disorder.max-millis", "300"), 97);
        assertThat(sorted(parts))
            .as("%s with %d partitions", table.optionName(), parallelism)
            .isEqualTo(sorted(whole));
      }
    }
  }

  @Test
  void unpartitionedRowsComeInEventNumberOrder() {
    // Without disorder and at 1 event per ms, event n happens at BASE + n.
    List<List<Object>> bids =
        readAll(source(NexmarkTable.BID, 1, "events", "1000", "events.per-second", "1000"), 100);
    long previous = Long.MIN_VALUE;
    for (List<Object> bid : bids) {
      long time = (Long) bid.get(5);
      assertThat(time).isGreaterThan(previous);
      assertThat(NexmarkTable.of(time - BASE)).isEqualTo(NexmarkTable.BID);
      previous = time;
    }
  }

  @Test
  void everyFiftyEventsHoldOnePersonThreeAuctionsAndFortySixBids() {
    long events = 50 * 40;
    Map<Long, int[]> perEpoch = new HashMap<>();
    for (NexmarkTable table : NexmarkTable.values()) {
      List<List<Object>> rows =
          readAll(
              source(
                  table, 3, "events", String.valueOf(events), "events.per-second", "1000"),
              128);
      int timeColumn = table.schema().indexOf("date_time").getAsInt();
      assertThat(rows).hasSize((int) (events / 50 * table.proportion()));
      for (List<Object> row : rows) {
        long eventNumber = (Long) row.get(timeColumn) - BASE;
        perEpoch.computeIfAbsent(eventNumber / 50, e -> new int[3])[table.ordinal()]++;
      }
    }
    assertThat(perEpoch).hasSize(40);
    perEpoch.values().forEach(counts -> assertThat(counts).containsExactly(1, 3, 46));
  }

  @Test
  void rowCountsFollowTheEventBoundForAnyRemainder() {
    for (long events : new long[] {0, 1, 2, 4, 5, 49, 50, 51, 53, 54, 99, 1234}) {
      for (NexmarkTable table : NexmarkTable.values()) {
        long expected = 0;
        for (long n = 0; n < events; n++) {
          expected += table.contains(n) ? 1 : 0;
        }
        assertThat(table.rowsIn(events)).isEqualTo(expected);
        Source source = source(table, 3, "events", String.valueOf(events));
        assertThat(source.bounded()).isTrue();
        assertThat(readAll(source, 10)).hasSize((int) expected);
        assertThat(source.partitions()).isEmpty();
      }
    }
  }

  @Test
  void idsFollowTheReferenceNumbering() {
    List<List<Object>> people =
        readAll(source(NexmarkTable.PERSON, 1, "events", "500"), 1000);
    assertThat(people.stream().map(row -> (Long) row.get(0)).toList())
        .containsExactly(1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L, 1009L);
    List<List<Object>> auctions =
        readAll(source(NexmarkTable.AUCTION, 1, "events", "100"), 1000);
    assertThat(auctions.stream().map(row -> (Long) row.get(0)).toList())
        .containsExactly(1000L, 1001L, 1002L, 1003L, 1004L, 1005L);
  }

  @Test
  void hotKeysAreAsSkewedAsConfigured() {
    long events = 500_000;
    List<List<Object>> bids =
        readAll(source(NexmarkTable.BID, 2, "events", String.valueOf(events)), 65_536);
    double hotAuctions = fraction(bids, row -> ((Long) row.get(0) - 1000) % 100 == 0);
    double hotBidders = fraction(bids, row -> ((Long) row.get(1) - 1000) % 100 == 1);
    double hotChannels =
        fraction(bids, row -> !((String) row.get(3)).startsWith("channel-"));
    // Hot with probability 1 - 1/ratio (2 for auctions, 4 for bidders), plus the few random
    // picks that land on a hot id.
    assertThat(hotAuctions).isBetween(0.49, 0.53);
    assertThat(hotBidders).isBetween(0.74, 0.78);
    assertThat(hotChannels).isBetween(0.49, 0.51);
    List<List<Object>> auctions =
        readAll(source(NexmarkTable.AUCTION, 2, "events", String.valueOf(events)), 65_536);
    double hotSellers = fraction(auctions, row -> ((Long) row.get(7) - 1000) % 100 == 0);
    assertThat(hotSellers).isBetween(0.72, 0.79);
    // Bids go to auctions that exist (or are about to: the reference's lead of 10).
    for (List<Object> bid : bids.subList(0, 10_000)) {
      long time = (Long) bid.get(5) - BASE;
      long eventNumber = time * 10; // 10 events per ms at the default rate
      long lastAuction = NexmarkGenerator.lastAuctionId(eventNumber + 9) + 1000;
      assertThat((Long) bid.get(0)).isLessThanOrEqualTo(lastAuction + 10);
    }
  }

  private static double fraction(
      List<List<Object>> rows, java.util.function.Predicate<List<Object>> test) {
    return rows.stream().filter(test).count() / (double) rows.size();
  }

  @Test
  void eventTimeAdvancesByAFixedStep() {
    // 4000 events per second: a quarter of a millisecond per event, all tables together.
    List<Long> times = new java.util.ArrayList<>();
    for (NexmarkTable table : NexmarkTable.values()) {
      int column = table.schema().indexOf("date_time").getAsInt();
      for (List<Object> row :
          readAll(source(table, 2, "events", "4000", "events.per-second", "4000"), 500)) {
        times.add((Long) row.get(column) - BASE);
      }
    }
    times.sort(null);
    assertThat(times).hasSize(4000);
    for (int n = 0; n < 4000; n++) {
      assertThat(times.get(n)).isEqualTo(n / 4);
    }
  }

  @Test
  void disorderStaysWithinItsBound() {
    long bound = 250;
    List<List<Object>> bids =
        readAll(
            source(
                NexmarkTable.BID,
                1,
                "events",
                "200000",
                "events.per-second",
                "1000",
                "disorder.max-millis",
                String.valueOf(bound)),
            4096);
    long maxSeen = Long.MIN_VALUE;
    long maxLag = 0;
    long outOfOrder = 0;
    for (List<Object> bid : bids) {
      long time = (Long) bid.get(5);
      if (time < maxSeen) {
        outOfOrder++;
        maxLag = Math.max(maxLag, maxSeen - time);
      }
      maxSeen = Math.max(maxSeen, time);
    }
    assertThat(maxLag).isLessThanOrEqualTo(bound).isGreaterThan(bound / 2);
    assertThat(outOfOrder).isGreaterThan(bids.size() / 4);
    NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.of(42, 1000, bound));
    for (long n = 0; n < 100_000; n++) {
      assertThat(generator.inOrderTime(n) - generator.eventTime(n)).isBetween(0L, bound);
    }
  }

  @Test
  void auctionsExpireAfterTheyStartAndReservesExceedInitialBids() {
    for (List<Object> auction :
        readAll(source(NexmarkTable.AUCTION, 2, "events", "20000"), 1000)) {
      assertThat((Long) auction.get(6)).isGreaterThan((Long) auction.get(5));
      assertThat((Long) auction.get(4)).isGreaterThan((Long) auction.get(3));
      assertThat((Long) auction.get(8)).isBetween(10L, 14L);
    }
    for (List<Object> bid : readAll(source(NexmarkTable.BID, 2, "events", "20000"), 1000)) {
      assertThat((Long) bid.get(2)).isBetween(100L, 100_000_000L);
      assertThat((String) bid.get(4)).startsWith("https://www.nexmark.com/");
    }
  }

  @Test
  void aStreamMayDeclareSomeColumnsInAnyOrder() {
    Schema all = NexmarkTable.BID.schema();
    Schema some = Schema.of(all.field(2), all.field(0));
    Source source =
        new NexmarkConnector().createSource(context("bids", some, 2, "events", "3000"));
    List<String> projected = sorted(readAll(source, 100));
    List<String> expected =
        sorted(
            readAll(source(NexmarkTable.BID, 2, "events", "3000"), 100).stream()
                .map(row -> List.<Object>of(row.get(2), row.get(0)))
                .toList());
    assertThat(projected).isEqualTo(expected);
  }

  @Test
  void anEndlessStreamKeepsGoing() {
    Source source = source(NexmarkTable.BID, 2);
    assertThat(source.bounded()).isFalse();
    long rows = 0;
    for (int round = 0; round < 20; round++) {
      for (SourcePartition partition : source.partitions()) {
        Batch batch = partition.read(10_000);
        assertThat(batch.rowCount()).isEqualTo(10_000);
        rows += batch.rowCount();
      }
    }
    assertThat(rows).isEqualTo(400_000);
    assertThat(source.partitions()).hasSize(2);
  }

  @Test
  void oneReadReturnsAtMostTheReadCap() {
    SourcePartition partition = source(NexmarkTable.BID, 1).partitions().get(0);
    assertThat(partition.read(Integer.MAX_VALUE).rowCount())
        .isEqualTo(NexmarkPartition.MAX_ROWS_PER_READ);
  }

  @Test
  void aRateLimitedStreamReadsAboutItsRate() throws InterruptedException {
    Source source = source(NexmarkTable.BID, 1, "rows-per-second", "2000");
    SourcePartition partition = source.partitions().get(0);
    long started = System.nanoTime();
    long rows = 0;
    while (System.nanoTime() - started < 300_000_000L) {
      rows += partition.read(100_000).rowCount();
    }
    // 0.3 s at 2000 rows/s, give or take the first row and the clock.
    assertThat(rows).isBetween(500L, 700L);
  }

  @Test
  void theTableDefaultsToTheStreamName() {
    Source source =
        new NexmarkConnector()
            .createSource(context("bids", NexmarkTable.BID.schema(), 1, "events", "100"));
    assertThat(readAll(source, 1000)).hasSize((int) NexmarkTable.BID.rowsIn(100));
  }

  @Test
  void theConnectorIsFoundByName() {
    Options options = new Options("stream 'b'", Map.of("connector", "nexmark"));
    assertThat(Connectors.of(options)).isInstanceOf(NexmarkConnector.class);
  }

  @Test
  void badOptionsAreReportedClearly() {
    Schema bid = NexmarkTable.BID.schema();
    assertThatThrownBy(() -> validate("s", bid, "table", "bids2"))
        .isInstanceOf(RivuletException.class)
        .hasMessageContaining("option 'table' must be one of person, auction, bid, not 'bids2'");
    assertThatThrownBy(() -> validate("s", bid))
        .hasMessageContaining("needs the option 'table'")
        .hasMessageContaining("person, auction, bid");
    assertThatThrownBy(() -> validate("s", bid, "table", "bid", "events", "-1"))
        .hasMessageContaining("option 'events' must be a whole number >= 0");
    assertThatThrownBy(() -> validate("s", bid, "table", "bid", "events.per-second", "0"))
        .hasMessageContaining("'events.per-second'");
    assertThatThrownBy(() -> validate("s", bid, "table", "bid", "rows-per-second", "0"))
        .hasMessageContaining("'rows-per-second'");
    assertThatThrownBy(() -> validate("s", bid, "table", "bid", "disorder.max-millis", "-5"))
        .hasMessageContaining("'disorder.max-millis'");
    assertThatThrownBy(() -> validate("s", bid, "table", "bid", "eventz", "5"))
        .hasMessageContaining("unknown option 'eventz'");
    Schema wrongColumn = Schema.of(Field.of("auction", DataType.BIGINT), Field.of("cost", DataType.BIGINT));
    assertThatThrownBy(() -> validate("s", wrongColumn, "table", "bid"))
        .hasMessageContaining("column 'cost'")
        .hasMessageContaining("(auction BIGINT NOT NULL, bidder BIGINT NOT NULL, price BIGINT");
    Schema wrongType = Schema.of(Field.of("price", DataType.DOUBLE));
    assertThatThrownBy(() -> validate("s", wrongType, "table", "bid"))
        .hasMessageContaining("declares column 'price' as DOUBLE, but Nexmark generates it as BIGINT");
  }

  private static void validate(String name, Schema schema, String... keysAndValues) {
    new NexmarkConnector().validateSource(context(name, schema, 1, keysAndValues));
  }
}
