package io.mnemograph.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Loads a known model's ONNX file and tokenizer from its LangChain4j jar into a session of our own, because the
 * model classes build theirs with ONNX Runtime's defaults: every text spread over all cores, with threads that spin
 * while they wait. On a small machine serving several requests at once those threads fight each other for the same
 * cores; one thread per text lets each request embed on its own core.
 */
final class OnnxModels {

    /** The model's ONNX file and tokenizer, resources of its jar, and how its token vectors become one. */
    record Files(String onnx, String tokenizer, PoolingMode pooling) {
    }

    /** Short names whose files are known (the names of each jar's resources). */
    static final Map<String, Files> KNOWN = Map.of(
            "bge-small-en-v15-q", new Files("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
                    PoolingMode.CLS));

    private OnnxModels() {
    }

    /** The named model in a session running one text on this many threads, or empty if its files are not known. */
    static Optional<EmbeddingModel> load(String name, int threads) {
        Files files = KNOWN.get(name);
        if (files == null) {
            return Optional.empty();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream onnx = loader.getResourceAsStream(files.onnx());
             InputStream tokenizer = loader.getResourceAsStream(files.tokenizer())) {
            if (onnx == null || tokenizer == null) {
                return Optional.empty();
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = env.createSession(onnx.readAllBytes(), options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session, tokenizer, files.pooling());
            return Optional.of(new Model(encoder));
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load embedding model " + name, e);
        }
    }

    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super((Executor) Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
