package io.mnemograph.langchain4j;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server with security on: the admin key opens it, no key or a wrong one gets a clear HTTP 401. */
class SecuredServerTest {

    private static final String ADMIN_KEY = "lc4j-test-admin-key-0123456789abcdefghij";

    private static MnemographServer server;

    @BeforeAll
    static void start() throws Exception {
        server = MnemographServer.start(Map.of("MNEMOGRAPH_SECURITY_ADMIN_KEY", ADMIN_KEY));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_admin_key_remembers_and_recalls() {
        MnemographClient admin = MnemographClient.builder().baseUrl(server.baseUrl()).apiKey(ADMIN_KEY).build();
        admin.remember(MemoryInput.of("Alice adopted a grey cat named Turing.", "secured"));

        var contents = MnemographContentRetriever.builder().baseUrl(server.baseUrl()).apiKey(ADMIN_KEY)
                .scope("secured").build().retrieve(Query.from("What is the name of Alice's cat?"));

        assertEquals("Alice adopted a grey cat named Turing.", contents.get(0).textSegment().text());
        MnemographChatMemoryStore store = MnemographChatMemoryStore.builder().baseUrl(server.baseUrl())
                .apiKey(ADMIN_KEY).scope("secured").build();
        store.updateMessages("conv", List.of(UserMessage.from("Hi.")));
        assertEquals(List.of(UserMessage.from("Hi.")), store.getMessages("conv"));
    }

    @Test
    void without_a_key_the_client_is_refused_with_401() {
        MnemographClient anonymous = MnemographClient.builder().baseUrl(server.baseUrl()).build();

        MnemographException e = assertThrows(MnemographException.class,
                () -> anonymous.recall("What is the name of Alice's cat?", "secured", null, null));

        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("API key"), e.getMessage());
        MnemographChatMemoryStore store = MnemographChatMemoryStore.builder().baseUrl(server.baseUrl())
                .scope("secured").build();
        assertEquals(401, assertThrows(MnemographException.class, () -> store.getMessages("conv")).status());
    }

    @Test
    void a_wrong_key_is_refused_with_401() {
        MnemographClient wrong = MnemographClient.builder().baseUrl(server.baseUrl())
                .apiKey("mg_not-a-key-this-server-knows").build();

        MnemographException e = assertThrows(MnemographException.class,
                () -> wrong.remember(MemoryInput.of("Something.", "secured")));

        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("wrong, malformed or revoked"), e.getMessage());
    }
}
