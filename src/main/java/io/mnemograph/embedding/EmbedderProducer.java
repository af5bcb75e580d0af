package io.mnemograph.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.mnemograph.config.MnemographConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/** Loads the configured in-process embedding model once. */
public class EmbedderProducer {

    private static final Logger LOG = Logger.getLogger(EmbedderProducer.class);
    /** Short names of the models measured here; any other value is taken as an EmbeddingModel class name. */
    static final Map<String, String> KNOWN = Map.of(
            "bge-small-en-v15-q", "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel",
            "bge-small-en-v15", "dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel",
            "all-minilm-l6-v2", "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel",
            "all-minilm-l6-v2-q", "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
            "e5-small-v2-q", "dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel");

    @Produces
    @Singleton
    Embedder embedder(MnemographConfig config) {
        String name = config.embedding().model();
        String className = KNOWN.getOrDefault(name, name);
        long t0 = System.nanoTime();
        int threads = config.embedding().threads();
        Optional<EmbeddingModel> own = threads > 0 ? OnnxModels.load(name, threads) : Optional.empty();
        if (threads > 0 && own.isEmpty()) {
            LOG.warnf("mnemograph.embedding.threads is ignored for %s: only %s run in a session of our own", name,
                    OnnxModels.KNOWN.keySet());
        }
        EmbeddingModel model = own.orElseGet(() -> instantiate(name, className));
        Embedder embedder = new InProcessEmbedder(model, name);
        LOG.infof("Embedding model %s loaded (%d dimensions%s) in %d ms", name, embedder.dimension(),
                own.isPresent() ? ", " + threads + " thread(s) a text" : "", (System.nanoTime() - t0) / 1_000_000);
        return embedder;
    }

    private static EmbeddingModel instantiate(String name, String className) {
        try {
            return (EmbeddingModel) Class.forName(className, true, Thread.currentThread().getContextClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("embedding model '" + name + "' is not on the classpath (" + className
                    + "); add its langchain4j-embeddings artifact or choose another mnemograph.embedding.model", e);
        }
    }
}
