package io.mnemograph.agent.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.mnemograph.config.MnemographConfig;

/**
 * Builds the LLM agent's chat model from {@code mnemograph.agent.llm.*} at run time, so the provider, endpoint and key
 * can change without a rebuild. Inside Quarkus both builders use the Quarkus REST client (quarkus-langchain4j's SPI).
 * No retries: a failed step falls back to the heuristic agent instead of waiting again.
 */
public final class ChatModels {

    static final String OPENAI_URL = "https://api.openai.com/v1/";
    static final String OLLAMA_URL = "http://localhost:11434";

    private ChatModels() {
    }

    /** The model name in use: the configured one or the provider's default. */
    public static String modelName(MnemographConfig.Llm c) {
        return c.model().orElse(isOllama(c) ? "llama3.2" : "gpt-4o-mini");
    }

    public static ChatModel build(MnemographConfig.Llm c) {
        String provider = c.provider().strip().toLowerCase(java.util.Locale.ROOT);
        return switch (provider) {
            case "openai" -> {
                var b = OpenAiChatModel.builder()
                        .baseUrl(c.baseUrl().orElse(OPENAI_URL))
                        .apiKey(c.apiKey().filter(k -> !k.isBlank()).orElse("none"))
                        .modelName(modelName(c))
                        .temperature(c.temperature())
                        .timeout(c.timeout())
                        .maxRetries(0);
                if (c.jsonMode()) {
                    b.responseFormat(ResponseFormat.JSON);
                }
                yield b.build();
            }
            case "ollama" -> {
                var b = OllamaChatModel.builder()
                        .baseUrl(c.baseUrl().orElse(OLLAMA_URL))
                        .modelName(modelName(c))
                        .temperature(c.temperature())
                        .timeout(c.timeout())
                        .maxRetries(0);
                if (c.jsonMode()) {
                    b.responseFormat(ResponseFormat.JSON);
                }
                yield b.build();
            }
            default -> throw new IllegalStateException("mnemograph.agent.llm.provider '" + c.provider()
                    + "' is not known: use openai or ollama");
        };
    }

    private static boolean isOllama(MnemographConfig.Llm c) {
        return "ollama".equalsIgnoreCase(c.provider().strip());
    }
}
