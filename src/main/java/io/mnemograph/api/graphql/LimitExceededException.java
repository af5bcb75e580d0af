package io.mnemograph.api.graphql;

/** A request asked for more work than one request may do; nothing it would have written was written. */
public class LimitExceededException extends RuntimeException {
    public LimitExceededException(String message) {
        super(message);
    }
}
