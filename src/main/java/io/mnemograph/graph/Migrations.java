package io.mnemograph.graph;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the versioned schema migrations of {@code cypher/migrations/} (V001__Verb_noun.cypher …) in order, each
 * exactly once, and records each as a {@code (:__Migration {version})} node. Statements use IF NOT EXISTS, so a
 * migration interrupted half-way is simply applied again. A migration listed with a storage mode applies in that mode
 * only (embedded mode has no vector index in Neo4j: see {@link MemoryVectors}).
 */
public final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d{3})__(\\w+)\\.cypher");
    static final String INDEX = "cypher/migrations/";

    private Migrations() {
    }

    /**
     * Applies what is missing; returns how many migrations were applied now. Replicas starting together on one
     * database take turns: the first holds a lock in the database until it has applied everything, the others then
     * find it applied.
     */
    public static int apply(GraphStore store, Map<String, String> placeholders) {
        schemaRacing(store, "CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:__Migration) REQUIRE m.version IS UNIQUE");
        schemaRacing(store, "CREATE CONSTRAINT migration_lock IF NOT EXISTS FOR (l:__MigrationLock) REQUIRE l.name IS UNIQUE");
        // the lock node's write lock lasts as long as this transaction; the migrations run in transactions of their own
        return store.write(tx -> {
            tx.run("migration/lock", Map.of());
            return applyMissing(store, placeholders, tx.run("migration/applied", Map.of()));
        });
    }

    /**
     * A schema statement that another replica may run at the same moment: Neo4j then fails one of the two with
     * "an equivalent constraint already exists" in spite of IF NOT EXISTS; run again, it sees the other's and does
     * nothing.
     */
    private static void schemaRacing(GraphStore store, String statement) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.schema(statement);
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                LOG.debugf("Schema statement tried again (another replica ran it at the same time?): %s", e.getMessage());
            }
        }
    }

    private static int applyMissing(GraphStore store, Map<String, String> placeholders,
                                    List<Map<String, Object>> done) {
        List<Long> applied = done.stream().map(r -> (Long) r.get("version")).toList();
        int count = 0;
        Map<String, String> modes = modes();
        for (String file : files()) {
            Matcher m = NAME.matcher(file);
            if (!m.matches() || !applies(modes.get(file), store)) {
                continue; // a migration for the other storage mode is not recorded: it applies if the data moves
            }
            long version = Long.parseLong(m.group(1));
            if (applied.contains(version)) {
                continue;
            }
            String text = Statements.resource(INDEX + file);
            for (var e : placeholders.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            for (String statement : split(text)) {
                store.schema(statement);
            }
            store.update("migration/record", Map.of("version", version, "name", m.group(2)));
            LOG.infof("Applied migration V%03d %s", version, m.group(2));
            count++;
        }
        return count;
    }

    /** Whether a migration listed with this storage mode (null: every mode) applies to this store. */
    static boolean applies(String mode, GraphStore store) {
        if (mode == null) {
            return true;
        }
        if (mode.equals("server-search")) {
            return store.mode().equals("server") && store.searchesVectorsByScope();
        }
        return mode.equals(store.mode());
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("//")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /** The migration files in order, as listed in {@code cypher/migrations/index.txt} (a jar cannot be listed). */
    static List<String> files() {
        return lines().stream().map(l -> l.split("\\s+")[0]).sorted().toList();
    }

    /**
     * The storage mode a file is for, when its line names one after the file ("embedded", "server", or
     * "server-search": server mode where {@link GraphStore#searchesVectorsByScope()}).
     */
    static Map<String, String> modes() {
        Map<String, String> out = new HashMap<>();
        for (String line : lines()) {
            String[] parts = line.split("\\s+");
            if (parts.length > 1) {
                out.put(parts[0], parts[1]);
            }
        }
        return out;
    }

    private static List<String> lines() {
        String index = Statements.resource(INDEX + "index.txt");
        if (index == null) {
            throw new IllegalStateException("no " + INDEX + "index.txt on the classpath");
        }
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
