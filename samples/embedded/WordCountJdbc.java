import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * The word count of samples/wordcount.sql, embedded in a Java program through java.sql only.
 *
 * <p>Run it from the repository root with the rivulet-jdbc jar and its dependencies on the class
 * path (the samples tests compile and run it this way):
 *
 * <pre>
 * java -cp "jdbc/target/rivulet-jdbc-0.1.0-SNAPSHOT.jar:..." samples/embedded/WordCountJdbc.java [directory]
 * </pre>
 *
 * It prints one line per word, {@code word count}, sorted by word.
 */
public final class WordCountJdbc {
  private WordCountJdbc() {}

  public static void main(String[] args) throws SQLException {
    String directory = args.length > 0 ? args[0] : "samples/data/words";
    // A private in-process engine; jdbc:rivulet:name would share one between connections.
    try (Connection connection = DriverManager.getConnection("jdbc:rivulet:;parallelism=2");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE STREAM lines (line VARCHAR) WITH ("
          + "'connector' = 'file', 'path' = '" + directory.replace("'", "''") + "', "
          + "'format' = 'text', 'mode' = 'bounded')");

      // An updating aggregate: each row is a change, its kind in the first column, op.
      Map<String, Long> counts = new TreeMap<>();
      try (ResultSet changes = statement.executeQuery(
          "SELECT word, COUNT(*) AS c\n"
              + "FROM lines CROSS JOIN UNNEST(SPLIT(LOWER(line), ' ')) AS w(word)\n"
              + "WHERE word <> ''\n"
              + "GROUP BY word")) {
        // next() waits for the query's next rows and returns false once the bounded input is drained.
        while (changes.next()) {
          String op = changes.getString("op");
          if (op.equals("+I") || op.equals("+U")) {
            counts.put(changes.getString("word"), changes.getLong("c"));
          } else {
            counts.remove(changes.getString("word"));
          }
        }
      }
      counts.forEach((word, count) -> System.out.println(word + " " + count));
    }
  }
}
