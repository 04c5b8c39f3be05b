package io.rivulet.planner.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stream (unbounded, with an optional event-time attribute) or a table (bounded, static) read
 * through a connector.
 *
 * @param stream true for CREATE STREAM, false for CREATE TABLE
 * @param options the WITH options, in written order
 */
public record SourceObject(
    String name,
    boolean stream,
    List<Column> columns,
    Optional<Watermark> watermark,
    Map<String, String> options)
    implements CatalogObject {

  public SourceObject {
    columns = List.copyOf(columns);
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
  }

  @Override
  public String kind() {
    return stream ? "STREAM" : "TABLE";
  }

  /** The columns the connector reads or writes, without processing-time columns. */
  public List<Column> physicalColumns() {
    return columns.stream().filter(c -> !c.proctime()).toList();
  }

  /** How SHOW, DESCRIBE and messages name it: {@code stream 'bids'}. */
  public String describe() {
    return kind().toLowerCase(java.util.Locale.ROOT) + " '" + name + "'";
  }
}
