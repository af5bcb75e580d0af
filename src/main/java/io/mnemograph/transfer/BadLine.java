package io.mnemograph.transfer;

/**
 * An import line that cannot be taken: malformed, of an unknown type, or in conflict with the store. The message is
 * meant for the caller and names the line once {@link ImportService} knows it.
 */
public class BadLine extends RuntimeException {

    private final boolean conflict;

    BadLine(String message) {
        this(message, false);
    }

    BadLine(String message, boolean conflict) {
        super(message, null, false, false);
        this.conflict = conflict;
    }

    /** Whether the line is well-formed but contradicts what is stored (HTTP 409) rather than malformed (400). */
    public boolean conflict() {
        return conflict;
    }

    BadLine at(long line) {
        return new BadLine("line " + line + ": " + getMessage(), conflict);
    }
}
