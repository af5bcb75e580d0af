package io.mnemograph.agent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mnemograph.agent.llm.AgentStats;
import io.mnemograph.agent.llm.AgentStats.Failure;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the LLM agent reads and validates model answers (no model, no HTTP: the text of an answer in, decisions out). */
class LlmAnswersTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final LlmAgent agent = new LlmAgent(null, new HeuristicAgent(null), new AgentStats(registry), 2);
    final NoteRequest request = new NoteRequest("Ana met Bo at the harbour.", "s", null, Instant.EPOCH, new float[0],
            List.of("ana"), List.of("people"), Map.of(), 1, List.of());
    final NewMemory memory = new NewMemory("new", "Ana met Bo at the harbour.", null, Instant.EPOCH, new float[0],
            new Note(List.of("harbour"), List.of("travel"), "Ana met Bo."));
    final List<Neighbour> candidates = List.of(neighbour("a"), neighbour("b"), neighbour("c"));

    @Test
    void aNoteWrappedInProseAndAFenceIsReadAndTheCallersLabelsComeFirst() throws Exception {
        Note note = agent.note("""
                Here you go:
                ```json
                {"keywords": "Harbour, Bo, , harbour", "context": "  Ana   meets Bo. ", "tags": ["Travel", "people"],
                 "extra": 1,}
                ```""", request);
        assertEquals(List.of("ana", "harbour", "bo"), note.keywords());
        assertEquals(List.of("people", "travel"), note.tags());
        assertEquals("Ana meets Bo.", note.context());
    }

    @Test
    void aNoteWithNothingInItOrNoJsonIsUnusable() {
        assertEquals(Failure.EMPTY, assertThrows(LlmAgent.Unusable.class,
                () -> agent.note("{\"keywords\": [], \"context\": \" \"}", request)).reason);
        assertEquals(Failure.EMPTY, assertThrows(LlmAgent.Unusable.class, () -> agent.note("  ", request)).reason);
        assertEquals(Failure.MALFORMED, assertThrows(LlmAgent.Unusable.class,
                () -> agent.note("keywords: harbour", request)).reason);
        assertEquals(Failure.MALFORMED, assertThrows(LlmAgent.Unusable.class,
                () -> agent.note("{\"keywords\": [\"harbour\"", request)).reason);
    }

    @Test
    void linksKeepOnlyOfferedIdsOrNumbersWithClampedStrengths() throws Exception {
        Decisions d = agent.decisions("""
                {"links": [{"id": "a", "reason": "same harbour", "strength": 3},
                           {"id": "2", "strength": -1},
                           {"id": "a", "reason": "twice"},
                           {"id": "zzz", "reason": "invented"},
                           {"id": "7"}],
                 "updates": [{"id": "c", "context": "Bo works at the harbour.", "tags": ["Work", "travel"]},
                             {"id": "nope", "context": "x"}],
                 "supersedes": {"id": "b", "reason": "newer"}}""", memory, candidates);
        assertEquals(List.of(new Decisions.LinkDecision("a", "same harbour", 1.0),
                new Decisions.LinkDecision("b", "related, according to the model", 0.0)), d.links());
        assertEquals(2, d.evolutions().size());
        assertEquals("Bo works at the harbour.", d.evolutions().get(0).context());
        assertEquals(List.of("work", "travel"), d.evolutions().get(1).tags());
        assertEquals(3.0, registry.counter("mnemograph.agent.llm.dropped", "what", "not_offered").count());
    }

    @Test
    void onlyIdsThatWereNotOfferedIsNonsenseButLinkingNothingIsAnAnswer() throws Exception {
        assertEquals(Failure.NOT_OFFERED, assertThrows(LlmAgent.Unusable.class, () -> agent.decisions(
                "{\"links\": [{\"id\": \"x\"}, {\"id\": \"0\"}], \"updates\": []}", memory, candidates)).reason);
        assertEquals(Failure.EMPTY, assertThrows(LlmAgent.Unusable.class,
                () -> agent.decisions("{}", memory, candidates)).reason);
        Decisions none = agent.decisions("{\"links\": [], \"updates\": [], \"supersedes\": null}", memory, candidates);
        assertTrue(none.links().isEmpty() && none.evolutions().isEmpty());
    }

    @Test
    void linksAndUpdatesAreBounded() throws Exception {
        List<Neighbour> many = new java.util.ArrayList<>();
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            many.add(neighbour("m" + i));
            links.append(i == 0 ? "" : ",").append("{\"id\": \"m").append(i).append("\", \"reason\": \"")
                    .append("r".repeat(500)).append("\"}");
        }
        Decisions d = agent.decisions("{\"links\": [" + links + "]}", memory, many);
        assertEquals(LlmAgent.MAX_LINKS, d.links().size());
        assertEquals(LlmAgent.MAX_REASON, d.links().get(0).reason().length());
    }

    static Neighbour neighbour(String id) {
        return new Neighbour(id, "content of " + id, "context of " + id, List.of(), List.of("travel"), null,
                Instant.EPOCH, 0.5, List.of(), List.of());
    }
}
