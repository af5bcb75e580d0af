package io.mnemograph.embedding;

import java.util.List;

/**
 * Turns text into a unit-length vector. One instance is loaded once per process; calls are thread-safe.
 */
public interface Embedder {

    /** The vector of {@code text} (length {@link #dimension()}, unit norm). Empty text is allowed. */
    float[] embed(String text);

    /** The vectors of {@code texts}, in order. An empty list gives an empty list. */
    List<float[]> embedAll(List<String> texts);

    /** How many dimensions each vector has; the vector index is created with it. */
    int dimension();

    /** The model's name, as configured. */
    String name();
}
