package io.rivulet.engine;

import io.rivulet.parser.ColumnDefinition;
import io.rivulet.parser.CreateStreamStatement;
import io.rivulet.parser.CreateTableStatement;
import io.rivulet.parser.CreateViewStatement;
import io.rivulet.parser.DescribeStatement;
import io.rivulet.parser.DropStatement;
import io.rivulet.parser.ExplainStatement;
import io.rivulet.parser.InsertStatement;
import io.rivulet.parser.ParseException;
import io.rivulet.parser.QueryStatement;
import io.rivulet.parser.ResetStatement;
import io.rivulet.parser.ScriptParser;
import io.rivulet.parser.SetStatement;
import io.rivulet.parser.ShowStatement;
import io.rivulet.parser.Statement;
import io.rivulet.parser.StopQueryStatement;
import io.rivulet.parser.TypeSpec;
import io.rivulet.planner.PlannedQuery;
import io.rivulet.planner.calcite.SqlConverter;
import io.rivulet.planner.catalog.CatalogObject;
import io.rivulet.planner.catalog.Column;
import io.rivulet.planner.catalog.SourceObject;
import io.rivulet.planner.catalog.ViewObject;
import io.rivulet.planner.catalog.Watermark;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import io.rivulet.runtime.connector.Connector;
import io.rivulet.runtime.connector.Connectors;
import io.rivulet.runtime.connector.ConnectorContext;
import io.rivulet.runtime.connector.Durations;
import io.rivulet.runtime.connector.Options;
import io.rivulet.runtime.connector.Sink;
import io.rivulet.runtime.exec.MicroBatchQuery;
import io.rivulet.runtime.exec.Progress;
import io.rivulet.runtime.exec.QueryConfig;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A conversation with an engine: statements run one after another with this session's settings.
 * Not thread-safe; use one session per thread.
 */
public final class Session {
  /** How many committed result batches may wait for a slow SELECT reader. */
  private static final int RESULT_BUFFER_BATCHES = 16;

  private final Engine engine;
  private final Settings settings = new Settings();

  Session(Engine engine) {
    this.engine = engine;
  }

  public Engine engine() {
    return engine;
  }

  public Settings settings() {
    return settings;
  }

  /** The streams, tables and views of the engine, ordered by name. */
  public List<CatalogEntry> objects() {
    List<CatalogEntry> entries = new ArrayList<>();
    for (CatalogObject object : engine.catalog().objects()) {
      Schema columns;
      if (object instanceof SourceObject source) {
        List<Field> fields = new ArrayList<>();
        for (Column column : source.columns()) {
          fields.add(new Field(column.name(), DataType.OTHER, !column.notNull(), column.type().toString()));
        }
        columns = new Schema(fields);
      } else {
        columns = ((ViewObject) object).schema();
      }
      entries.add(new CatalogEntry(object.name(), object.kind(), columns));
    }
    return entries;
  }

  /** The SQL functions queries can call, sorted. */
  public static List<String> functions() {
    return List.copyOf(SqlConverter.functionNames());
  }

  /** The option keys of each connector (source and sink), by connector name. */
  public static Map<String, java.util.SortedSet<String>> connectorOptions() {
    Map<String, java.util.SortedSet<String>> options = new java.util.TreeMap<>();
    for (Connector connector : Connectors.all().values()) {
      java.util.SortedSet<String> keys = new java.util.TreeSet<>(connector.sourceOptions());
      keys.addAll(connector.sinkOptions());
      keys.add("connector");
      options.put(connector.name(), keys);
    }
    return options;
  }

  /** Parses a script into statements; syntax errors become {@link RivuletException}s. */
  public static List<Statement> parse(String script) {
    try {
      return ScriptParser.parse(script);
    } catch (ParseException e) {
      throw syntaxError(e);
    }
  }

  static RivuletException syntaxError(ParseException e) {
    return new RivuletException(
        Category.SYNTAX,
        e.detail(),
        new RivuletException.Position(e.position().line(), e.position().column()),
        e);
  }

  /** Parses and runs every statement of a script, returning the result of each. */
  public List<StatementResult> executeScript(String script) {
    List<StatementResult> results = new ArrayList<>();
    for (Statement statement : parse(script)) {
      results.add(execute(statement));
    }
    return results;
  }

  /** Runs one statement. Errors carry the statement's position when they have none of their own. */
  public StatementResult execute(Statement statement) {
    try {
      return dispatch(statement);
    } catch (ParseException e) {
      throw syntaxError(e);
    } catch (RivuletException e) {
      throw e.at(new RivuletException.Position(
          statement.position().line(), statement.position().column()));
    }
  }

  /**
   * Starts a query (a SELECT, or an INSERT INTO whose rows also go to its sink) whose committed
   * result batches are passed to {@code subscriber}, in commit order, on the query's own thread:
   * a slow subscriber holds the query back. The subscriber sees every batch from the first; once
   * {@link QueryHandle#awaitTermination()} returns it is not called again.
   */
  public QueryHandle subscribe(Statement statement, Consumer<ResultBatch> subscriber) {
    try {
      if (statement instanceof QueryStatement query) {
        PlannedQuery plan = engine.planner().plan(query.query(), plannerOptions());
        SubscriberSink sink = new SubscriberSink(plan.schema(), subscriber, Optional.empty());
        return start(query.text(), plan, sink, settings.queryConfig(engine.console()));
      } else if (statement instanceof InsertStatement insert) {
        return insert(insert, Optional.of(subscriber)).query();
      }
      throw new RivuletException(Category.UNSUPPORTED,
          "only a query or an INSERT INTO has output to subscribe to; run other statements with execute");
    } catch (ParseException e) {
      throw syntaxError(e);
    } catch (RivuletException e) {
      throw e.at(new RivuletException.Position(
          statement.position().line(), statement.position().column()));
    }
  }

  private StatementResult dispatch(Statement statement) {
    if (statement instanceof CreateStreamStatement create) {
      return createSource(create.name(), true, create.ifNotExists(), create.columns(),
          create.watermark().map(w -> new Watermark(w.column(), w.delay())), create.options(),
          create.watermark().map(w -> w.position()));
    } else if (statement instanceof CreateTableStatement create) {
      return createSource(create.name(), false, create.ifNotExists(), create.columns(),
          Optional.empty(), create.options(), Optional.empty());
    } else if (statement instanceof CreateViewStatement create) {
      ViewObject view = engine.planner().planView(create.name(), create.columnNames(), create.query());
      boolean added = engine.catalog().add(view, create.ifNotExists(), create.orReplace());
      return new StatementResult.Done(added ? "view '" + view.name() + "' created" : "view '" + view.name() + "' already exists");
    } else if (statement instanceof InsertStatement insert) {
      return insert(insert, Optional.empty());
    } else if (statement instanceof QueryStatement query) {
      return select(query);
    } else if (statement instanceof ExplainStatement explain) {
      return explain(explain);
    } else if (statement instanceof SetStatement set) {
      return set(set);
    } else if (statement instanceof ResetStatement reset) {
      if (reset.key().isPresent() && !reset.key().get().equalsIgnoreCase("all")) {
        settings.reset(reset.key().get());
        return new StatementResult.Done("'" + reset.key().get() + "' reset");
      }
      settings.resetAll();
      return new StatementResult.Done("all settings reset");
    } else if (statement instanceof ShowStatement show) {
      return show(show);
    } else if (statement instanceof DescribeStatement describe) {
      return describe(engine.catalog().get(describe.name()));
    } else if (statement instanceof DropStatement drop) {
      boolean dropped = engine.catalog().drop(drop.kind().name(), drop.name(), drop.ifExists());
      return new StatementResult.Done(
          drop.kind().name().toLowerCase(Locale.ROOT) + " '" + drop.name() + "' "
              + (dropped ? "dropped" : "does not exist"));
    } else if (statement instanceof StopQueryStatement stop) {
      return stop(stop.queryId());
    }
    throw new IllegalStateException("unknown statement " + statement);
  }

  private io.rivulet.planner.PlannerOptions plannerOptions() {
    return new io.rivulet.planner.PlannerOptions(
        io.rivulet.runtime.operator.window.EmitMode.ofSettingValue(settings.get("window.emit")),
        io.rivulet.runtime.operator.window.LatePolicy.ofSettingValue(settings.get("late.policy")),
        Durations.parse(settings.get("state.ttl")));
  }

  private StatementResult createSource(
      String name,
      boolean stream,
      boolean ifNotExists,
      List<ColumnDefinition> definitions,
      Optional<Watermark> watermark,
      Map<String, String> options,
      Optional<io.rivulet.parser.Position> watermarkPosition) {
    List<Column> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ColumnDefinition definition : definitions) {
      if (!seen.add(definition.name().toLowerCase(Locale.ROOT))) {
        throw new RivuletException(Category.VALIDATION,
            "column '" + definition.name() + "' is declared twice",
            runtimePosition(definition.position()), null);
      }
      columns.add(new Column(definition.name(), definition.type(), definition.notNull(), definition.proctime()));
    }
    if (watermark.isPresent()) {
      String column = watermark.get().column();
      Column timeColumn = columns.stream()
          .filter(c -> c.name().equalsIgnoreCase(column))
          .findFirst()
          .orElseThrow(() -> new RivuletException(Category.VALIDATION,
              "WATERMARK names column '" + column + "', which stream '" + name + "' does not have",
              runtimePosition(watermarkPosition.orElseThrow()), null));
      if (!timeColumn.type().name().equals("TIMESTAMP") || timeColumn.proctime()) {
        throw new RivuletException(Category.VALIDATION,
            "WATERMARK column '" + timeColumn.name() + "' must be a TIMESTAMP column read from the source, not "
                + (timeColumn.proctime() ? "a PROCTIME() column" : timeColumn.type().toString()),
            runtimePosition(watermarkPosition.orElseThrow()), null);
      }
      watermark = Optional.of(new Watermark(timeColumn.name(), watermark.get().delay()));
    }
    SourceObject source = new SourceObject(name, stream, columns, watermark, options);
    Options connectorOptions = new Options(source.describe(), options);
    Connector connector = Connectors.of(connectorOptions);
    Set<String> known = new HashSet<>(connector.sourceOptions());
    known.addAll(connector.sinkOptions());
    if (!stream) {
      known.add(io.rivulet.planner.physical.PhysicalPlanner.REFRESH_OPTION);
    }
    connectorOptions.checkKnown(connector.name(), known);
    boolean added = engine.catalog().add(source, ifNotExists, false);
    return new StatementResult.Done(
        source.describe() + (added ? " created" : " already exists"));
  }

  private static RivuletException.Position runtimePosition(io.rivulet.parser.Position position) {
    return new RivuletException.Position(position.line(), position.column());
  }

  private StatementResult.Started insert(InsertStatement insert, Optional<Consumer<ResultBatch>> subscriber) {
    PlannedQuery plan = engine.planner().planInsert(insert.target(), insert.query(), plannerOptions());
    SourceObject target = plan.target().orElseThrow();
    QueryConfig config = settings.queryConfig(engine.console());
    Options options = new Options(target.describe(), target.options());
    Connector connector = Connectors.of(options);
    if (connector.sinkOptions().isEmpty() && !List.of("console", "blackhole").contains(connector.name())) {
      throw new RivuletException(Category.VALIDATION,
          target.describe() + " uses connector '" + connector.name() + "', which cannot be written; "
              + "INSERT INTO a stream with a sink connector (file, console, blackhole)");
    }
    Sink sink = connector.createSink(new ConnectorContext(target.name(), plan.schema(), options,
        plan.changelog(), config.parallelism(), config.maxRowsPerBatch(), config.console()));
    if (subscriber.isPresent()) {
      sink = new SubscriberSink(plan.schema(), subscriber.get(), Optional.of(sink));
    }
    QueryHandle handle = start(insert.text(), plan, sink, config);
    return new StatementResult.Started(handle);
  }

  private StatementResult select(QueryStatement query) {
    PlannedQuery plan = engine.planner().plan(query.query(), plannerOptions());
    QueryConfig config = settings.queryConfig(engine.console());
    ResultStream rows = new ResultStream(plan.schema(), RESULT_BUFFER_BATCHES);
    QueryHandle handle = start(query.text(), plan, rows, config);
    // STOP QUERY from elsewhere: a reader that stopped reading must not keep the query blocked.
    handle.whenStoppedByStatement(rows::abandon);
    return new StatementResult.Streaming(handle, rows);
  }

  private QueryHandle start(String sql, PlannedQuery plan, Sink sink, QueryConfig config) {
    String id = engine.nextQueryId();
    MicroBatchQuery query = new MicroBatchQuery(id, plan.graph(), sink, config);
    QueryHandle handle = new QueryHandle(id, sql, plan.schema(), plan.changelog(), query);
    engine.register(handle);
    query.start();
    return handle;
  }

  private StatementResult explain(ExplainStatement explain) {
    Statement explained = explain.explained();
    PlannedQuery plan;
    if (explained instanceof QueryStatement query) {
      plan = engine.planner().plan(query.query(), plannerOptions());
    } else if (explained instanceof InsertStatement insert) {
      plan = engine.planner().planInsert(insert.target(), insert.query(), plannerOptions());
    } else {
      throw new RivuletException(Category.UNSUPPORTED, "EXPLAIN takes a query or an INSERT INTO");
    }
    return new StatementResult.Text(plan.explain(settings.parallelism()));
  }

  private StatementResult set(SetStatement set) {
    if (set.key().isEmpty()) {
      List<Object[]> rows = new ArrayList<>();
      settings.all().forEach((key, value) -> rows.add(new Object[] {key, value}));
      return new StatementResult.Rows(
          Schema.of(Field.of("key", DataType.VARCHAR), Field.of("value", DataType.VARCHAR)), rows);
    }
    String key = set.key().get();
    String value = set.value().orElseThrow(() -> new RivuletException(Category.SYNTAX,
        "SET '" + key + "' needs a value: SET '" + key + "' = '...'"));
    settings.set(key, value);
    return new StatementResult.Done("'" + key + "' set to '" + value + "'");
  }

  private StatementResult show(ShowStatement show) {
    Schema names = Schema.of(Field.of("name", DataType.VARCHAR));
    List<Object[]> rows = new ArrayList<>();
    switch (show.kind()) {
      case STREAMS, TABLES, VIEWS -> {
        String kind = show.kind().name().substring(0, show.kind().name().length() - 1);
        for (CatalogObject object : engine.catalog().objects()) {
          if (object.kind().equals(kind)) {
            rows.add(new Object[] {object.name()});
          }
        }
        return new StatementResult.Rows(names, rows);
      }
      case FUNCTIONS -> {
        for (String function : SqlConverter.functionNames()) {
          rows.add(new Object[] {function});
        }
        return new StatementResult.Rows(names, rows);
      }
      case QUERIES -> {
        for (QueryHandle query : engine.queries()) {
          Optional<Progress> progress = query.lastProgress();
          rows.add(new Object[] {
              query.id(),
              query.status().name(),
              progress.map(p -> p.batchId() + 1).orElse(0L),
              query.totalInputRows(),
              progress.map(p -> formatWatermark(p.watermark())).orElse(""),
              query.sql().replaceAll("\\s+", " ")});
        }
        return new StatementResult.Rows(Schema.of(
            Field.of("id", DataType.VARCHAR), Field.of("status", DataType.VARCHAR),
            Field.of("batches", DataType.BIGINT), Field.of("input_rows", DataType.BIGINT),
            Field.of("watermark", DataType.VARCHAR), Field.of("query", DataType.VARCHAR)), rows);
      }
      default -> throw new IllegalStateException("unknown SHOW " + show.kind());
    }
  }

  /** A watermark as people read it: a timestamp, or a word at either end of time. */
  public static String formatWatermark(long watermark) {
    if (watermark == Long.MIN_VALUE) {
      return "none";
    }
    if (watermark == Long.MAX_VALUE) {
      return "end";
    }
    return io.rivulet.runtime.format.ValueFormat.formatTimestamp(watermark);
  }

  private StatementResult describe(CatalogObject object) {
    Schema schema = Schema.of(
        Field.of("column", DataType.VARCHAR), Field.of("type", DataType.VARCHAR),
        Field.of("nullable", DataType.BOOLEAN), Field.of("extra", DataType.VARCHAR));
    List<Object[]> rows = new ArrayList<>();
    if (object instanceof SourceObject source) {
      for (Column column : source.columns()) {
        String extra = "";
        if (column.proctime()) {
          extra = "PROCTIME()";
        } else if (source.watermark().isPresent()
            && source.watermark().get().column().equalsIgnoreCase(column.name())) {
          extra = "WATERMARK AS " + column.name() + " - INTERVAL "
              + Durations.format(source.watermark().get().delay());
        }
        TypeSpec type = column.type();
        rows.add(new Object[] {column.name(), type.toString(), !column.notNull(), extra});
      }
    } else if (object instanceof ViewObject view) {
      for (Field field : view.schema().fields()) {
        rows.add(new Object[] {field.name(), field.typeName(), field.nullable(), ""});
      }
    }
    return new StatementResult.Rows(schema, rows);
  }

  private StatementResult stop(String queryId) {
    QueryHandle query = engine.query(queryId).orElseThrow(() -> new RivuletException(
        Category.VALIDATION, "no query with id '" + queryId + "'; SHOW QUERIES lists them"));
    query.stopAndDiscard();
    try {
      query.awaitTermination(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new StatementResult.Done("query " + queryId + " " + query.status().name().toLowerCase(Locale.ROOT));
  }
}
