package io.rivulet.runtime.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RowRateTest {
  @Test
  void grantsRowsAsTheClockAdvances() {
    AtomicLong clock = new AtomicLong(5_000_000_000L);
    RowRate rate = new RowRate(100, clock::get);
    assertThat(rate.take(1000)).isEqualTo(1); // row 0 is due at once
    assertThat(rate.take(1000)).isZero();
    clock.addAndGet(100_000_000L); // 0.1 s: rows 1 to 10 are due
    assertThat(rate.take(4)).isEqualTo(4);
    assertThat(rate.take(1000)).isEqualTo(6);
    clock.addAndGet(1_000_000_000L);
    assertThat(rate.take(1000)).isEqualTo(100);
  }

  @Test
  void rowsGivenBackAreGrantedAgain() {
    AtomicLong clock = new AtomicLong();
    RowRate rate = new RowRate(10, clock::get);
    rate.take(1);
    clock.addAndGet(1_000_000_000L);
    assertThat(rate.take(100)).isEqualTo(10);
    rate.giveBack(3);
    assertThat(rate.take(100)).isEqualTo(3);
  }
}
