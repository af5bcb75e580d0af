package io.mnemograph.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The memoryEvents subscription over a real WebSocket (graphql-transport-ws), as a client sees it. */
@QuarkusTest
class MemoryEventsTest {

    @TestHTTPResource("/graphql")
    URI graphql;
    @Inject
    Vertx vertx;

    @Test
    void subscribersSeeTheirScopesMemoriesRememberedAndLinked() throws Exception {
        String scope = freshScope("events");
        BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        BlockingQueue<String> acks = new LinkedBlockingQueue<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(graphql.getHost())
                .setPort(graphql.getPort()).setURI(graphql.getPath()).setSubProtocols(List.of("graphql-transport-ws"));
        WebSocket ws = vertx.createHttpClient().webSocket(options).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        ws.textMessageHandler(text -> {
            JsonObject m = new JsonObject(text);
            if ("connection_ack".equals(m.getString("type"))) {
                acks.add("ack");
            } else if ("next".equals(m.getString("type"))) {
                received.add(m.getJsonObject("payload").getJsonObject("data").getJsonObject("memoryEvents"));
            }
        });
        ws.writeTextMessage(new JsonObject().put("type", "connection_init").encode());
        assertNotNull(acks.poll(30, TimeUnit.SECONDS), "no connection_ack");
        ws.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe").put("payload", new JsonObject()
                .put("query", "subscription($s: String) { memoryEvents(scope: $s) { kind scope memoryId otherId } }")
                .put("variables", new JsonObject().put("s", scope))).encode());
        Thread.sleep(500); // the subscription is registered asynchronously

        ok("mutation($i: MemoryInput!) { remember(input: $i) { id } }", vars("i", vars("content",
                "Elsewhere entirely.", "scope", freshScope("other"))));
        String first = ok("mutation($i: MemoryInput!) { remember(input: $i) { id } }", vars("i", vars("content",
                "Caroline: we hiked to the glacier lake near Banff.", "scope", scope))).getString("data.remember.id");
        String second = ok("mutation($i: MemoryInput!) { remember(input: $i) { id } }", vars("i", vars("content",
                "Caroline: the glacier lake near Banff was freezing.", "scope", scope))).getString("data.remember.id");

        JsonObject e1 = received.poll(30, TimeUnit.SECONDS);
        assertNotNull(e1, "no event arrived");
        assertEquals("remembered", e1.getString("kind"));
        assertEquals(scope, e1.getString("scope"));
        assertEquals(first, e1.getString("memoryId"));
        JsonObject e2 = received.poll(30, TimeUnit.SECONDS);
        assertNotNull(e2);
        assertEquals(second, e2.getString("memoryId"));
        JsonObject e3 = received.poll(30, TimeUnit.SECONDS);
        assertNotNull(e3, "the second memory's link was not announced");
        assertEquals("linked", e3.getString("kind"));
        assertEquals(first, e3.getString("otherId"));
        ws.close();
    }
}
