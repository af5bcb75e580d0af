package io.mnemograph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Optional;

/** Mnemograph's own settings ({@code mnemograph.*}; each also reads from the matching environment variable). */
@ConfigMapping(prefix = "mnemograph")
public interface MnemographConfig {

    /** Directory of the embedded Neo4j database (env MNEMOGRAPH_DATA_DIR). Unused in server mode. */
    @WithDefault("./data")
    String dataDir();

    /** Where the graph lives. */
    Neo4j neo4j();

    /** Limits on what the API accepts. */
    Limits limits();

    /** The embedding model. */
    Embedding embedding();

    /** The memory agent. */
    Agent agent();

    /** Neo4j Browser, served at /browser/ (docs/exploring.md). */
    Browser browser();

    interface Browser {
        /**
         * The address people open Mnemograph at: embedded Neo4j tells Neo4j Browser to load Mnemograph's graph style
         * and guide from here after it connects (Neo4j only allows them from this host and localhost).
         */
        @WithDefault("http://localhost:${quarkus.http.port:8080}")
        String appUrl();
    }

    interface Neo4j {
        /** Embedded mode: the host:port its Bolt connector listens on, for Neo4j Browser and cypher-shell. */
        @WithDefault("localhost:7687")
        String boltAddress();

        /** Embedded mode: whether to open the Bolt connector at all. */
        @WithDefault("true")
        boolean boltEnabled();

        /**
         * Embedded mode with security on: the password of Bolt's user {@code neo4j} (Neo4j Browser, cypher-shell),
         * at least 8 characters. With security on and no password, the Bolt connector stays closed.
         */
        Optional<String> boltPassword();

        /** Server mode: a neo4j:// or bolt:// URI. When set, nothing embedded starts. */
        Optional<String> uri();

        /** Server mode: user name. */
        @WithDefault("neo4j")
        String user();

        /** Server mode: password. */
        Optional<String> password();

        /** Server mode: database name. */
        @WithDefault("neo4j")
        String database();

        /** Embedded mode: Neo4j's page cache (off-heap), e.g. 512m or 4g; about 1.6 KB a memory keeps all in memory. */
        @WithDefault("1g")
        String pageCache();
    }

    interface Limits {
        /** Largest memory content accepted, in bytes of UTF-8. */
        @WithDefault("32768")
        int maxContentBytes();

        /** Most memories one rememberAll may carry. */
        @WithDefault("1000")
        int maxBatch();

        /** Largest recall limit. */
        @WithDefault("1000")
        int maxRecallLimit();

        /** Most keywords or tags a caller may give one memory. */
        @WithDefault("64")
        int maxLabels();

        /**
         * Most memories one GraphQL request may read, counting every nested level (links of links …): a request that
         * would read more is refused with an error.
         */
        @WithDefault("2000")
        int maxMemoriesPerRequest();

        /** Longest time one GraphQL request may run before its next read is refused with an error. */
        @WithDefault("30s")
        Duration requestTimeout();
    }

    interface Agent {
        /** Which agent builds notes, links and evolution: {@code heuristic} (default, offline) or {@code llm}. */
        @WithParentName
        @WithDefault("heuristic")
        String kind();

        /** How many candidate memories the agent is shown for linking. */
        @WithDefault("12")
        int candidates();

        /**
         * Server mode: embeddings kept in memory for the agent's comparisons (default 20000, about 32 MB at 384
         * dimensions); older ones are read back from the store when needed. Embedded mode ignores it: it holds every
         * memory's vector for its own nearest-neighbour search (about 1.6 KB a memory at 384 dimensions).
         */
        @WithDefault("20000")
        int embeddingCache();

        /** The LLM agent ({@code mnemograph.agent=llm}); read only when it is selected. */
        Llm llm();
    }

    /**
     * The chat model behind the LLM agent: any OpenAI-compatible endpoint or Ollama. Nothing here is read, and no model
     * is contacted, unless {@code mnemograph.agent=llm}.
     */
    interface Llm {
        /** {@code openai} (any OpenAI-compatible chat-completions endpoint) or {@code ollama}. */
        @WithDefault("openai")
        String provider();

        /**
         * Base URL of the API: for {@code openai} the part before {@code /chat/completions} (default
         * {@code https://api.openai.com/v1/}); for {@code ollama} the server (default {@code http://localhost:11434}).
         */
        Optional<String> baseUrl();

        /** Model name (default {@code gpt-4o-mini} for openai, {@code llama3.2} for ollama). */
        Optional<String> model();

        /** API key sent as a bearer token (openai only; local OpenAI-compatible servers usually need none). */
        Optional<String> apiKey();

        /** Longest wait for one model answer; past it the heuristic agent decides that step. */
        @WithDefault("20s")
        Duration timeout();

        /**
         * Most model calls for one memory: the note takes one, links and evolution one more (default 2). 1 lets the
         * model write notes only, 0 never calls it; above 2, a step whose answer could not be used is asked once more.
         */
        @WithDefault("2")
        int budget();

        /** Answers kept in memory by the hash of their prompt, so the same prompt is sent once (0: no cache). */
        @WithDefault("1000")
        int cacheSize();

        /** Sampling temperature; 0 keeps answers as repeatable as the model allows. */
        @WithDefault("0")
        double temperature();

        /**
         * Ask the model for a JSON object ({@code response_format} / Ollama's {@code format}); off for servers that
         * reject it.
         */
        @WithDefault("true")
        boolean jsonMode();
    }

    interface Embedding {
        /** The in-process model: bge-small-en-v15-q (default) or any model class on the classpath, by class name. */
        @WithDefault("bge-small-en-v15-q")
        String model();

        /**
         * ONNX Runtime threads that embed one text (bge-small-en-v15-q only; other models keep ONNX Runtime's
         * defaults). 0: ONNX Runtime's default, every core for each text, threads spinning between tasks.
         */
        @WithDefault("0")
        int threads();
    }
}
