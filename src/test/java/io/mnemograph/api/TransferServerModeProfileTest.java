package io.mnemograph.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The move from embedded mode to a Neo4j server: the export {@link TransferTest} wrote in embedded mode, imported
 * (twice) into the whole application running against a Neo4j server over Bolt, shows the same memories, links,
 * revisions, order and sessions, and recall answers alike; what server mode exports again is the embedded export
 * line for line, so going back is the same import.
 */
@QuarkusTest
@TestProfile(TransferServerModeProfileTest.ServerMode.class)
@QuarkusTestResource(value = Neo4jServerResource.class, restrictToAnnotatedClass = true)
class TransferServerModeProfileTest {

    public static class ServerMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mnemograph.data-dir", "target/transfer-server-mode-must-stay-empty");
        }
    }

    @Test
    void anEmbeddedExportImportsIntoServerModeAsTheSameGraph() throws Exception {
        assertTrue(Files.exists(Transfers.EXPORT) && Files.exists(Transfers.VIEW),
                "TransferTest writes the embedded export first (mvn verify runs it before the profile tests)");
        String dump = Files.readString(Transfers.EXPORT);
        JsonObject saved = new JsonObject(Files.readString(Transfers.VIEW));
        String scope = saved.getString("scope");

        var first = Transfers.importStream(null, dump);
        assertEquals(200, first.statusCode(), first.asString());
        Map<String, List<Long>> created = Transfers.counts(first.asString());
        assertEquals(List.of(6L, 0L), created.get("memory"));
        created.forEach((type, c) -> assertEquals(0L, c.get(1), type + " already present in a fresh store"));
        assertEquals(saved.getJsonObject("view"), Transfers.view(scope));

        var second = Transfers.importStream(null, dump);
        assertEquals(200, second.statusCode(), second.asString());
        Transfers.counts(second.asString()).forEach((type, c) ->
                assertEquals(List.of(0L, created.get(type).get(0)), c, type + " on the second import"));
        assertEquals(saved.getJsonObject("view"), Transfers.view(scope));

        String back = Transfers.export(null, "?scope=" + scope).asString();
        assertEquals(Transfers.content(dump), Transfers.content(back));
        Files.writeString(Transfers.DIR.resolve("server-export.ndjson"), back);

        Transfers.assertSameRecall(saved.getJsonObject("recall"), Transfers.recall(scope));
    }
}
