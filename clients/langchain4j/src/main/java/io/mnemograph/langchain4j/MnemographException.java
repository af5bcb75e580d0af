package io.mnemograph.langchain4j;

/**
 * A call to Mnemograph failed: the server refused it (HTTP status), answered with GraphQL errors (the server's
 * messages), or could not be reached. The message says which.
 */
public class MnemographException extends RuntimeException {

    private final int status;
    private final String code;

    MnemographException(String message, int status, String code, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status of the answer (401 for a missing or wrong key), or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The server's error code ({@code access-denied}, {@code not-found}, {@code invalid-input}, …), or null. */
    public String code() {
        return code;
    }
}
