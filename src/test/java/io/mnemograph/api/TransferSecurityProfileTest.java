package io.mnemograph.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mnemograph.api.Bearer.ok;
import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export and import with security on: a key exports what it may read and imports only where it may write. */
@QuarkusTest
@TestProfile(TransferSecurityProfileTest.Secured.class)
class TransferSecurityProfileTest {

    static final String ADMIN = "transfer-admin-key-" + "x".repeat(32);

    public static class Secured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mnemograph.security.admin-key", ADMIN,
                    "mnemograph.neo4j.bolt-password", "bolt-transfer-password",
                    "mnemograph.neo4j.bolt-enabled", "false");
        }
    }

    static final String CREATE_KEY = """
            mutation($n: String!, $s: [String!]!, $p: [Permission!]!) {
              createApiKey(input: {name: $n, scopes: $s, permissions: $p}) { secret apiKey { id } } }""";

    static String key(String name, List<String> scopes, List<String> permissions) {
        return ok(ADMIN, CREATE_KEY, vars("n", name, "s", scopes, "p", permissions))
                .getString("data.createApiKey.secret");
    }

    static String remember(String scope, String content) {
        return ok(ADMIN, "mutation($i: MemoryInput!) { remember(input: $i) { id } }",
                vars("i", vars("content", content, "scope", scope))).getString("data.remember.id");
    }

    static void assertRefused(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        String body = r.asString();
        // 401 comes from the path policy, before our handler, with an empty body
        assertTrue(status == 401 || new JsonObject(body).getString("error") != null, body);
        assertFalse(body.contains("Exception") || body.contains("io.mnemograph") || body.contains("\tat "), body);
    }

    @Test
    void aKeyExportsOnlyWhatItMayReadAndApiKeysNeverLeave() {
        String a = freshScope("xa");
        String b = freshScope("xb");
        remember(a, "Scope A's memory: the orchard has forty apple trees.");
        remember(b, "Scope B's secret: the safe opens with 4471.");
        String readerName = "reader-" + UUID.randomUUID();
        String reader = key(readerName, List.of(a), List.of("READ"));

        Response own = Transfers.export(reader, "?scope=" + a);
        assertEquals(200, own.statusCode(), own.asString());
        assertTrue(own.asString().contains("forty apple trees"));
        assertRefused(Transfers.export(reader, "?scope=" + b), 403);
        assertRefused(Transfers.export(reader, ""), 403);
        assertRefused(Transfers.export(null, "?scope=" + a), 401);

        String everything = Transfers.export(ADMIN, "").asString();
        assertTrue(everything.contains("forty apple trees") && everything.contains("opens with 4471"));
        for (String line : everything.split("\n")) {
            assertFalse(line.contains(readerName) || line.contains("ApiKey") || line.contains("secretHash"),
                    "an API key in the export: " + line);
        }
    }

    @Test
    void aKeyImportsNothingWhenTheStreamReachesAScopeItMayNotWrite() {
        String a = freshScope("ia");
        String b = freshScope("ib");
        String writer = key("writer-" + UUID.randomUUID(), List.of(a), List.of("READ", "WRITE"));
        String readOnly = key("reader-" + UUID.randomUUID(), List.of(a), List.of("READ"));
        String inA = UUID.randomUUID().toString();
        String inB = UUID.randomUUID().toString();
        String stream = TransferTest.header() + "\n"
                + memory(inA, a, "An imported memory of scope A.") + "\n"
                + memory(inB, b, "An imported memory of scope B.") + "\n";

        assertRefused(Transfers.importStream(writer, stream), 403);
        assertRefused(Transfers.importStream(readOnly, TransferTest.header() + "\n" + memory(inA, a, "x") + "\n"), 403);
        assertRefused(Transfers.importStream(null, stream), 401);
        for (String id : List.of(inA, inB)) {
            assertNull(ok(ADMIN, "query($id: ID!) { memory(id: $id) { id } }", vars("id", id)).get("data.memory"),
                    "nothing of a refused stream is written");
        }

        // a link from the key's scope into a memory of another scope is refused as well
        String other = remember(b, "Scope B's memory that A must not touch.");
        String link = new JsonObject().put("type", "link").put("scope", a).put("from", inA).put("to", other)
                .put("reason", "sneaky").encode();
        Response linked = Transfers.importStream(writer, TransferTest.header() + "\n"
                + memory(inA, a, "An imported memory of scope A.") + "\n" + link + "\n");
        assertEquals(409, linked.statusCode(), linked.asString());
        assertTrue(new JsonObject(linked.asString()).getString("error").contains("line 3"), linked.asString());
        assertEquals(List.of(), ok(ADMIN, "query($id: ID!) { memory(id: $id) { links { memory { id } } } }",
                vars("id", other)).getList("data.memory.links"));

        Response fine = Transfers.importStream(writer, TransferTest.header() + "\n"
                + memory(UUID.randomUUID().toString(), a, "Another memory of scope A.") + "\n");
        assertEquals(200, fine.statusCode(), fine.asString());
    }

    static String memory(String id, String scope, String content) {
        return new JsonObject().put("type", "memory").put("id", id).put("scope", scope).put("content", content)
                .encode();
    }
}
