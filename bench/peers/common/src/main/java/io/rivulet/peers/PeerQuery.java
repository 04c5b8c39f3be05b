package io.rivulet.peers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark queries the peers run: those of {@code bench/queries} that the peer figures
 * measured, with the same names.
 */
public enum PeerQuery {
  Q0(Input.BID),
  Q1(Input.BID),
  Q2(Input.BID),
  Q5(Input.BID),
  Q7(Input.BID),
  Q_CHANNELS(Input.BID),
  WORDCOUNT(Input.TEXT);

  /** What a query reads: the bids of {@code DATA/bid} or the lines of {@code DATA/text}. */
  public enum Input {
    BID("bid"),
    TEXT("text");

    private final String directory;

    Input(String directory) {
      this.directory = directory;
    }

    /** The sub-directory of the data directory that holds this input's files. */
    public String directory() {
      return directory;
    }
  }

  private final Input input;

  PeerQuery(Input input) {
    this.input = input;
  }

  public Input input() {
    return input;
  }

  /** The name of the query's file in {@code bench/queries}, without {@code .sql}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PeerQuery> ofName(String name) {
    return Arrays.stream(values()).filter(q -> q.fileName().equals(name)).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(PeerQuery::fileName).toList();
  }
}
