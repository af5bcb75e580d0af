package io.mnemograph.agent;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server on a free port standing in for an OpenAI-compatible endpoint ({@code POST /v1/chat/completions});
 * tests stub its answers. Points the LLM agent at it.
 */
public class LlmServer implements QuarkusTestResourceLifecycleManager {

    private static volatile WireMockServer server;

    /** The running server (started with the application). */
    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().containerThreads(16));
        server.start();
        String base = server.baseUrl();
        return Map.of(
                "mnemograph.agent.llm.base-url", base + "/v1/",
                "mnemograph.agent.llm.api-key", "test-key",
                "mnemograph.agent.llm.model", "test-model",
                "quarkus.langchain4j.openai.base-url", base + "/v1/");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
