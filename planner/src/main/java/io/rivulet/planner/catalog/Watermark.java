package io.rivulet.planner.catalog;

import java.time.Duration;

/** The event-time attribute of a stream: its column and how late rows may arrive. */
public record Watermark(String column, Duration delay) {}
