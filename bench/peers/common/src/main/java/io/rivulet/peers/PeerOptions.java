package io.rivulet.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line of a peer runner: {@code --data DIR [options] [QUERY...]}.
 *
 * @param data the directory {@code rivulet bench generate} wrote ({@code bid/}, {@code text/})
 * @param queries the queries to run, in order (all when none were named)
 * @param runs measured runs per query; the figures are their medians
 * @param warmup runs per query before the measured ones
 * @param parallelism the engine's parallelism (Flink's default parallelism, Spark's local[N])
 * @param json where to write the report as JSON, if anywhere
 * @param countRows whether to count the result rows (a slower sink; for checking, not timing)
 */
public record PeerOptions(
    Path data,
    List<PeerQuery> queries,
    int runs,
    int warmup,
    int parallelism,
    Optional<Path> json,
    boolean countRows) {

  public static final String USAGE =
      String.join(
          "\n",
          "Usage: <runner> --data DIR [OPTIONS] [QUERY...]",
          "  --data DIR          files of `rivulet bench generate --format csv --text-lines N`",
          "  --runs R            measured runs per query; figures are medians [3]",
          "  --warmup W          warm-up runs per query [1]",
          "  --parallelism P     parallelism [2]",
          "  --json FILE         also write the report as JSON",
          "  --count-rows        count the result rows (a collecting sink: checks, not timing)",
          "QUERY is one of " + String.join(", ", PeerQuery.names()) + " (default: all).");

  public static PeerOptions parse(List<String> args) {
    Path data = null;
    List<PeerQuery> queries = new ArrayList<>();
    int runs = 3;
    int warmup = 1;
    int parallelism = 2;
    Optional<Path> json = Optional.empty();
    boolean countRows = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        String name = arg.toLowerCase(Locale.ROOT);
        queries.add(
            PeerQuery.ofName(name)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no query '" + arg + "'; the peers run " + PeerQuery.names())));
        continue;
      }
      if (arg.equals("--count-rows")) {
        countRows = true;
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args.get(++i);
      switch (arg) {
        case "--data" -> data = Path.of(value);
        case "--runs" -> runs = number(arg, value, 1);
        case "--warmup" -> warmup = number(arg, value, 0);
        case "--parallelism" -> parallelism = number(arg, value, 1);
        case "--json" -> json = Optional.of(Path.of(value));
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (data == null) {
      throw new IllegalArgumentException("--data DIR is required\n" + USAGE);
    }
    return new PeerOptions(
        data,
        queries.isEmpty() ? List.of(PeerQuery.values()) : List.copyOf(queries),
        runs,
        warmup,
        parallelism,
        json,
        countRows);
  }

  private static int number(String option, String value, int minimum) {
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
    }
    if (parsed < minimum) {
      throw new IllegalArgumentException(option + " must be at least " + minimum + ", not " + parsed);
    }
    return parsed;
  }

  /** The directory of {@code input}'s files. */
  public Path directory(PeerQuery.Input input) {
    return data.resolve(input.directory());
  }
}
