package io.rivulet.parser;

import java.time.Duration;
import java.util.Objects;

/**
 * The WATERMARK clause of a CREATE STREAM statement: the watermark follows the largest value seen
 * in an event-time column, minus a fixed delay.
 *
 * @param column the event-time column as written after WATERMARK FOR
 * @param delay how far the watermark stays behind the largest event time seen; zero for
 *     {@code WATERMARK FOR ts AS ts}
 * @param position where the WATERMARK keyword is in the whole script
 */
public record WatermarkDefinition(String column, Duration delay, Position position) {

    /** Checks that no component is null and that the delay is not negative. */
    public WatermarkDefinition {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(position, "position");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a watermark delay cannot be negative: " + delay);
        }
    }
}
