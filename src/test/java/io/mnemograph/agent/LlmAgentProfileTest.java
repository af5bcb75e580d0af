package io.mnemograph.agent;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.mnemograph.agent.llm.AgentStats;
import io.mnemograph.agent.llm.ChatModels;
import io.mnemograph.agent.llm.LlmClient;
import io.mnemograph.config.MnemographConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LLM agent through HTTP, against a WireMock server speaking OpenAI chat-completions: what the model answers
 * becomes the note, links and evolution; whatever goes wrong with the model, the memory is still stored, READY, with a
 * heuristic note and no link the model was not offered.
 */
@QuarkusTest
@TestProfile(LlmAgentProfileTest.LlmProfile.class)
class LlmAgentProfileTest {

    public static class LlmProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mnemograph.agent", "llm", "mnemograph.agent.llm.timeout", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LlmServer.class));
        }
    }

    static final String NOTE_PROMPT = "note construction";
    static final String LINK_PROMPT = "link generation";

    static final String REMEMBER = "mutation($i: MemoryInput!) { remember(input: $i) { id } }";
    static final String MEMORY = """
            query($id: ID!) { memory(id: $id) { id keywords tags context status
              links { memory { id scope } reason by strength } revisions { field after agent } } }""";

    WireMockServer llm;
    @Inject
    HeuristicAgent heuristic;
    @Inject
    AgentStats stats;

    @BeforeEach
    void reset() {
        llm = LlmServer.server();
        llm.resetAll();
    }

    @Test
    void theModelsAnswerBecomesNoteLinksAndEvolution() {
        String scope = freshScope("llm-good");
        String t1 = token();
        String t2 = token();
        stubNote(t1, """
                {"keywords": ["turing", "grey cat", "adoption"], "context": "Caroline adopted a grey cat.",
                 "tags": ["pets"]}""");
        String a = remember(scope, "Caroline adopted a grey cat named Turing last March. " + t1);

        stubNote(t2, """
                ```json
                {"keywords": ["Turing", "vet visit"], "context": "Caroline took Turing to the vet.",
                 "tags": ["pets", "health"]}
                ```""");
        stubLink(t2, """
                {"links": [{"id": "%s", "reason": "the same cat, Turing", "strength": 1.7},
                           {"id": "not-a-candidate", "reason": "invented", "strength": 1.0}],
                 "updates": [{"id": "%s", "context": "Caroline adopted Turing, who later saw the vet.",
                              "reason": "the vet visit continues the story"},
                             {"id": "also-not-offered", "context": "x"}],
                 "supersedes": null}""".formatted(a, a));
        double droppedBefore = metric("mnemograph_agent_llm_dropped_total", "what=\"not_offered\"");
        String b = remember(scope, "Turing the cat had his first vet visit; he is healthy. " + t2);

        Map<String, Object> mb = memory(b);
        assertEquals("READY", mb.get("status"));
        assertEquals(List.of("turing", "vet visit"), mb.get("keywords"));
        assertEquals(List.of("pets", "health"), mb.get("tags"));
        assertEquals("Caroline took Turing to the vet.", mb.get("context"));
        List<Map<String, Object>> links = links(mb);
        assertEquals(1, links.size(), () -> "links: " + links);
        assertEquals(a, id(links.get(0)));
        assertEquals("the same cat, Turing", links.get(0).get("reason"));
        assertEquals("llm", links.get(0).get("by"));
        assertEquals(1.0, ((Number) links.get(0).get("strength")).doubleValue(), 1e-9);

        Map<String, Object> ma = memory(a);
        assertEquals(List.of("turing", "grey cat", "adoption"), ma.get("keywords"));
        assertEquals("Caroline adopted Turing, who later saw the vet.", ma.get("context"));
        List<Map<String, Object>> revisions = list(ma.get("revisions"));
        assertTrue(revisions.stream().anyMatch(r -> "context".equals(r.get("field")) && "llm".equals(r.get("agent"))),
                () -> "revisions: " + revisions);
        assertEquals(droppedBefore + 2, metric("mnemograph_agent_llm_dropped_total", "what=\"not_offered\""));
        assertConsistent(scope, a, b);
        // One note call each, one link call for the second (the first had no candidates).
        assertEquals(3, llm.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions")).build())
                .getCount());
    }

    @Test
    void malformedJsonFallsBackToTheHeuristicAgent() {
        failingModel("malformed", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(completion("Sure! Here are the keywords: cat, Turing {not json")));
    }

    @Test
    void idsThatWereNotOfferedFallBackToTheHeuristicAgent() {
        String scope = freshScope("llm-ids");
        String t = token();
        stubNote(t, """
                {"keywords": ["chess", "tournament"], "context": "Mel plays chess.", "tags": ["games"]}""");
        stubLink(t, """
                {"links": [{"id": "00000000-0000-0000-0000-000000000000", "reason": "made up", "strength": 0.9},
                           {"id": "99", "reason": "no such number", "strength": 0.9}],
                 "updates": [], "supersedes": {"id": "nope", "reason": "x"}}""");
        double before = metric("mnemograph_agent_llm_failures_total", "reason=\"not_offered\"", "step=\"link\"");
        String a = remember(scope, "Mel won the chess tournament at the library on Saturday. " + t);
        String b = remember(scope, "Mel won the chess tournament at the library on Saturday again. " + t);
        assertEquals(before + 1, metric("mnemograph_agent_llm_failures_total", "reason=\"not_offered\"",
                "step=\"link\""));
        Map<String, Object> mb = memory(b);
        assertEquals("READY", mb.get("status"));
        assertEquals(List.of("chess", "tournament"), mb.get("keywords"));
        for (Map<String, Object> l : links(mb)) {
            assertEquals(a, id(l));
            assertEquals("heuristic", l.get("by"));
        }
        assertConsistent(scope, a, b);
    }

    @Test
    void anHttpErrorFallsBackToTheHeuristicAgent() {
        failingModel("http", aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"overloaded\", \"type\": \"server_error\"}}"));
    }

    @Test
    void aTimeoutFallsBackToTheHeuristicAgent() {
        long start = System.nanoTime();
        failingModel("timeout", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withFixedDelay(4000).withBody(completion("{\"keywords\": [\"late\"]}")));
        // Three calls (two notes, one link) at a 1 s timeout each, not three 4 s waits.
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 11, () -> "took " + seconds + " s");
    }

    @Test
    void theSamePromptIsSentOnce() {
        String t = token();
        stubNote(t, """
                {"keywords": ["sourdough", "starter"], "context": "Baking sourdough bread.", "tags": ["cooking"]}""");
        String content = "Jon fed his sourdough starter before baking bread. " + t;
        double hits = metric("mnemograph_agent_llm_cache_hits_total", "step=\"note\"");
        String first = remember(freshScope("llm-cache"), content);
        String second = remember(freshScope("llm-cache"), content);

        assertEquals(1, llm.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(t)).withRequestBody(containing(NOTE_PROMPT)).build()).getCount());
        assertEquals(hits + 1, metric("mnemograph_agent_llm_cache_hits_total", "step=\"note\""));
        for (String id : List.of(first, second)) {
            Map<String, Object> m = memory(id);
            assertEquals("READY", m.get("status"));
            assertEquals(List.of("sourdough", "starter"), m.get("keywords"));
            assertEquals("Baking sourdough bread.", m.get("context"));
        }
    }

    @Test
    void ollamaIsSpokenToThroughItsOwnApi() {
        String t = token();
        llm.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(containing(t))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"model": "llama3.2", "created_at": "2024-05-01T10:00:00Z", "done": true, "done_reason": "stop",
                         "message": {"role": "assistant", "content": %s}}""".formatted(jsonString("""
                        {"keywords": ["kayak", "river"], "context": "Nate paddled a kayak down the river.",
                         "tags": ["outdoors"]}""")))));
        MnemographConfig.Llm ollama = new OllamaConfig(llm.baseUrl());
        LlmAgent agent = new LlmAgent(new LlmClient(ChatModels.build(ollama), "ollama/llama3.2", 10), heuristic,
                stats, 2);
        Note note = agent.construct(new NoteRequest("Nate paddled his kayak down the river. " + t, "s", null,
                Instant.now(), new float[384], List.of(), List.of(), Map.of(), 1, List.of()));

        assertEquals(new Note(List.of("kayak", "river"), List.of("outdoors"), "Nate paddled a kayak down the river."),
                note);
        llm.verify(1, postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(containing("\"format\""))
                .withRequestBody(containing("llama3.2")));
    }

    record OllamaConfig(String url) implements MnemographConfig.Llm {
        public String provider() {
            return "ollama";
        }

        public Optional<String> baseUrl() {
            return Optional.of(url);
        }

        public Optional<String> model() {
            return Optional.empty();
        }

        public Optional<String> apiKey() {
            return Optional.empty();
        }

        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        public int budget() {
            return 2;
        }

        public int cacheSize() {
            return 10;
        }

        public double temperature() {
            return 0;
        }

        public boolean jsonMode() {
            return true;
        }
    }

    /** Every call answers {@code response}: both memories are stored with a heuristic note, links only by it. */
    private void failingModel(String reason, ResponseDefinitionBuilder response) {
        String scope = freshScope("llm-" + reason);
        String t = token();
        llm.stubFor(chat(t).willReturn(response));
        double notes = metric("mnemograph_agent_llm_failures_total", "reason=\"" + reason + "\"", "step=\"note\"");
        double linksBefore = metric("mnemograph_agent_llm_failures_total", "reason=\"" + reason + "\"",
                "step=\"link\"");
        String a = remember(scope, "Caroline went hiking with her dog Max near the lake on Sunday. " + t);
        String b = remember(scope, "Caroline and Max hiked around the lake again on Sunday morning. " + t);

        assertEquals(notes + 2, metric("mnemograph_agent_llm_failures_total", "reason=\"" + reason + "\"",
                "step=\"note\""));
        assertEquals(linksBefore + 1, metric("mnemograph_agent_llm_failures_total", "reason=\"" + reason + "\"",
                "step=\"link\""));
        for (String id : List.of(a, b)) {
            Map<String, Object> m = memory(id);
            assertEquals("READY", m.get("status"));
            assertFalse(list(m.get("keywords")).isEmpty(), () -> "heuristic keywords for " + m);
            assertFalse(list(m.get("tags")).isEmpty(), () -> "heuristic tags for " + m);
            assertFalse(((String) m.get("context")).isBlank());
            for (Map<String, Object> l : links(m)) {
                assertEquals("heuristic", l.get("by"));
            }
        }
        assertConsistent(scope, a, b);
    }

    /** Every link of these memories joins two of them, all READY and in the scope; recall finds them. */
    private static void assertConsistent(String scope, String... ids) {
        Set<String> known = new HashSet<>(List.of(ids));
        for (String id : ids) {
            Map<String, Object> m = memory(id);
            assertEquals("READY", m.get("status"));
            for (Map<String, Object> l : links(m)) {
                assertTrue(known.contains(id(l)), () -> "link from " + id + " to an unknown memory: " + l);
                assertEquals(scope, ((Map<?, ?>) l.get("memory")).get("scope"));
            }
        }
        List<Map<String, Object>> found = ok(
                "query($q: String!, $s: String) { recall(query: $q, scope: $s) { memory { id } } }",
                vars("q", "what happened", "s", scope)).getList("data.recall");
        assertEquals(ids.length, found.size());
    }

    private void stubNote(String token, String json) {
        llm.stubFor(chat(token).withRequestBody(containing(NOTE_PROMPT))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(completion(json))));
    }

    private void stubLink(String token, String json) {
        llm.stubFor(chat(token).withRequestBody(containing(LINK_PROMPT))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(completion(json))));
    }

    private static MappingBuilder chat(String token) {
        return post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(token));
    }

    /** An OpenAI chat-completions answer whose message is {@code content}. */
    static String completion(String content) {
        return """
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "test-model",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}}"""
                .formatted(jsonString(content));
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static String token() {
        return "ref" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String remember(String scope, String content) {
        return ok(REMEMBER, vars("i", vars("content", content, "scope", scope))).getString("data.remember.id");
    }

    static Map<String, Object> memory(String id) {
        return ok(MEMORY, vars("id", id)).getMap("data.memory");
    }

    static List<Map<String, Object>> links(Map<String, Object> memory) {
        return list(memory.get("links"));
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object o) {
        return (List<T>) o;
    }

    static String id(Map<String, Object> link) {
        return (String) ((Map<?, ?>) link.get("memory")).get("id");
    }

    /** The sum of a Prometheus series at /q/metrics over the lines carrying every given label. */
    static double metric(String name, String... labels) {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String l : labels) {
                all &= line.contains(l);
            }
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
