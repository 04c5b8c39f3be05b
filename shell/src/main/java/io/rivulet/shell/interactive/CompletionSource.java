package io.rivulet.shell.interactive;

import io.rivulet.engine.CatalogEntry;
import io.rivulet.engine.QueryHandle;
import io.rivulet.engine.Session;
import io.rivulet.engine.Settings;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Supplier;

/** What completion offers besides keywords: the catalog, functions, queries, options, settings. */
public interface CompletionSource {
  /** Streams, tables and views with their columns. */
  List<CatalogEntry> objects();

  /** SQL function names; may be empty while the planner still warms up. */
  List<String> functions();

  /** Ids of queries that are still running. */
  List<String> runningQueries();

  /** Option keys by connector name. */
  Map<String, SortedSet<String>> connectorOptions();

  /** The keys SET understands. */
  List<String> settingKeys();

  /** The source a session gives; {@code functions} supplies function names once they are known. */
  static CompletionSource of(Session session, Supplier<List<String>> functions) {
    return new CompletionSource() {
      /** Looked up at the first completion rather than before the prompt. */
      private Map<String, SortedSet<String>> options;

      @Override
      public List<CatalogEntry> objects() {
        return session.objects();
      }

      @Override
      public List<String> functions() {
        return functions.get();
      }

      @Override
      public List<String> runningQueries() {
        return session.engine().queries().stream()
            .filter(query -> !query.status().isTerminal())
            .map(QueryHandle::id)
            .toList();
      }

      @Override
      public Map<String, SortedSet<String>> connectorOptions() {
        if (options == null) {
          options = Session.connectorOptions();
        }
        return options;
      }

      @Override
      public List<String> settingKeys() {
        return Settings.keys();
      }
    };
  }
}
