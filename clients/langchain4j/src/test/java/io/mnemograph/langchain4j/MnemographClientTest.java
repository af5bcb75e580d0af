package io.mnemograph.langchain4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed client against the real server: what it sends arrives, what the server answers comes back typed. */
@ExtendWith(OpenServer.class)
class MnemographClientTest {

    private final MnemographClient client;
    private final String scope = "lc4j-client-" + UUID.randomUUID();

    MnemographClientTest(MnemographServer server) {
        client = MnemographClient.builder().baseUrl(server.baseUrl() + "/").build();
    }

    @Test
    void remember_keeps_session_external_id_event_time_and_metadata() {
        Instant may = Instant.parse("2023-05-08T13:56:00Z");
        MemoryInput input = MemoryInput.of("Caroline went to a LGBTQ support group.", scope).withSessionId("s1")
                .withExternalId("D1:3").withOccurredAt(may).withMetadata(Map.of("speaker", "Caroline"));

        Memory memory = client.remember(input);
        Memory again = client.remember(input.withMetadata(Map.of("speaker", "someone else")));

        assertEquals(scope, memory.scope());
        assertEquals("s1", memory.sessionId());
        assertEquals("D1:3", memory.externalId());
        assertEquals(may, memory.occurredAt());
        assertEquals(Map.of("speaker", "Caroline"), memory.metadata());
        assertEquals(memory, again, "remembering a stored externalId again returns the stored memory unchanged");
    }

    @Test
    void remember_all_answers_in_input_order_and_timeline_reads_event_order() {
        List<Memory> stored = client.rememberAll(List.of(
                MemoryInput.of("Second.", scope).withSessionId("s").withOccurredAt(Instant.parse("2024-01-02T00:00:00Z")),
                MemoryInput.of("First.", scope).withSessionId("s").withOccurredAt(Instant.parse("2024-01-01T00:00:00Z")),
                MemoryInput.of("Elsewhere.", scope).withSessionId("t")));

        assertEquals(List.of("Second.", "First.", "Elsewhere."), stored.stream().map(Memory::content).toList());
        assertEquals(List.of("First.", "Second."),
                client.timeline(scope, "s", null, null).stream().map(Memory::content).toList());
        assertEquals(List.of("Second."), client.timeline(scope, "s", Instant.parse("2024-01-01T12:00:00Z"), 10)
                .stream().map(Memory::content).toList());
        assertEquals(List.of(), client.rememberAll(List.of()));
    }

    @Test
    void recall_answers_best_first_with_scores_and_reasons() {
        Memory cat = client.remember(MemoryInput.of("Alice adopted a grey cat named Turing.", scope));
        client.remember(MemoryInput.of("Bob repaired his bicycle on Sunday.", scope));

        List<Recollection> recalled = client.recall("What is the name of Alice's cat?", scope, 2, null);

        assertEquals(cat.id(), recalled.get(0).id());
        assertEquals(cat.content(), recalled.get(0).content());
        assertEquals(cat.occurredAt(), recalled.get(0).occurredAt());
        assertTrue(recalled.get(0).score() > recalled.get(1).score(), recalled.toString());
        assertTrue(recalled.get(0).reasons().stream().anyMatch(r -> r.startsWith("vector")), recalled.toString());
    }

    @Test
    void forget_archives_softly_and_a_second_forget_changes_nothing() {
        Memory memory = client.remember(MemoryInput.of("A passing thought.", scope).withSessionId("f"));

        assertTrue(client.forget(memory.id(), false));

        assertEquals(List.of(), client.timeline(scope, "f", null, null));
        assertFalse(client.forget(memory.id(), false));
    }

    @Test
    void an_unknown_memory_is_a_not_found_error() {
        MnemographException e = assertThrows(MnemographException.class,
                () -> client.forget("no-such-memory", true));

        assertEquals("not-found", e.code());
        assertTrue(e.getMessage().contains("no memory no-such-memory"), e.getMessage());
    }

    @Test
    void an_unreachable_server_is_named_in_the_error() {
        MnemographClient nowhere = MnemographClient.builder().baseUrl("http://127.0.0.1:1").build();

        MnemographException e = assertThrows(MnemographException.class, () -> nowhere.recall("x", null, null, null));

        assertEquals(0, e.status());
        assertTrue(e.getMessage().contains("http://127.0.0.1:1/graphql could not be reached"), e.getMessage());
    }
}
