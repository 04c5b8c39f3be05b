package io.rivulet.shell.interactive;

import io.rivulet.engine.CatalogEntry;
import io.rivulet.runtime.type.Field;
import io.rivulet.shell.script.SqlLexer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion that follows the statement being typed: statement starts on an empty line, the
 * next words of CREATE, DROP, SHOW, INSERT INTO, STOP QUERY and EXPLAIN, names from the catalog
 * where a stream is expected, the columns of the streams the statement names (also as
 * {@code alias.column}), functions and keywords in queries, connector option keys and values
 * inside {@code WITH (...)}, and SET keys and values.
 */
public final class SqlCompleter implements Completer {
  private static final Map<String, List<String>> SETTING_VALUES = Map.of(
      "result.mode", List.of("tableau", "table", "changelog"),
      "verbose", List.of("true", "false"),
      "window.emit", List.of("on-close", "every-batch"),
      "late.policy", List.of("drop", "fail"),
      "batch.interval", List.of("500 ms", "1 s", "5 s"),
      "batch.max-rows", List.of("unlimited"));

  private static final Map<String, List<String>> OPTION_VALUES = Map.of(
      "format", List.of("csv", "json", "text"),
      "mode", List.of("bounded", "continuous"),
      "csv.header", List.of("true", "false"),
      "on-error", List.of("fail", "skip"));

  private final CompletionSource source;

  public SqlCompleter(CompletionSource source) {
    this.source = source;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    StatementLine statementLine = line instanceof StatementLine typed
        ? typed
        : StatementLine.at(line.line(), line.cursor());
    candidates.addAll(candidates(statementLine));
  }

  /** The candidates for the word at the cursor. */
  List<Candidate> candidates(StatementLine line) {
    if (line.inComment()) {
      return List.of();
    }
    return new Context(line).candidates();
  }

  /** A significant token of the statement: its text, and its text in upper case for words. */
  private record Word(String text, SqlLexer.Kind kind) {
    String upper() {
      return kind == SqlLexer.Kind.WORD ? text.toUpperCase(Locale.ROOT) : text;
    }

    boolean is(String keyword) {
      return kind == SqlLexer.Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isPunctuation(char c) {
      return kind == SqlLexer.Kind.PUNCTUATION && text.charAt(0) == c;
    }

    /** A string's content or a name without its quotes. */
    String unquoted() {
      if ((kind == SqlLexer.Kind.STRING || kind == SqlLexer.Kind.QUOTED_IDENTIFIER) && text.length() >= 2) {
        return text.substring(1, text.length() - 1);
      }
      return text;
    }
  }

  /** The analysis of one completion request. */
  private final class Context {
    private final StatementLine line;
    private final String typed;
    /** The statement's tokens before the word being typed. */
    private final List<Word> before = new ArrayList<>();
    /** All the statement's tokens, after the cursor too. */
    private final List<Word> statement = new ArrayList<>();
    private final List<Candidate> out = new ArrayList<>();

    Context(StatementLine line) {
      this.line = line;
      this.typed = line.word();
      String text = line.line();
      int wordStart = line.wordStart();
      for (SqlLexer.Token token : SqlLexer.tokenize(text)) {
        if (!token.significant()) {
          continue;
        }
        if (token.is(text, ';')) {
          if (token.end() <= wordStart) {
            before.clear();
            statement.clear();
            continue;
          }
          break;
        }
        Word word = new Word(token.text(text), token.kind());
        if (token.end() <= wordStart) {
          before.add(word);
        }
        if (token.start() != wordStart) {
          statement.add(word);
        }
      }
    }

    List<Candidate> candidates() {
      if (before.isEmpty()) {
        keywords(Keywords.STATEMENT_STARTS);
        return out;
      }
      statement(before);
      return out;
    }

    private void statement(List<Word> words) {
      if (words.isEmpty()) {
        keywords(List.of("SELECT", "INSERT", "PLAN"));
        return;
      }
      String first = words.get(0).upper();
      int size = words.size();
      switch (first) {
        case "CREATE" -> create(words);
        case "INSERT" -> {
          if (size == 1) {
            keywords(List.of("INTO"));
          } else if (size == 2) {
            objects(Set.of("STREAM", "TABLE"));
          } else if (size == 3) {
            keywords(List.of("SELECT"));
          } else {
            query(words.subList(3, size));
          }
        }
        case "EXPLAIN" -> {
          if (size >= 2 && words.get(1).is("PLAN")) {
            if (size == 2) {
              keywords(List.of("FOR"));
            } else {
              statement(words.subList(3, size));
            }
          } else {
            statement(words.subList(1, size));
          }
        }
        case "SET", "RESET" -> setting(words);
        case "SHOW" -> {
          if (size == 1) {
            keywords(List.of("STREAMS", "TABLES", "VIEWS", "QUERIES", "FUNCTIONS"));
          }
        }
        case "DESCRIBE", "DESC" -> {
          if (size == 1) {
            objects(Set.of("STREAM", "TABLE", "VIEW"));
          }
        }
        case "DROP" -> drop(words);
        case "STOP" -> {
          if (size == 1) {
            keywords(List.of("QUERY"));
          } else if (size == 2) {
            for (String id : source.runningQueries()) {
              out.add(new Candidate(id, id, "query", "running query", null, null, true));
            }
          }
        }
        case "HELP", "QUIT", "EXIT" -> { }
        default -> query(words);
      }
    }

    private void create(List<Word> words) {
      int size = words.size();
      if (size == 1) {
        keywords(List.of("STREAM", "TABLE", "VIEW", "OR"));
        return;
      }
      if (words.get(1).is("OR")) {
        if (size == 2) {
          keywords(List.of("REPLACE"));
        } else if (size == 3) {
          keywords(List.of("VIEW"));
        } else {
          view(words.subList(3, size));
        }
        return;
      }
      if (words.get(1).is("VIEW")) {
        view(words.subList(1, size));
        return;
      }
      if (!words.get(1).is("STREAM") && !words.get(1).is("TABLE")) {
        return;
      }
      // CREATE STREAM name (columns) WITH (options)
      int depth = 0;
      boolean inWith = false;
      boolean afterColumns = false;
      int withStart = -1;
      for (int i = 2; i < size; i++) {
        Word word = words.get(i);
        if (word.isPunctuation('(')) {
          depth++;
          if (depth == 1 && i > 0 && words.get(i - 1).is("WITH")) {
            inWith = true;
            withStart = i;
          }
        } else if (word.isPunctuation(')')) {
          depth--;
          if (depth == 0) {
            afterColumns = true;
            inWith = false;
          }
        }
      }
      if (inWith) {
        option(words.subList(withStart, size));
      } else if (depth > 0) {
        column(words);
      } else if (afterColumns && !words.get(size - 1).is("WITH")) {
        keywords(List.of("WITH"));
      } else if (size == 2) {
        keywords(List.of("IF"));
      }
    }

    private void view(List<Word> words) {
      // words starts at VIEW
      for (int i = 1; i < words.size(); i++) {
        if (words.get(i).is("AS")) {
          if (i == words.size() - 1) {
            keywords(List.of("SELECT"));
          } else {
            query(words.subList(i + 1, words.size()));
          }
          return;
        }
      }
      if (words.size() >= 2) {
        keywords(List.of("AS"));
      }
    }

    private void column(List<Word> words) {
      Word last = words.get(words.size() - 1);
      Word previous = words.size() >= 2 ? words.get(words.size() - 2) : null;
      if (last.isPunctuation('(') || last.isPunctuation(',')) {
        keywords(List.of("WATERMARK"));
      } else if (last.is("WATERMARK")) {
        keywords(List.of("FOR"));
      } else if (previous != null && previous.is("WATERMARK") && last.is("FOR")) {
        for (Word word : columnsBeingDefined(words)) {
          out.add(new Candidate(word.text(), word.text(), "column", null, null, null, true));
        }
      } else if (last.is("AS")) {
        out.add(new Candidate(cased("PROCTIME") + "()", cased("PROCTIME") + "()", "function",
            "processing time", null, null, true));
      } else if (previous != null && (previous.isPunctuation('(') || previous.isPunctuation(','))
          && last.kind() != SqlLexer.Kind.PUNCTUATION) {
        for (String type : Keywords.TYPES) {
          out.add(new Candidate(cased(type), cased(type), "type", null, null, null, true));
        }
        keywords(List.of("AS"));
      } else {
        keywords(List.of("NOT", "NULL", "INTERVAL", "SECOND", "MINUTE"));
      }
    }

    private List<Word> columnsBeingDefined(List<Word> words) {
      List<Word> columns = new ArrayList<>();
      int depth = 0;
      for (int i = 0; i + 1 < words.size(); i++) {
        Word word = words.get(i);
        if (word.isPunctuation('(')) {
          depth++;
        } else if (word.isPunctuation(')')) {
          depth--;
        }
        Word next = words.get(i + 1);
        if (depth == 1 && (word.isPunctuation('(') || word.isPunctuation(','))
            && next.kind() == SqlLexer.Kind.WORD && !next.is("WATERMARK")) {
          columns.add(next);
        }
      }
      return columns;
    }

    /** Inside WITH (...): {@code words} starts at its '('. */
    private void option(List<Word> words) {
      Word last = words.get(words.size() - 1);
      Map<String, String> given = new LinkedHashMap<>();
      List<Word> all = new ArrayList<>(words);
      // Options after the cursor count too when choosing the connector.
      int tail = statement.size();
      for (int i = 0; i < tail; i++) {
        if (i + 2 < tail && statement.get(i).kind() == SqlLexer.Kind.STRING
            && statement.get(i + 1).isPunctuation('=') && statement.get(i + 2).kind() == SqlLexer.Kind.STRING) {
          given.put(statement.get(i).unquoted().toLowerCase(Locale.ROOT), statement.get(i + 2).unquoted());
        }
      }
      if (last.isPunctuation('(') || last.isPunctuation(',')) {
        Map<String, SortedSet<String>> options = source.connectorOptions();
        SortedSet<String> keys = new TreeSet<>();
        String connector = given.get("connector");
        if (connector != null && options.containsKey(connector.toLowerCase(Locale.ROOT))) {
          keys.addAll(options.get(connector.toLowerCase(Locale.ROOT)));
        } else {
          options.values().forEach(keys::addAll);
        }
        Set<String> usedBefore = new LinkedHashSet<>();
        for (int i = 0; i + 1 < all.size(); i++) {
          if (all.get(i).kind() == SqlLexer.Kind.STRING && all.get(i + 1).isPunctuation('=')) {
            usedBefore.add(all.get(i).unquoted().toLowerCase(Locale.ROOT));
          }
        }
        keys.removeAll(usedBefore);
        for (String key : keys) {
          quoted(key, "option", connector == null ? null : connector + " option");
        }
      } else if (last.isPunctuation('=') && words.size() >= 2) {
        String key = words.get(words.size() - 2).unquoted().toLowerCase(Locale.ROOT);
        List<String> values = key.equals("connector")
            ? new ArrayList<>(new TreeSet<>(source.connectorOptions().keySet()))
            : OPTION_VALUES.getOrDefault(key, List.of());
        for (String value : values) {
          quoted(value, "value", null);
        }
      }
    }

    private void setting(List<Word> words) {
      Word last = words.get(words.size() - 1);
      if (words.size() == 1) {
        for (String key : source.settingKeys()) {
          quoted(key, "setting", null);
        }
        if (words.get(0).is("RESET") && !line.quoted()) {
          keywords(List.of("ALL"));
        }
      } else if (last.isPunctuation('=') && words.size() >= 3) {
        String key = words.get(1).unquoted().toLowerCase(Locale.ROOT);
        for (String value : SETTING_VALUES.getOrDefault(key, List.of())) {
          quoted(value, "value", null);
        }
      }
    }

    private void drop(List<Word> words) {
      int size = words.size();
      if (size == 1) {
        keywords(List.of("STREAM", "TABLE", "VIEW"));
        return;
      }
      String kind = words.get(1).upper();
      if (size == 2) {
        keywords(List.of("IF"));
        objects(Set.of(kind));
      } else if (size == 3 && words.get(2).is("IF")) {
        keywords(List.of("EXISTS"));
      } else if (size == 4 && words.get(3).is("EXISTS")) {
        objects(Set.of(kind));
      }
    }

    private void query(List<Word> words) {
      String word = typed;
      int dot = word.lastIndexOf('.');
      List<CatalogEntry> objects = source.objects();
      if (dot >= 0) {
        String qualifier = word.substring(0, dot);
        CatalogEntry entry = resolve(qualifier, objects);
        if (entry != null) {
          for (Field field : entry.columns().fields()) {
            out.add(new Candidate(qualifier + "." + field.name(), field.name(), "column",
                field.typeName(), null, null, true));
          }
        }
        return;
      }
      Word last = words.isEmpty() ? null : words.get(words.size() - 1);
      if (last != null && (last.is("FROM") || last.is("JOIN") || last.is("TABLE"))) {
        objects(Set.of("STREAM", "TABLE", "VIEW"));
        if (last.is("FROM")) {
          keywords(List.of("TABLE"));
        }
        return;
      }
      for (CatalogEntry entry : referenced(objects)) {
        for (Field field : entry.columns().fields()) {
          out.add(new Candidate(field.name(), field.name(), "column",
              entry.name() + "." + field.name() + " " + field.typeName(), null, null, true));
        }
      }
      objects(Set.of("STREAM", "TABLE", "VIEW"));
      keywords(Keywords.QUERY);
      for (String function : source.functions()) {
        out.add(new Candidate(cased(function), cased(function), "function", null, null, null, false));
      }
    }

    /** The catalog objects the statement names, in the order it names them. */
    private List<CatalogEntry> referenced(List<CatalogEntry> objects) {
      Set<CatalogEntry> found = new LinkedHashSet<>();
      for (Word word : statement) {
        if (word.kind() == SqlLexer.Kind.WORD || word.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER) {
          for (CatalogEntry entry : objects) {
            if (entry.name().equalsIgnoreCase(word.unquoted())) {
              found.add(entry);
            }
          }
        }
      }
      return new ArrayList<>(found);
    }

    /** The object a qualifier names: an object's own name, or an alias given to one. */
    private CatalogEntry resolve(String qualifier, List<CatalogEntry> objects) {
      for (CatalogEntry entry : objects) {
        if (entry.name().equalsIgnoreCase(qualifier)) {
          return entry;
        }
      }
      for (int i = 0; i < statement.size(); i++) {
        Word word = statement.get(i);
        CatalogEntry entry = null;
        for (CatalogEntry candidate : objects) {
          if (candidate.name().equalsIgnoreCase(word.unquoted())) {
            entry = candidate;
          }
        }
        if (entry == null) {
          continue;
        }
        int aliasAt = i + 1 < statement.size() && statement.get(i + 1).is("AS") ? i + 2 : i + 1;
        if (aliasAt < statement.size() && statement.get(aliasAt).unquoted().equalsIgnoreCase(qualifier)) {
          return entry;
        }
      }
      return null;
    }

    private void objects(Set<String> kinds) {
      for (CatalogEntry entry : source.objects()) {
        if (kinds.contains(entry.kind().toUpperCase(Locale.ROOT))) {
          String kind = entry.kind().toLowerCase(Locale.ROOT);
          out.add(new Candidate(entry.name(), entry.name(), kind, kind, null, null, true));
        }
      }
    }

    private void keywords(List<String> keywords) {
      for (String keyword : keywords) {
        out.add(new Candidate(cased(keyword), cased(keyword), "keyword", null, null, null, true));
      }
    }

    /** A string value: quoted unless the person already opened the quote. */
    private void quoted(String value, String group, String description) {
      String shown = line.quoted() ? value : "'" + value + "'";
      out.add(new Candidate(shown, value, group, description, null, null, true));
    }

    /** A keyword in the case the person types in. */
    private String cased(String keyword) {
      boolean lower = !typed.isEmpty() && typed.equals(typed.toLowerCase(Locale.ROOT))
          && !typed.equals(typed.toUpperCase(Locale.ROOT));
      return lower ? keyword.toLowerCase(Locale.ROOT) : keyword;
    }
  }
}
