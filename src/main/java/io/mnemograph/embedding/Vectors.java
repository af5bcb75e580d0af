package io.mnemograph.embedding;

/** Arithmetic on embeddings held in memory. */
public final class Vectors {

    private Vectors() {
    }

    /** Cosine similarity in [-1, 1]; 0 when either is all zeros; vectors of unequal length compare their common prefix. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length && i < b.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
