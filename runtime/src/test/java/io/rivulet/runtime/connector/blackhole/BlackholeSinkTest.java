package io.rivulet.runtime.connector.blackhole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Connectors;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlackholeSinkTest {
  private static final Schema SCHEMA = Schema.of(Field.of("n", DataType.BIGINT));

  private static ConnectorContext context(Map<String, String> options) {
    return new ConnectorContext(
        "nothing", SCHEMA, new Options("stream 'nothing'", options), false, 1, 100, System.out);
  }

  @Test
  void countsTheRowsItDiscards() {
    Sink sink = new BlackholeConnector().createSink(context(Map.of("connector", "blackhole")));
    sink.write(0, 0, Batch.ofRows(SCHEMA, List.of(new Object[] {1L}, new Object[] {2L})));
    sink.write(0, 1, Batch.ofRows(SCHEMA, List.<Object[]>of(new Object[] {3L})));
    sink.commit(0);
    sink.write(1, 0, Batch.empty(SCHEMA));
    assertThat(((BlackholeSink) sink).rowCount()).isEqualTo(3);
  }

  @Test
  void isRegisteredAndTakesNoOptions() {
    assertThat(Connectors.of(new Options("x", Map.of("connector", "blackhole"))))
        .isInstanceOf(BlackholeConnector.class);
    assertThatThrownBy(
            () ->
                new BlackholeConnector()
                    .validateSink(context(Map.of("connector", "blackhole", "x", "1"))))
        .hasMessageStartingWith("stream 'nothing' has an unknown option 'x'");
    assertThatThrownBy(() -> new BlackholeConnector().createSource(context(Map.of())))
        .hasMessage("stream 'nothing' cannot be read: connector 'blackhole' has no source");
  }
}
