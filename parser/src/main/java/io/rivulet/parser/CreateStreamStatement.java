package io.rivulet.parser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CREATE STREAM [IF NOT EXISTS] name (columns [, WATERMARK ...]) [WITH (options)]}: declares an
 * unbounded input or output.
 *
 * @param name the stream name as written
 * @param ifNotExists whether IF NOT EXISTS was given
 * @param columns the columns in declared order
 * @param watermark the WATERMARK clause, if any
 * @param options the WITH options in written order
 * @param text the statement's source text
 * @param position where the statement starts
 */
public record CreateStreamStatement(
        String name,
        boolean ifNotExists,
        List<ColumnDefinition> columns,
        Optional<WatermarkDefinition> watermark,
        Map<String, String> options,
        String text,
        Position position)
        implements Statement {

    /** Checks the components and makes unmodifiable copies of the collections, keeping option order. */
    public CreateStreamStatement {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(watermark, "watermark");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
