package io.mnemograph.access;

/**
 * The caller's key does not allow this. Raised only where refusing says nothing about what exists: a memory outside
 * the caller's scopes is "not found" instead ({@link io.mnemograph.memory.NotFoundException}).
 */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
