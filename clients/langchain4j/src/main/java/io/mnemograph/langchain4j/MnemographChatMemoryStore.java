package io.mnemograph.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link ChatMemoryStore} that keeps each conversation as a Mnemograph session: the memory id is the session id, in
 * the configured scope, and every message becomes a memory whose content is {@code "role: text"} (user, assistant,
 * system, tool), so the agent's own chat is recallable later like any other memory.
 *
 * <p>The store is append-only, as a long-term memory should be: {@link #updateMessages} stores the messages it has
 * not seen yet (those after the longest overlap between the end of the stored conversation and the start of the given
 * list, which is how a sliding window such as {@code MessageWindowChatMemory} hands them over), and messages the
 * window evicts stay in the graph. Each memory's externalId is {@code langchain4j:<conversation>:<index>}, so a
 * retried update stores nothing twice. {@link #getMessages} returns the whole stored conversation in order (the
 * window trims it), with its latest system message first; {@link #deleteMessages} erases the conversation's memories
 * for good ({@code forget(hard: true)}).
 *
 * <p>The exact message (tool calls, names, attributes) travels as LangChain4j JSON in the memory's metadata, so
 * {@link #getMessages} gives back what was stored; memories written into the session by others are read from their
 * {@code "role: text"} content.
 *
 * <p>With a {@link MnemographContentRetriever} in the same AiServices, set
 * {@code storeRetrievedContentInChatMemory(false)}: otherwise LangChain4j stores the user's message with the recalled
 * memories appended, and they are remembered a second time inside it.
 */
public final class MnemographChatMemoryStore implements ChatMemoryStore {

    /** Metadata key: the message's index in its conversation, from 0. */
    public static final String INDEX = "langchain4j.index";
    /** Metadata key prefix: the message as LangChain4j JSON, in chunks {@code .0}, {@code .1}, … */
    public static final String MESSAGE = "langchain4j.message";

    // the server's limit on one metadata value
    private static final int CHUNK = 4096;
    // the index of a memory someone else wrote into the session (it has none of ours)
    private static final int FOREIGN = -1;
    // the server's largest timeline page
    private static final int PAGE = 1000;

    private final MnemographClient client;
    private final String scope;

    private MnemographChatMemoryStore(Builder builder) {
        this.client = builder.client != null ? builder.client
                : MnemographClient.builder().baseUrl(builder.baseUrl).apiKey(builder.apiKey).build();
        this.scope = builder.scope;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        List<ChatMessage> messages = new ArrayList<>();
        SystemMessage system = null;
        for (Stored stored : load(sessionId(memoryId))) {
            if (stored.message() instanceof SystemMessage s) {
                system = s;
            } else {
                messages.add(stored.message());
            }
        }
        if (system != null) {
            messages.add(0, system);
        }
        return messages;
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        String sessionId = sessionId(memoryId);
        List<Stored> stored = load(sessionId);
        String lastSystem = null;
        List<String> storedTurns = new ArrayList<>();
        for (Stored s : stored) {
            if (s.message() instanceof SystemMessage) {
                lastSystem = s.json();
            } else {
                storedTurns.add(s.json());
            }
        }
        List<ChatMessage> fresh = new ArrayList<>();
        List<String> givenTurns = new ArrayList<>();
        List<ChatMessage> givenTurnMessages = new ArrayList<>();
        for (ChatMessage message : messages) {
            String json = ChatMessageSerializer.messageToJson(message);
            if (message instanceof SystemMessage) {
                if (!json.equals(lastSystem)) {
                    fresh.add(message);
                    lastSystem = json;
                }
            } else {
                givenTurns.add(json);
                givenTurnMessages.add(message);
            }
        }
        int overlap = overlap(storedTurns, givenTurns);
        fresh.addAll(givenTurnMessages.subList(overlap, givenTurnMessages.size()));
        if (fresh.isEmpty()) {
            return;
        }
        int next = stored.stream().mapToInt(Stored::index).max().orElse(FOREIGN) + 1;
        List<MemoryInput> inputs = new ArrayList<>();
        for (ChatMessage message : fresh) {
            int index = next++;
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put(INDEX, Integer.toString(index));
            String json = ChatMessageSerializer.messageToJson(message);
            for (int i = 0, chunk = 0; i < json.length(); i += CHUNK, chunk++) {
                metadata.put(MESSAGE + "." + chunk, json.substring(i, Math.min(json.length(), i + CHUNK)));
            }
            inputs.add(new MemoryInput(content(message), scope, sessionId, externalId(sessionId, index), null,
                    metadata));
        }
        client.rememberAll(inputs);
    }

    @Override
    public void deleteMessages(Object memoryId) {
        for (Stored stored : load(sessionId(memoryId))) {
            client.forget(stored.memoryId(), true);
        }
    }

    /** The text a message is remembered and recalled by: {@code "role: text"}. */
    static String content(ChatMessage message) {
        if (message instanceof UserMessage user) {
            String text = user.contents().stream()
                    .filter(TextContent.class::isInstance)
                    .map(c -> ((TextContent) c).text())
                    .collect(Collectors.joining("\n"));
            return "user: " + text;
        }
        if (message instanceof AiMessage ai) {
            List<String> parts = new ArrayList<>();
            if (ai.text() != null && !ai.text().isBlank()) {
                parts.add(ai.text());
            }
            if (ai.hasToolExecutionRequests()) {
                ai.toolExecutionRequests().forEach(call -> parts.add("calls " + call.name() + call.arguments()));
            }
            return "assistant: " + String.join("\n", parts);
        }
        if (message instanceof SystemMessage system) {
            return "system: " + system.text();
        }
        if (message instanceof ToolExecutionResultMessage tool) {
            return "tool: " + tool.toolName() + " answered " + tool.text();
        }
        if (message instanceof CustomMessage custom) {
            return "custom: " + custom.attributes();
        }
        return message.type().name().toLowerCase() + ": " + message;
    }

    private List<Stored> load(String sessionId) {
        List<Stored> stored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        java.time.Instant from = null;
        while (true) {
            List<Memory> page = client.timeline(scope, sessionId, from, PAGE);
            boolean progressed = false;
            for (Memory memory : page) {
                if (seen.add(memory.id())) {
                    progressed = true;
                    stored.add(toStored(memory));
                }
                from = memory.occurredAt();
            }
            // timeline pages by event time; a full page continues from its last moment (that moment is read again)
            if (page.size() < PAGE || !progressed) {
                break;
            }
        }
        // timeline order is the conversation's order: each update is stored after the previous one, in message order
        return stored;
    }

    private static Stored toStored(Memory memory) {
        Map<String, String> metadata = memory.metadata();
        StringBuilder json = new StringBuilder();
        for (int chunk = 0; metadata.containsKey(MESSAGE + "." + chunk); chunk++) {
            json.append(metadata.get(MESSAGE + "." + chunk));
        }
        ChatMessage message = json.length() > 0
                ? ChatMessageDeserializer.messageFromJson(json.toString())
                : fromContent(memory.content());
        int index;
        try {
            index = Integer.parseInt(metadata.getOrDefault(INDEX, ""));
        } catch (NumberFormatException e) {
            index = FOREIGN;
        }
        return new Stored(memory.id(), index, message, ChatMessageSerializer.messageToJson(message));
    }

    private static ChatMessage fromContent(String content) {
        int colon = content.indexOf(": ");
        String role = colon < 0 ? "" : content.substring(0, colon);
        String text = colon < 0 ? content : content.substring(colon + 2);
        return switch (role) {
            case "assistant" -> AiMessage.from(text);
            case "system" -> SystemMessage.from(text);
            case "user" -> UserMessage.from(text);
            default -> UserMessage.from(content);
        };
    }

    /** The largest k such that the last k stored turns are the first k given turns. */
    private static int overlap(List<String> stored, List<String> given) {
        for (int k = Math.min(stored.size(), given.size()); k > 0; k--) {
            if (stored.subList(stored.size() - k, stored.size()).equals(given.subList(0, k))) {
                return k;
            }
        }
        return 0;
    }

    private static String sessionId(Object memoryId) {
        return Objects.requireNonNull(memoryId, "memoryId").toString();
    }

    private static String externalId(String sessionId, int index) {
        return "langchain4j:" + sessionId + ":" + index;
    }

    private record Stored(String memoryId, int index, ChatMessage message, String json) {
    }

    /**
     * Builds a {@link MnemographChatMemoryStore}: either a {@link #client(MnemographClient)} or a
     * {@link #baseUrl(String)} (and a key if the server asks for one).
     */
    public static final class Builder {
        private MnemographClient client;
        private String baseUrl;
        private String apiKey;
        private String scope;

        private Builder() {
        }

        /** A client to share with other parts of the agent; when set, baseUrl and apiKey are not used. */
        public Builder client(MnemographClient client) {
            this.client = client;
            return this;
        }

        /** The server's root, e.g. {@code http://localhost:8080}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The bearer key; none for a server running without security. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The scope the conversations live in; default the server's (the key's only scope, or {@code default}). */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public MnemographChatMemoryStore build() {
            if (client == null) {
                Objects.requireNonNull(baseUrl, "either client or baseUrl");
            }
            return new MnemographChatMemoryStore(this);
        }
    }
}
