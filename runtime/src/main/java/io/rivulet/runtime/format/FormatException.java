package io.rivulet.runtime.format;

/**
 * Text that could not be read as a value or a row of a text format; the message says what could not
 * be read as what, but not where: the caller knows the file and line and adds them.
 */
public class FormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public FormatException(String message) {
    super(message);
  }

  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
