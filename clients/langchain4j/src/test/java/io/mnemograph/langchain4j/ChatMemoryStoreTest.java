package io.mnemograph.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversations kept as Mnemograph sessions, read back in order, kept apart, and erased. */
@ExtendWith(OpenServer.class)
class ChatMemoryStoreTest {

    private final MnemographClient client;
    private final String scope = "lc4j-chat-" + UUID.randomUUID();
    private final MnemographChatMemoryStore store;

    ChatMemoryStoreTest(MnemographServer server) {
        client = MnemographClient.builder().baseUrl(server.baseUrl()).build();
        store = MnemographChatMemoryStore.builder().client(client).scope(scope).build();
    }

    @Test
    void a_conversation_is_stored_read_back_in_order_and_deleted() {
        List<ChatMessage> first = List.of(
                SystemMessage.from("You are a helpful assistant."),
                UserMessage.from("My sister Alice adopted a grey cat."),
                AiMessage.from("How lovely! What is the cat's name?"));
        store.updateMessages("conv-1", first);
        List<ChatMessage> second = new ArrayList<>(first);
        second.add(UserMessage.from("She named it Turing."));
        second.add(AiMessage.from("Turing is a fine name for a cat."));
        store.updateMessages("conv-1", second);

        assertEquals(second, store.getMessages("conv-1"));
        // what the graph shows: one memory per message, "role: text", in the conversation's session
        List<String> timeline = client.timeline(scope, "conv-1", null, null).stream().map(Memory::content).toList();
        assertEquals(List.of("system: You are a helpful assistant.", "user: My sister Alice adopted a grey cat.",
                "assistant: How lovely! What is the cat's name?", "user: She named it Turing.",
                "assistant: Turing is a fine name for a cat."), timeline);

        store.deleteMessages("conv-1");

        assertEquals(List.of(), store.getMessages("conv-1"));
        assertEquals(List.of(), client.timeline(scope, "conv-1", null, null));
        assertEquals(List.of(), client.recall("What is the name of Alice's cat?", scope, null, null));
    }

    @Test
    void a_retried_update_stores_nothing_twice() {
        List<ChatMessage> messages = List.of(UserMessage.from("Remind me to water the plants."),
                AiMessage.from("I will remind you."));
        store.updateMessages("conv-retry", messages);
        store.updateMessages("conv-retry", messages);
        // a second store (another replica, or after a restart) sees the same conversation
        MnemographChatMemoryStore.builder().client(client).scope(scope).build().updateMessages("conv-retry", messages);

        assertEquals(messages, store.getMessages("conv-retry"));
        assertEquals(2, client.timeline(scope, "conv-retry", null, null).size());
    }

    @Test
    void two_conversations_stay_separate() {
        store.updateMessages("conv-a", List.of(UserMessage.from("I live in Lisbon.")));
        store.updateMessages("conv-b", List.of(UserMessage.from("I live in Oslo."), AiMessage.from("Cold winters!")));

        assertEquals(List.of(UserMessage.from("I live in Lisbon.")), store.getMessages("conv-a"));
        assertEquals(List.of(UserMessage.from("I live in Oslo."), AiMessage.from("Cold winters!")),
                store.getMessages("conv-b"));

        store.deleteMessages("conv-a");

        assertEquals(List.of(), store.getMessages("conv-a"));
        assertEquals(2, store.getMessages("conv-b").size());
    }

    @Test
    void a_conversation_goes_on_after_it_was_deleted() {
        store.updateMessages("conv-again", List.of(UserMessage.from("Hello.")));
        store.deleteMessages("conv-again");

        store.updateMessages("conv-again", List.of(UserMessage.from("Hello.")));

        assertEquals(List.of(UserMessage.from("Hello.")), store.getMessages("conv-again"));
    }

    @Test
    void a_message_window_keeps_its_window_while_the_graph_keeps_the_whole_conversation() {
        ChatMemory memory = MessageWindowChatMemory.builder().id("conv-window").maxMessages(3)
                .chatMemoryStore(store).build();
        memory.add(SystemMessage.from("Answer briefly."));
        for (int turn = 1; turn <= 4; turn++) {
            memory.add(UserMessage.from("Question " + turn + "?"));
            memory.add(AiMessage.from("Answer " + turn + "."));
        }

        // a window of 3 keeps the system message and the last two turns
        assertEquals(List.of(SystemMessage.from("Answer briefly."), UserMessage.from("Question 4?"),
                AiMessage.from("Answer 4.")), memory.messages());
        List<String> all = client.timeline(scope, "conv-window", null, null).stream().map(Memory::content).toList();
        assertEquals(9, all.size(), all.toString());
        assertEquals("user: Question 1?", all.get(1));
        assertEquals("assistant: Answer 4.", all.get(8));

        // evicted turns are still recallable
        assertTrue(client.recall("Question 1", scope, 10, null).stream()
                .anyMatch(r -> r.content().equals("user: Question 1?")));

        // a new window over the same store (a restart) picks the conversation up where it was
        ChatMemory restarted = MessageWindowChatMemory.builder().id("conv-window").maxMessages(3)
                .chatMemoryStore(MnemographChatMemoryStore.builder().client(client).scope(scope).build()).build();
        assertEquals(memory.messages(), restarted.messages());
    }

    @Test
    void a_memory_written_into_the_session_by_others_is_read_from_its_content() {
        client.remember(MemoryInput.of("user: I wrote this through GraphQL.", scope).withSessionId("conv-shared"));

        List<ChatMessage> read = store.getMessages("conv-shared");
        assertEquals(List.of(UserMessage.from("I wrote this through GraphQL.")), read);

        List<ChatMessage> next = new ArrayList<>(read);
        next.add(AiMessage.from("Noted."));
        store.updateMessages("conv-shared", next);

        assertEquals(next, store.getMessages("conv-shared"));
    }

    @Test
    void tool_calls_come_back_exactly() {
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("call-1").name("weather")
                .arguments("{\"city\": \"Oslo\"}").build();
        List<ChatMessage> messages = List.of(UserMessage.from("Weather in Oslo?"), AiMessage.from(List.of(call)),
                ToolExecutionResultMessage.from(call, "-3 °C, snow"), AiMessage.from("It is -3 °C and snowing."));

        store.updateMessages("conv-tools", messages);

        assertEquals(messages, store.getMessages("conv-tools"));
        assertEquals("assistant: calls weather{\"city\": \"Oslo\"}",
                client.timeline(scope, "conv-tools", null, null).get(1).content());
    }
}
