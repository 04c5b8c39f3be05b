package io.rivulet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.exec.Progress;
import io.rivulet.runtime.exec.QueryStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On an endless generated stream, windowed operators free their state as the watermark passes:
 * the state size stays flat however long the query runs, while a non-windowed aggregate's grows.
 */
@Timeout(120)
class EndlessStreamStateTest {
  private static final String BIDS =
      "CREATE STREAM bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,"
          + " date_time TIMESTAMP(3), extra VARCHAR, WATERMARK FOR date_time AS date_time - INTERVAL '1' SECOND)"
          + " WITH ('connector' = 'nexmark', 'table' = 'bid', 'events.per-second' = '10000');"
          + "CREATE STREAM sink (a BIGINT, b BIGINT) WITH ('connector' = 'blackhole');"
          + "SET 'batch.max-rows' = '2000'; SET 'batch.interval' = '1 ms'; SET 'parallelism' = '2';";

  /** The state size after each of the first {@code batches} micro-batches of {@code insert}. */
  private static List<Long> stateSizes(String insert, int batches) throws Exception {
    try (Engine engine = new Engine()) {
      Session session = engine.newSession();
      session.executeScript(BIDS);
      QueryHandle query = ((StatementResult.Started) session.executeScript(insert).get(0)).query();
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (query.progressHistory().size() < batches && System.nanoTime() < deadline
          && query.status() == QueryStatus.RUNNING) {
        Thread.sleep(20);
      }
      query.stop();
      query.awaitTermination();
      assertThat(query.failure()).isEmpty();
      List<Progress> history = query.progressHistory();
      assertThat(history).hasSizeGreaterThanOrEqualTo(batches);
      return history.stream().limit(batches).map(Progress::stateSize).toList();
    }
  }

  @Test
  void windowStateStaysFlatOverManyBatches() throws Exception {
    List<Long> sizes = stateSizes(
        "INSERT INTO sink SELECT auction, COUNT(*) FROM TABLE(HOP(TABLE bid, DESCRIPTOR(date_time),"
            + " INTERVAL '1' SECOND, INTERVAL '2' SECOND)) GROUP BY window_start, window_end, auction", 90);

    long early = sizes.subList(10, 30).stream().mapToLong(Long::longValue).max().orElseThrow();
    long late = sizes.subList(60, 90).stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(early).isPositive();
    assertThat(late).as("state after 60 batches vs after 10: %s", sizes).isLessThanOrEqualTo(early * 3 / 2);
  }

  @Test
  void intervalJoinStateStaysFlatOverManyBatches() throws Exception {
    List<Long> sizes = stateSizes(
        "INSERT INTO sink SELECT a.auction, b.price FROM bid a JOIN bid b ON a.auction = b.auction"
            + " AND b.date_time BETWEEN a.date_time AND a.date_time + INTERVAL '1' SECOND", 90);

    long early = sizes.subList(10, 30).stream().mapToLong(Long::longValue).max().orElseThrow();
    long late = sizes.subList(60, 90).stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(early).isPositive();
    assertThat(late).as("state after 60 batches vs after 10: %s", sizes).isLessThanOrEqualTo(early * 3 / 2);
  }
}
