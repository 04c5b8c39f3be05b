package io.rivulet.engine;

import io.rivulet.runtime.type.Schema;

/**
 * A stream, table or view as clients see it, e.g. for completion or metadata.
 *
 * @param kind STREAM, TABLE or VIEW
 * @param columns its columns with their SQL types
 */
public record CatalogEntry(String name, String kind, Schema columns) {}
