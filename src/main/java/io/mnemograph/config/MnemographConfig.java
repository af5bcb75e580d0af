package io.mnemograph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

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

    interface Neo4j {
        /** Embedded mode: the host:port its Bolt connector listens on, for Neo4j Browser and cypher-shell. */
        @WithDefault("localhost:7687")
        String boltAddress();

        /** Embedded mode: whether to open the Bolt connector at all. */
        @WithDefault("true")
        boolean boltEnabled();

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
    }

    interface Agent {
        /** Which agent builds notes, links and evolution: {@code heuristic} (default, offline) or {@code llm}. */
        @WithParentName
        @WithDefault("heuristic")
        String kind();

        /** How many candidate memories the agent is shown for linking. */
        @WithDefault("12")
        int candidates();
    }

    interface Embedding {
        /** The in-process model: bge-small-en-v15-q (default) or any model class on the classpath, by class name. */
        @WithDefault("bge-small-en-v15-q")
        String model();
    }
}
