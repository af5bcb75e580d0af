package io.mnemograph.langchain4j;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An AiServices assistant whose retrieval augmentation is Mnemograph's recall, answering through an OpenAI stand-in. */
@ExtendWith(OpenServer.class)
class ContentRetrieverTest {

    private static final String FACT = "Alice adopted a grey cat named Turing.";
    private static final String ANSWER = "Alice's cat is called Turing.";

    interface Assistant {
        String chat(String question);
    }

    interface ChattingAssistant {
        String chat(@MemoryId String conversationId, @UserMessage String message);
    }

    private static WireMockServer openAi;
    private final MnemographClient client;

    ContentRetrieverTest(MnemographServer server) {
        client = MnemographClient.builder().baseUrl(server.baseUrl()).build();
    }

    @BeforeAll
    static void startOpenAi() {
        openAi = new WireMockServer(wireMockConfig().dynamicPort());
        openAi.start();
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "chatcmpl-1", "object": "chat.completion", "created": 1764800000, "model": "gpt-4o-mini",
                         "choices": [{"index": 0, "finish_reason": "stop",
                                      "message": {"role": "assistant", "content": "%s"}}],
                         "usage": {"prompt_tokens": 50, "completion_tokens": 7, "total_tokens": 57}}
                        """.formatted(ANSWER))));
    }

    @AfterAll
    static void stopOpenAi() {
        openAi.stop();
    }

    @BeforeEach
    void forgetRequests() {
        openAi.resetRequests();
    }

    @Test
    void the_assistant_answers_with_the_remembered_fact_in_its_prompt() {
        String scope = scope();
        client.remember(MemoryInput.of(FACT, scope));
        Assistant assistant = assistant(MnemographContentRetriever.builder().client(client).scope(scope).build());

        String answer = assistant.chat("What is the name of Alice's cat?");

        assertEquals(ANSWER, answer);
        String prompt = onlyPromptSent();
        assertTrue(prompt.contains(FACT), "the recalled memory should reach the model; the prompt was: " + prompt);
        assertTrue(prompt.contains("What is the name of Alice's cat?"), prompt);
    }

    @Test
    void a_scope_without_the_fact_sends_the_question_alone() {
        client.remember(MemoryInput.of(FACT, scope()));
        Assistant assistant = assistant(MnemographContentRetriever.builder().client(client).scope(scope()).build());

        assertEquals(ANSWER, assistant.chat("What is the name of Alice's cat?"));

        String prompt = onlyPromptSent();
        assertFalse(prompt.contains("Turing"), "another scope's memory leaked into the prompt: " + prompt);
    }

    @Test
    void an_assistant_with_the_store_as_its_chat_memory_sends_the_earlier_turns() {
        String scope = scope();
        ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl() + "/v1").apiKey("test-key")
                .modelName("gpt-4o-mini").build();
        MnemographChatMemoryStore store = MnemographChatMemoryStore.builder().client(client).scope(scope).build();
        ChattingAssistant assistant = AiServices.builder(ChattingAssistant.class)
                .chatModel(model)
                .contentRetriever(MnemographContentRetriever.builder().client(client).scope(scope).build())
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(20)
                        .chatMemoryStore(store).build())
                // otherwise the recalled memories are stored again inside the user's message
                .storeRetrievedContentInChatMemory(false)
                .build();

        assistant.chat("conv-1", "My sister Alice has a cat called Turing.");
        assistant.chat("conv-1", "What is her cat's name?");

        List<LoggedRequest> requests = openAi.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertEquals(2, requests.size());
        String second = requests.get(1).getBodyAsString();
        assertTrue(second.contains("My sister Alice has a cat called Turing.") && second.contains(ANSWER), second);
        assertEquals(List.of("user: My sister Alice has a cat called Turing.", "assistant: " + ANSWER,
                        "user: What is her cat's name?", "assistant: " + ANSWER),
                client.timeline(scope, "conv-1", null, null).stream().map(Memory::content).toList());
    }

    @Test
    void contents_carry_the_score_and_the_reasons() {
        String scope = scope();
        Memory cat = client.remember(MemoryInput.of(FACT, scope));
        client.remember(MemoryInput.of("Bob repaired his bicycle on Sunday.", scope));
        MnemographContentRetriever retriever = MnemographContentRetriever.builder().client(client).scope(scope)
                .limit(1).build();

        List<Content> contents = retriever.retrieve(Query.from("What is the name of Alice's cat?"));

        assertEquals(1, contents.size());
        Content content = contents.get(0);
        assertEquals(FACT, content.textSegment().text());
        assertEquals(cat.id(), content.textSegment().metadata().getString(MnemographContentRetriever.ID));
        double score = assertInstanceOf(Double.class, content.metadata().get(ContentMetadata.SCORE));
        assertTrue(score > 0, "score " + score);
        assertEquals(score, content.textSegment().metadata().getDouble(MnemographContentRetriever.SCORE));
        String reasons = content.textSegment().metadata().getString(MnemographContentRetriever.REASONS);
        assertTrue(reasons != null && !reasons.isBlank(), "reasons: " + reasons);
        assertEquals(cat.occurredAt().toString(),
                content.textSegment().metadata().getString(MnemographContentRetriever.OCCURRED_AT));
    }

    @Test
    void min_score_leaves_out_what_does_not_match() {
        String scope = scope();
        client.remember(MemoryInput.of(FACT, scope));
        // measured here: this short memory scores ~0.38 for the question about the cat and below 0 for the other
        MnemographContentRetriever strict = MnemographContentRetriever.builder().client(client).scope(scope)
                .minScore(0.2).build();

        assertEquals(List.of(), strict.retrieve(Query.from("Which stock exchange lists semiconductor companies?")));
        assertEquals(1, strict.retrieve(Query.from("What is the name of Alice's cat?")).size());
    }

    @Test
    void a_refused_request_says_what_the_server_said() {
        MnemographException e = assertThrows(MnemographException.class,
                () -> client.recall("anything", "not a valid scope!", null, null));

        assertTrue(e.getMessage().contains("scope 'not a valid scope!' is not valid"), e.getMessage());
        assertEquals("invalid-input", e.code());
    }

    private Assistant assistant(MnemographContentRetriever retriever) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(openAi.baseUrl() + "/v1")
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .build();
        return AiServices.builder(Assistant.class).chatModel(model).contentRetriever(retriever).build();
    }

    private static String onlyPromptSent() {
        List<LoggedRequest> requests = openAi.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertEquals(1, requests.size(), "requests to the model");
        return requests.get(0).getBodyAsString();
    }

    private static String scope() {
        return "lc4j-" + UUID.randomUUID();
    }
}
