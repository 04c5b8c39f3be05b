package io.rivulet.peers.spark;

import io.rivulet.peers.PeerEngine;
import io.rivulet.peers.PeerHarness;
import io.rivulet.peers.PeerOptions;
import io.rivulet.peers.PeerQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The benchmark queries as Spark Structured Streaming jobs: {@code local[P]}, the CSV files read
 * with {@code readStream}, a 4 s watermark, the {@code noop} sink and the {@code availableNow}
 * trigger (all the files, then stop), as the Spark figures were measured. The session is
 * made once, before the measured runs.
 *
 * <p>Spark SQL has no window table-valued functions, so the queries are written here with its
 * {@code window(...)} grouping function; each says which of {@code bench/queries} it mirrors.
 */
public final class SparkPeer implements PeerEngine {
  private static final StructType BID =
      new StructType()
          .add("auction", DataTypes.LongType)
          .add("bidder", DataTypes.LongType)
          .add("price", DataTypes.LongType)
          .add("channel", DataTypes.StringType)
          .add("url", DataTypes.StringType)
          .add("date_time", DataTypes.TimestampType)
          .add("extra", DataTypes.StringType);

  private final SparkSession spark;

  SparkPeer(PeerOptions options) {
    spark =
        SparkSession.builder()
            .appName("rivulet-peers")
            .master("local[" + options.parallelism() + "]")
            .config("spark.sql.shuffle.partitions", String.valueOf(options.parallelism()))
            .config("spark.default.parallelism", String.valueOf(options.parallelism()))
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true")
            // Not supported in streaming: Spark would only warn that it turns it off.
            .config("spark.sql.adaptive.enabled", "false")
            .getOrCreate();
  }

  public static void main(String[] args) {
    System.exit(
        PeerHarness.main(Arrays.asList(args), SparkPeer::new, System.out, System.err));
  }

  @Override
  public String name() {
    return "Spark " + spark.version();
  }

  /** The query in Spark SQL, over the views {@code bid} and {@code lines}. */
  static String sql(PeerQuery query) {
    return switch (query) {
      // q0.sql
      case Q0 -> "SELECT auction, bidder, price, date_time, extra FROM bid";
      // q1.sql: 0.908 is DECIMAL(3, 3), the result DECIMAL(23, 3), as in Rivulet.
      case Q1 -> "SELECT auction, bidder, 0.908 * price AS price, date_time, extra FROM bid";
      // q2.sql
      case Q2 -> "SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0";
      // q5.sql: HOP(..., INTERVAL '2' SECOND, INTERVAL '10' SECOND)
      case Q5 ->
          "SELECT auction, COUNT(*) AS num, window.start AS starttime, window.end AS endtime"
              + " FROM bid GROUP BY auction, window(date_time, '10 seconds', '2 seconds')";
      // q7.sql: TUMBLE(..., INTERVAL '10' SECOND)
      case Q7 ->
          "SELECT window.start AS starttime, window.end AS endtime, MAX(price) AS maxprice"
              + " FROM bid GROUP BY window(date_time, '10 seconds')";
      // q_channels.sql
      case Q_CHANNELS ->
          "SELECT channel, COUNT(*) AS bids, window.start AS starttime, window.end AS endtime"
              + " FROM bid GROUP BY channel, window(date_time, '10 seconds')";
      // wordcount.sql: CROSS JOIN UNNEST(SPLIT(line, ' '))
      case WORDCOUNT ->
          "SELECT word, COUNT(*) AS cnt"
              + " FROM (SELECT explode(split(value, ' ')) AS word FROM lines) GROUP BY word";
    };
  }

  @Override
  public PreparedRun prepare(PeerQuery query, PeerOptions options) throws IOException {
    String path = options.directory(query.input()).toAbsolutePath().toString();
    if (query.input() == PeerQuery.Input.BID) {
      spark
          .readStream()
          .schema(BID)
          .option("timestampFormat", "yyyy-MM-dd HH:mm:ss.SSS")
          .option("pathGlobFilter", "part-*")
          .csv(path)
          .withWatermark("date_time", "4 seconds")
          .createOrReplaceTempView("bid");
    } else {
      spark.readStream().option("pathGlobFilter", "part-*").text(path).createOrReplaceTempView("lines");
    }
    Dataset<Row> result = spark.sql(sql(query));
    // A word count has no watermark: its result is an updating table, not an append stream.
    boolean updating = query == PeerQuery.WORDCOUNT;
    Path checkpoint = Files.createTempDirectory("rivulet-peers-spark-");
    DataStreamWriter<Row> writer =
        result
            .writeStream()
            .trigger(Trigger.AvailableNow())
            .option("checkpointLocation", checkpoint.toString());
    AtomicLong rows = new AtomicLong(-1);
    if (options.countRows()) {
      // Complete mode re-emits the whole table each batch: its last batch is the result.
      writer = writer.outputMode(updating ? "complete" : "append");
      VoidFunction2<Dataset<Row>, Long> count =
          (batch, id) -> {
            long n = batch.count();
            rows.getAndUpdate(total -> updating ? n : Math.max(0, total) + n);
          };
      writer = writer.foreachBatch(count);
    } else {
      writer = writer.outputMode(updating ? "update" : "append").format("noop");
    }
    DataStreamWriter<Row> ready = writer;
    return () -> {
      try {
        StreamingQuery running = ready.start();
        running.awaitTermination();
        return options.countRows() ? Math.max(0, rows.get()) : -1;
      } finally {
        delete(checkpoint);
      }
    };
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    spark.stop();
  }
}
