package io.rivulet.parser;

/**
 * A syntax error in a script, with its position in the whole script and the offending token.
 *
 * <p>The message is a single line for the user, for example
 * {@code syntax error at 3:8: unexpected 'FROM', expected an identifier}.
 */
public class ParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Position position;
    private final String offendingToken;
    private final String detail;

    /**
     * Creates an error.
     *
     * @param detail what is wrong and what was expected, without the position
     * @param position where the error is in the whole script
     * @param offendingToken the offending token or text as written, or null at the end of input
     */
    public ParseException(String detail, Position position, String offendingToken) {
        super("syntax error at " + position + ": " + detail);
        this.position = position;
        this.offendingToken = offendingToken;
        this.detail = detail;
    }

    /** Returns where the error is, in the whole script. */
    public Position position() {
        return position;
    }

    /** Returns the offending token (or text) as written, or null when the input ended too early. */
    public String offendingToken() {
        return offendingToken;
    }

    /** Returns the message without its {@code syntax error at line:column: } prefix. */
    public String detail() {
        return detail;
    }
}
