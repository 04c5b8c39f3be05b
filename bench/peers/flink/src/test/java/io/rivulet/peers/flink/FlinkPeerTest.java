package io.rivulet.peers.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.peers.PeerOptions;
import io.rivulet.peers.PeerQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlinkPeerTest {
  @Test
  void declaresTheFilesAsATableWithRivuletsWatermarkAndTheSinkAsABlackhole() {
    PeerOptions options = PeerOptions.parse(List.of("--data", "/data"));
    List<String> q5 = FlinkPeer.declarations(PeerQuery.Q5, options);
    assertThat(q5.get(0))
        .startsWith("CREATE TABLE bid (auction BIGINT")
        .contains(
            "WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND",
            "'path' = '/data/bid'", "'format' = 'csv'");
    assertThat(q5.get(1).replaceAll("\\s+", " "))
        .isEqualTo(
            "CREATE TABLE discard_sink ( auction BIGINT, num BIGINT, starttime TIMESTAMP(3),"
                + " endtime TIMESTAMP(3)) WITH ('connector' = 'blackhole')");
    List<String> wordcount = FlinkPeer.declarations(PeerQuery.WORDCOUNT, options);
    assertThat(wordcount.get(0)).startsWith("CREATE TABLE lines (line STRING)")
        .contains("'path' = '/data/text'");
    assertThat(wordcount.get(1)).contains("word STRING, cnt BIGINT");
  }
}
