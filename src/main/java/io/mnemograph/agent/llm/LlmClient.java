package io.mnemograph.agent.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one prompt to the chat model and returns its raw text, with an LRU cache of usable answers keyed by the
 * SHA-256 of the model's name and the prompt: the same prompt is sent once while its answer stays in the cache.
 */
public final class LlmClient {

    /** A model answer and whether it came from the cache (no HTTP call). */
    public record Reply(String key, String text, boolean cached) {
    }

    private final ChatModel model;
    private final String modelName;
    private final Map<String, String> cache;
    private final int cacheSize;

    public LlmClient(ChatModel model, String modelName, int cacheSize) {
        this.model = model;
        this.modelName = modelName;
        this.cacheSize = Math.max(0, cacheSize);
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > LlmClient.this.cacheSize;
            }
        };
    }

    /** The cached answer to this prompt, or null. */
    public Reply cached(String prompt) {
        String key = key(prompt);
        synchronized (cache) {
            String text = cache.get(key);
            return text == null ? null : new Reply(key, text, true);
        }
    }

    /** Calls the model (no cache look-up); any failure of the call is thrown as the client threw it. */
    public Reply call(String prompt) {
        ChatResponse response = model.chat(ChatRequest.builder().messages(UserMessage.from(prompt)).build());
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        return new Reply(key(prompt), text, false);
    }

    /** Keeps an answer that turned out usable. */
    public void keep(Reply reply) {
        if (cacheSize > 0 && !reply.cached() && reply.text() != null) {
            synchronized (cache) {
                cache.put(reply.key(), reply.text());
            }
        }
    }

    private String key(String prompt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(modelName.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(prompt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
