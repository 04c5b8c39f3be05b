package io.rivulet.runtime;

import java.util.Optional;

/**
 * An error a user can cause or needs to act on, with its category and, where known, its place.
 *
 * <p>The message is written for the person running the query: it says what went wrong and what
 * to do. A position, when present, is a line and column in the script.
 */
public class RivuletException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of mistake or failure this is. */
  public enum Category {
    SYNTAX("syntax error"),
    VALIDATION("validation error"),
    UNSUPPORTED("unsupported"),
    INPUT("input error"),
    CONNECTOR("connector error"),
    EXECUTION("execution error");

    private final String label;

    Category(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A one-based line and column in a script. */
  public record Position(int line, int column) {
    @Override
    public String toString() {
      return line + ":" + column;
    }
  }

  private final Category category;
  private final Position position;

  public RivuletException(Category category, String message) {
    this(category, message, null, null);
  }

  public RivuletException(Category category, String message, Throwable cause) {
    this(category, message, null, cause);
  }

  public RivuletException(Category category, String message, Position position, Throwable cause) {
    super(message, cause);
    this.category = category;
    this.position = position;
  }

  public Category category() {
    return category;
  }

  public Optional<Position> position() {
    return Optional.ofNullable(position);
  }

  /** The same error placed at {@code position}, unless it already has one. */
  public RivuletException at(Position newPosition) {
    if (position != null || newPosition == null) {
      return this;
    }
    RivuletException placed = new RivuletException(category, getMessage(), newPosition, getCause());
    placed.setStackTrace(getStackTrace());
    return placed;
  }
}
