package io.mnemograph.memory;

/** A memory, revision or other node the caller named does not exist (in its scope). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
