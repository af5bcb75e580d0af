package io.mnemograph.embedding;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VectorsTest {

    /** The definition as it was written before the sums were split: float products, one running sum of each kind. */
    private static double plain(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    @Test
    void cosineAgreesWithTheDefinitionAtEveryLength() {
        Random r = new Random(42);
        for (int n = 0; n <= 390; n++) {
            float[] a = new float[n];
            float[] b = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) r.nextGaussian();
                b[i] = (float) r.nextGaussian();
            }
            assertEquals(plain(a, b), Vectors.cosine(a, b), 1e-12, "length " + n);
        }
    }

    @Test
    void knownAnglesZeroVectorsAndUnequalLengths() {
        assertEquals(1.0, Vectors.cosine(new float[] {1, 2, 3, 4, 5}, new float[] {2, 4, 6, 8, 10}), 1e-12);
        assertEquals(-1.0, Vectors.cosine(new float[] {1, 0, 0, 0, 1}, new float[] {-1, 0, 0, 0, -1}), 1e-12);
        assertEquals(0.0, Vectors.cosine(new float[] {1, 0, 0, 0, 0}, new float[] {0, 1, 0, 0, 0}), 1e-12);
        assertEquals(0.0, Vectors.cosine(new float[6], new float[] {1, 2, 3, 4, 5, 6}));
        // the common prefix only: {1, 1} against {1, 1}
        assertEquals(1.0, Vectors.cosine(new float[] {1, 1}, new float[] {1, 1, -7, 3, 9}), 1e-12);
        assertEquals(Math.sqrt(0.5), Vectors.cosine(new float[] {1, 0, 0, 0, 0, 0, 0}, new float[] {1, 0, 0, 0, 0, 1}),
                1e-12);
    }

    @Test
    void theDotOfUnitVectorsIsTheirCosine() {
        Random r = new Random(7);
        for (int n = 1; n <= 390; n++) {
            float[] a = new float[n];
            float[] b = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) (3 * r.nextGaussian());
                b[i] = (float) r.nextGaussian();
            }
            float[] ua = Vectors.unit(a);
            assertEquals(1.0, Vectors.dot(ua, ua), 1e-6, "length " + n);
            assertEquals(Vectors.cosine(a, b), Vectors.dot(ua, Vectors.unit(b)), 1e-6, "length " + n);
        }
        assertEquals(0.0, Vectors.dot(Vectors.unit(new float[4]), Vectors.unit(new float[] {1, 2, 3, 4})));
    }
}
