package io.rivulet.planner.catalog;

import io.rivulet.parser.TypeSpec;

/**
 * A column of a stream or table as declared.
 *
 * @param proctime whether it is a processing-time attribute ({@code col AS PROCTIME()}), filled
 *     in by the engine rather than read from the source
 */
public record Column(String name, TypeSpec type, boolean notNull, boolean proctime) {}
