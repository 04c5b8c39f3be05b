package io.rivulet.peers;

/**
 * One peer engine, started once (its cluster start is not measured), that runs the benchmark
 * queries over the files of a data directory.
 */
public interface PeerEngine extends AutoCloseable {
  /** The engine and its version, e.g. {@code Flink 2.3.0}. */
  String name();

  /**
   * Declares the query's input and output (not measured); the returned run submits the query and
   * waits for its end (measured).
   */
  PreparedRun prepare(PeerQuery query, PeerOptions options) throws Exception;

  /** A query ready to be submitted. */
  @FunctionalInterface
  interface PreparedRun {
    /**
     * Submits the query and waits until its input is consumed and its last result written.
     *
     * @return the result rows (inserts less retractions) when counting rows was asked for, else -1
     */
    long execute() throws Exception;
  }
}
