package io.rivulet.planner.catalog;

/** Something a query can name: a stream, a table or a view. */
public sealed interface CatalogObject permits SourceObject, ViewObject {
  String name();

  /** STREAM, TABLE or VIEW, as SHOW and DESCRIBE print it. */
  String kind();
}
