package io.mnemograph.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model in our own single-threaded session gives the vectors LangChain4j's model class gives. A QuarkusTest because
 * the tokenizer's native library can be loaded by one class loader only, and the application's already holds it.
 */
@QuarkusTest
class OnnxModelsTest {

    @Test
    void ownSessionEmbedsLikeTheModelClass() {
        EmbeddingModel own = OnnxModels.load("bge-small-en-v15-q", 1).orElseThrow();
        EmbeddingModel theirs = new BgeSmallEnV15QuantizedEmbeddingModel();
        for (String text : List.of("Caroline: I went to the LGBTQ support group yesterday.",
                "When did Melanie paint a sunrise?", "x")) {
            float[] a = InProcessEmbedder.normalise(own.embed(text).content().vector());
            float[] b = InProcessEmbedder.normalise(theirs.embed(text).content().vector());
            assertArrayEquals(b, a, 1e-4f, text);
        }
    }

    @Test
    void unknownModelsKeepTheirOwnSession() {
        assertTrue(OnnxModels.load("all-minilm-l6-v2", 1).isEmpty());
    }
}
