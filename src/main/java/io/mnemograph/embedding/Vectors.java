package io.mnemograph.embedding;

/** Arithmetic on embeddings held in memory. */
public final class Vectors {

    private Vectors() {
    }

    /** Cosine similarity in [-1, 1]; 0 when either is all zeros; vectors of unequal length compare their common prefix. */
    public static double cosine(float[] a, float[] b) {
        int n = Math.min(a.length, b.length);
        // four independent sums of each kind: one running sum waits ~4 cycles on the previous addition at every
        // dimension (the redundancy step compares thousands of pairs a recall: issue 15)
        double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float x0 = a[i], x1 = a[i + 1], x2 = a[i + 2], x3 = a[i + 3];
            float y0 = b[i], y1 = b[i + 1], y2 = b[i + 2], y3 = b[i + 3];
            d0 += x0 * y0;
            d1 += x1 * y1;
            d2 += x2 * y2;
            d3 += x3 * y3;
            a0 += x0 * x0;
            a1 += x1 * x1;
            a2 += x2 * x2;
            a3 += x3 * x3;
            b0 += y0 * y0;
            b1 += y1 * y1;
            b2 += y2 * y2;
            b3 += y3 * y3;
        }
        for (; i < n; i++) {
            d0 += a[i] * b[i];
            a0 += a[i] * a[i];
            b0 += b[i] * b[i];
        }
        double dot = (d0 + d1) + (d2 + d3);
        double na = (a0 + a1) + (a2 + a3);
        double nb = (b0 + b1) + (b2 + b3);
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /**
     * The vector scaled to length 1, as a copy (all zeros stays all zeros): a caller comparing each of many vectors
     * with several others normalises each once and then needs {@link #dot} only, a third of the products.
     */
    public static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        if (norm > 0) {
            double inverse = 1 / Math.sqrt(norm);
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) (v[i] * inverse);
            }
        }
        return out;
    }

    /** The dot product of the common prefix (of two {@link #unit} vectors: their cosine). */
    public static double dot(float[] a, float[] b) {
        int n = Math.min(a.length, b.length);
        double d0 = 0, d1 = 0, d2 = 0, d3 = 0; // four sums, as in cosine
        int i = 0;
        for (; i + 3 < n; i += 4) {
            d0 += a[i] * b[i];
            d1 += a[i + 1] * b[i + 1];
            d2 += a[i + 2] * b[i + 2];
            d3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            d0 += a[i] * b[i];
        }
        return (d0 + d1) + (d2 + d3);
    }
}
