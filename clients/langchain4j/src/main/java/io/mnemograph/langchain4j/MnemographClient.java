package io.mnemograph.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small typed client for Mnemograph's GraphQL API ({@code POST <baseUrl>/graphql}). Thread-safe; build one and share
 * it. Every method throws {@link MnemographException} when the server refuses the request or answers with errors.
 */
public final class MnemographClient {

    private static final String MEMORY_FIELDS =
            "id scope sessionId externalId content occurredAt metadata { key value }";

    private static final String REMEMBER = "mutation($input: MemoryInput!) { remember(input: $input) { "
            + MEMORY_FIELDS + " } }";
    private static final String REMEMBER_ALL = "mutation($inputs: [MemoryInput!]!) { rememberAll(inputs: $inputs) { "
            + MEMORY_FIELDS + " } }";
    private static final String RECALL = "query($query: String!, $scope: String, $limit: Int, $minScore: Float) { "
            + "recall(query: $query, scope: $scope, limit: $limit, minScore: $minScore) { "
            + "score reasons memory { id content occurredAt } } }";
    private static final String TIMELINE = "query($scope: String, $sessionId: String, $from: DateTime, $limit: Int) { "
            + "timeline(scope: $scope, sessionId: $sessionId, from: $from, limit: $limit) { " + MEMORY_FIELDS + " } }";
    private static final String FORGET = "mutation($id: ID!, $hard: Boolean) { forget(id: $id, hard: $hard) }";

    private final URI endpoint;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    private MnemographClient(Builder builder) {
        String base = Objects.requireNonNull(builder.baseUrl, "baseUrl");
        this.endpoint = URI.create(base.replaceAll("/+$", "") + "/graphql");
        this.apiKey = builder.apiKey;
        this.timeout = builder.timeout;
        this.http = builder.httpClient != null ? builder.httpClient
                : HttpClient.newBuilder().connectTimeout(builder.timeout).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Remembers one thing. Remembering again with a stored (scope, externalId) returns that memory unchanged. */
    public Memory remember(MemoryInput input) {
        ObjectNode variables = json.createObjectNode();
        variables.set("input", toJson(input));
        return toMemory(execute(REMEMBER, variables).get("remember"));
    }

    /** Remembers a batch, all or nothing; the answer is in input order. An empty batch asks nothing of the server. */
    public List<Memory> rememberAll(List<MemoryInput> inputs) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        ObjectNode variables = json.createObjectNode();
        ArrayNode array = variables.putArray("inputs");
        inputs.forEach(input -> array.add(toJson(input)));
        List<Memory> memories = new ArrayList<>();
        execute(REMEMBER_ALL, variables).get("rememberAll").forEach(node -> memories.add(toMemory(node)));
        return memories;
    }

    /**
     * The memories of a scope that matter for a question, best first.
     *
     * @param scope    null for the server's default scope
     * @param limit    at most this many (1..1000), or null for the server's default (10)
     * @param minScore leave out results scoring below it, or null for none (0.45 abstains well on off-topic questions)
     */
    public List<Recollection> recall(String query, String scope, Integer limit, Double minScore) {
        ObjectNode variables = json.createObjectNode();
        variables.put("query", Objects.requireNonNull(query, "query"));
        // absent rather than null, so the server's defaults apply
        putIfPresent(variables, "scope", scope);
        putIfPresent(variables, "limit", limit);
        putIfPresent(variables, "minScore", minScore);
        List<Recollection> recollections = new ArrayList<>();
        for (JsonNode node : execute(RECALL, variables).get("recall")) {
            JsonNode memory = node.get("memory");
            List<String> reasons = new ArrayList<>();
            node.get("reasons").forEach(reason -> reasons.add(reason.asText()));
            recollections.add(new Recollection(memory.get("id").asText(), node.get("score").asDouble(),
                    memory.get("content").asText(), instant(memory.get("occurredAt")), List.copyOf(reasons)));
        }
        return recollections;
    }

    /**
     * The memories of a scope, or of one of its sessions, in event order; archived (softly forgotten) ones left out.
     *
     * @param scope     null for the server's default scope
     * @param sessionId null for the whole scope
     * @param from      only memories that happened at or after it, or null
     * @param limit     at most this many (1..1000), or null for the server's default (100)
     */
    public List<Memory> timeline(String scope, String sessionId, Instant from, Integer limit) {
        ObjectNode variables = json.createObjectNode();
        putIfPresent(variables, "scope", scope);
        putIfPresent(variables, "sessionId", sessionId);
        putIfPresent(variables, "from", from);
        putIfPresent(variables, "limit", limit);
        List<Memory> memories = new ArrayList<>();
        execute(TIMELINE, variables).get("timeline").forEach(node -> memories.add(toMemory(node)));
        return memories;
    }

    /**
     * Forgets a memory: archives it (out of recall and timelines, back with the server's {@code restore}), or with
     * {@code hard} erases it and every trace of its content. Answers whether anything changed.
     */
    public boolean forget(String id, boolean hard) {
        ObjectNode variables = json.createObjectNode();
        variables.put("id", Objects.requireNonNull(id, "id"));
        variables.put("hard", hard);
        return execute(FORGET, variables).get("forget").asBoolean();
    }

    private JsonNode execute(String query, ObjectNode variables) {
        ObjectNode body = json.createObjectNode();
        body.put("query", query);
        body.set("variables", variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            request.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MnemographException("Mnemograph at " + endpoint + " could not be reached: " + e.getMessage(),
                    0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MnemographException("Interrupted while calling Mnemograph at " + endpoint, 0, null, e);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new MnemographException("Mnemograph refused the request (HTTP 401): "
                    + (apiKey == null ? "it needs an API key (Authorization: Bearer <key>); set one on the client"
                    : "the API key is wrong, malformed or revoked"), status, "unauthorized", null);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw new MnemographException("Mnemograph answered HTTP " + status + " without a GraphQL answer: "
                    + abbreviate(response.body()), status, null, null);
        }
        JsonNode errors = answer.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(error -> messages.add(error.path("message").asText("(no message)")));
            String code = errors.get(0).path("extensions").path("code").asText(null);
            throw new MnemographException("Mnemograph answered with an error: " + String.join("; ", messages),
                    status, code, null);
        }
        if (status / 100 != 2 || !answer.hasNonNull("data")) {
            throw new MnemographException("Mnemograph answered HTTP " + status + ": " + abbreviate(response.body()),
                    status, null, null);
        }
        return answer.get("data");
    }

    private ObjectNode toJson(MemoryInput input) {
        ObjectNode node = json.createObjectNode();
        node.put("content", input.content());
        if (input.scope() != null) {
            node.put("scope", input.scope());
        }
        if (input.sessionId() != null) {
            node.put("sessionId", input.sessionId());
        }
        if (input.externalId() != null) {
            node.put("externalId", input.externalId());
        }
        if (input.occurredAt() != null) {
            node.put("occurredAt", input.occurredAt().toString());
        }
        if (!input.metadata().isEmpty()) {
            ArrayNode entries = node.putArray("metadata");
            input.metadata().forEach((key, value) -> entries.addObject().put("key", key).put("value", value));
        }
        return node;
    }

    private void putIfPresent(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.set(name, json.valueToTree(value instanceof Instant ? value.toString() : value));
        }
    }

    private static Memory toMemory(JsonNode node) {
        Map<String, String> metadata = new LinkedHashMap<>();
        node.path("metadata").forEach(entry -> metadata.put(entry.get("key").asText(), entry.get("value").asText()));
        return new Memory(node.get("id").asText(), text(node.get("scope")), text(node.get("sessionId")),
                text(node.get("externalId")), node.get("content").asText(), instant(node.get("occurredAt")),
                java.util.Collections.unmodifiableMap(metadata));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : OffsetDateTime.parse(node.asText()).toInstant();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    /** Builds a {@link MnemographClient}; only the base URL is required. */
    public static final class Builder {
        private String baseUrl;
        private String apiKey;
        private Duration timeout = Duration.ofSeconds(60);
        private HttpClient httpClient;

        private Builder() {
        }

        /** The server's root, e.g. {@code http://localhost:8080}; {@code /graphql} is added. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The bearer key sent with every request; none for a server running without security. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** How long one request may take, connecting included; default 60 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The JDK HTTP client to use (proxies, TLS); by default one of its own. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public MnemographClient build() {
            return new MnemographClient(this);
        }
    }
}
