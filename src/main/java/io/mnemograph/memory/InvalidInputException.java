package io.mnemograph.memory;

/** Input that Mnemograph refuses, with a message for the person who sent it. Nothing was changed. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
