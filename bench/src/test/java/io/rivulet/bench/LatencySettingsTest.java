package io.rivulet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySettingsTest {
  private static LatencySettings latency(String... args) {
    return BenchSettings.parse(List.of(args)).latency().orElseThrow();
  }

  @Test
  void latencyDefaultsToHalfTheMaximumForThirtySecondsAtAHundredMillisecondInterval() {
    LatencySettings settings = latency("q5", "--latency");
    assertThat(settings.relativeRate()).isTrue();
    assertThat(settings.fractionOfMaximum()).isEqualTo(0.5);
    assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.batchInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(settings.describeRate()).isEqualTo("half the maximum");
    assertThat(BenchSettings.parse(List.of("q5")).latency()).isEmpty();
  }

  @Test
  void ratesAreRowsPerSecondWithSuffixesOrAShareOfTheMaximum() {
    assertThat(latency("--latency", "--rate", "250000").bidsPerSecond()).isEqualTo(250_000);
    assertThat(latency("--latency", "--rate", "250_000").bidsPerSecond()).isEqualTo(250_000);
    assertThat(latency("--latency", "--rate", "250k").bidsPerSecond()).isEqualTo(250_000);
    assertThat(latency("--latency", "--rate", "1.5M").bidsPerSecond()).isEqualTo(1_500_000);
    assertThat(latency("--latency", "--rate", "1.5M").relativeRate()).isFalse();
    assertThat(latency("--latency", "--rate", "1.5M").describeRate()).isEqualTo("1.50 M bids/s");
    LatencySettings share = latency("--latency", "--rate", "40%");
    assertThat(share.relativeRate()).isTrue();
    assertThat(share.fractionOfMaximum()).isEqualTo(0.4);
    assertThat(share.describeRate()).isEqualTo("40% of the maximum");
    assertThat(latency("--latency", "--rate", "HALF").fractionOfMaximum()).isEqualTo(0.5);
  }

  @Test
  void durationsTakeUnits() {
    assertThat(latency("--latency", "--duration", "2m").duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(latency("--latency", "--duration", "45").duration()).isEqualTo(Duration.ofSeconds(45));
    assertThat(latency("--latency", "--duration", "1.5 s").duration())
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(latency("--latency", "--batch-interval", "250ms").batchInterval())
        .isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void badValuesAreRejectedWithWhatIsExpected() {
    assertThatThrownBy(() -> latency("--latency", "--rate", "fast"))
        .hasMessageContaining("--rate takes bid rows per second")
        .hasMessageContaining("'fast'");
    assertThatThrownBy(() -> latency("--latency", "--rate", "0"))
        .hasMessageContaining("--rate must be at least 1 row per second");
    assertThatThrownBy(() -> latency("--latency", "--rate", "150%"))
        .hasMessageContaining("at most 100%");
    assertThatThrownBy(() -> latency("--latency", "--duration", "soon"))
        .hasMessageContaining("--duration takes a duration such as 30s, 500ms or 2m, not 'soon'");
    assertThatThrownBy(() -> latency("--latency", "--duration", "0s"))
        .hasMessageContaining("positive duration");
    assertThatThrownBy(() -> BenchSettings.parse(List.of("--rate", "5")))
        .hasMessage("--rate, --duration and --batch-interval need --latency");
  }

  @Test
  void dataDirectoryImpliesCsvUnlessJsonIsAsked() {
    BenchSettings csv = BenchSettings.parse(List.of("--data", "/tmp/x"));
    assertThat(csv.data()).contains(Path.of("/tmp/x"));
    assertThat(csv.source()).isEqualTo("csv");
    assertThat(BenchSettings.parse(List.of("--data", "/tmp/x", "--source", "json")).source())
        .isEqualTo("json");
    assertThat(BenchSettings.parse(List.of()).source()).isEqualTo("generator");
  }
}
