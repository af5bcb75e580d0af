package io.mnemograph.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/** An embedding model running in this JVM through LangChain4j's ONNX runtime: offline, no server. */
final class InProcessEmbedder implements Embedder {

    private final EmbeddingModel model;
    private final String name;
    private final int dimension;

    InProcessEmbedder(EmbeddingModel model, String name) {
        this.model = model;
        this.name = name;
        this.dimension = model.embed("warm-up").content().vector().length;
    }

    @Override
    public float[] embed(String text) {
        return normalise(model.embed(text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        // The ONNX models embed one text at a time on 2 cores about as fast as in a batch; one call keeps order simple.
        for (String t : texts) {
            out.add(embed(t));
        }
        return out;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return name;
    }

    static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        if (n == 0 || Math.abs(n - 1) < 1e-6) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }
}
