package io.rivulet.peers.flink;

import io.rivulet.peers.PeerEngine;
import io.rivulet.peers.PeerHarness;
import io.rivulet.peers.PeerOptions;
import io.rivulet.peers.PeerQuery;
import io.rivulet.peers.QueryFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * The benchmark queries as Flink SQL, on one local MiniCluster started before the measured runs
 * (its start is not measured), with the tuning the Flink figures had: object reuse and
 * mini-batch aggregation, parallelism 2, the CSV files read by the filesystem connector.
 *
 * <p>The INSERT statements are those of {@code bench/queries}, unchanged (Flink's window
 * table-valued functions are Rivulet's): only the declarations differ (see {@link QueryFiles}).
 */
public final class FlinkPeer implements PeerEngine {
  static {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }
  }

  private final MiniCluster cluster;
  private final Configuration configuration;
  private final int port;

  FlinkPeer(PeerOptions options) throws Exception {
    configuration = new Configuration();
    configuration.setString("parallelism.default", String.valueOf(options.parallelism()));
    configuration.setString("pipeline.object-reuse", "true");
    // As Flink's own Nexmark setup tunes it.
    configuration.setString("table.exec.mini-batch.enabled", "true");
    configuration.setString("table.exec.mini-batch.allow-latency", "2 s");
    configuration.setString("table.exec.mini-batch.size", "50000");
    configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, options.parallelism());
    configuration.set(RestOptions.BIND_PORT, "0");
    cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(options.parallelism())
                .build());
    cluster.start();
    port = cluster.getRestAddress().get().getPort();
  }

  public static void main(String[] args) {
    System.exit(
        PeerHarness.main(
            Arrays.asList(args),
            options -> {
              try {
                return new FlinkPeer(options);
              } catch (Exception e) {
                throw new IllegalStateException("cannot start a Flink MiniCluster: " + e, e);
              }
            },
            System.out,
            System.err));
  }

  @Override
  public String name() {
    return "Flink " + org.apache.flink.runtime.util.EnvironmentInformation.getVersion();
  }

  @Override
  public PreparedRun prepare(PeerQuery query, PeerOptions options) {
    StreamExecutionEnvironment environment =
        StreamExecutionEnvironment.createRemoteEnvironment("localhost", port, configuration);
    StreamTableEnvironment tables =
        StreamTableEnvironment.create(
            environment, EnvironmentSettings.newInstance().inStreamingMode().build());
    tables.getConfig().addConfiguration(configuration);
    for (String statement : declarations(query, options)) {
      tables.executeSql(statement);
    }
    QueryFiles.Script script = QueryFiles.load(query);
    if (!options.countRows()) {
      return () -> {
        tables.executeSql(script.insert()).await();
        return -1;
      };
    }
    return () -> {
      long rows = 0;
      TableResult result = tables.executeSql(script.select());
      try (CloseableIterator<Row> iterator = result.collect()) {
        while (iterator.hasNext()) {
          switch (iterator.next().getKind()) {
            case INSERT, UPDATE_AFTER -> rows++;
            case UPDATE_BEFORE, DELETE -> rows--;
          }
        }
      }
      return rows;
    };
  }

  /** The source tables over the data files and the query's sink, as Flink declares them. */
  static List<String> declarations(PeerQuery query, PeerOptions options) {
    List<String> statements = new ArrayList<>();
    String path = options.directory(query.input()).toAbsolutePath().toString();
    if (query.input() == PeerQuery.Input.BID) {
      statements.add(
          "CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING,"
              + " url STRING, date_time TIMESTAMP(3), extra STRING,"
              + " WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)"
              + " WITH ('connector' = 'filesystem', 'path' = '" + path + "', 'format' = 'csv')");
    } else {
      // A line of words holds no comma or quote: one CSV field.
      statements.add(
          "CREATE TABLE lines (line STRING)"
              + " WITH ('connector' = 'filesystem', 'path' = '" + path + "', 'format' = 'csv')");
    }
    String sink = QueryFiles.load(query).sinkDeclaration();
    statements.add(
        sink.replaceFirst("(?i)CREATE\\s+STREAM", "CREATE TABLE")
            .replaceAll("(?i)\\bVARCHAR\\b", "STRING")
            .replace("${sink}", "blackhole"));
    return statements;
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
