package io.rivulet.parser;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * Stops the ANTLR parser at the first syntax error with a {@link ParseException}, instead of
 * printing the error and recovering.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {

    @Override
    public void reportError(Parser recognizer, RecognitionException error) {
        throw SyntaxErrors.unexpected(error.getOffendingToken(), error.getExpectedTokens(), recognizer.getContext());
    }

    @Override
    public void recover(Parser recognizer, RecognitionException error) {
        throw SyntaxErrors.unexpected(error.getOffendingToken(), error.getExpectedTokens(), recognizer.getContext());
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        // Like the default strategy, report what was expected from the earliest state that could have
        // skipped ahead to here, so that an unexpected token after SET lists the key as well as ';'.
        InputMismatchException error = nextTokensContext == null
                ? new InputMismatchException(recognizer)
                : new InputMismatchException(recognizer, nextTokensState, nextTokensContext);
        throw SyntaxErrors.unexpected(error.getOffendingToken(), error.getExpectedTokens(), recognizer.getContext());
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        throw SyntaxErrors.unexpected(
                recognizer.getCurrentToken(), recognizer.getExpectedTokens(), recognizer.getContext());
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        throw SyntaxErrors.unexpected(
                recognizer.getCurrentToken(), recognizer.getExpectedTokens(), recognizer.getContext());
    }
}
