package io.rivulet.shell.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.exec.Progress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The status line: batch, rows in, rows/s over the last seconds, watermark, elapsed time. */
class StatusLineTest {
  private final AtomicLong now = new AtomicLong(1_000_000);

  private static Progress batch(long id, long rows, long watermark) {
    return new Progress("q1", id, Instant.EPOCH, rows, rows, 10, watermark, 0, 0, 0, List.of());
  }

  @Test
  void waitsForTheFirstBatch() {
    StatusLine status = new StatusLine("q1", now::get);
    now.addAndGet(2_500);

    assertThat(status.text()).isEqualTo("q1  waiting for the first batch  00:00:02  Ctrl-C stops");
  }

  @Test
  void showsTheLastBatchTheRateAndTheWatermark() {
    StatusLine status = new StatusLine("q1", now::get);
    now.addAndGet(1_000);
    status.progress(batch(0, 4_000, Long.MIN_VALUE));
    now.addAndGet(1_000);
    status.progress(batch(1, 6_000, 1_000));
    now.addAndGet(63_000);
    status.progress(batch(2, 500, 1_000));

    assertThat(status.text())
        .isEqualTo("q1  batch 2  10,500 rows in  100 rows/s  watermark 1970-01-01 00:00:01.000  00:01:05  Ctrl-C stops");
  }
}
