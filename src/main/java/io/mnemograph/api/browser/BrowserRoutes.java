package io.mnemograph.api.browser;

import io.mnemograph.config.SecurityConfig;
import io.mnemograph.graph.GraphProvider;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Serves Neo4j Browser (the static files of org.neo4j.client:neo4j-browser) at /browser/, and the discovery document
 * it reads at / to find the embedded Bolt connector, so it connects without a login form; and under /browser-guide/
 * Mnemograph's graph style and its guide, which embedded Neo4j has the Browser load after connecting; and /graphiql,
 * GraphiQL opened on Mnemograph's examples.
 */
@Singleton
public class BrowserRoutes {

    private static final String GRASS = resource("browser-guide/mnemograph.grass");

    void routes(@Observes Router router, GraphProvider graph, SecurityConfig security) {
        // GraphiQL (SmallRye's UI) has no setting for its first query but takes one, with variables and headers, from
        // its URL: /graphiql opens it on graphql/examples/explore.graphql, ready for the key when security is on.
        boolean secured = security.adminKey().filter(k -> !k.isBlank()).isPresent();
        String graphiql = "/q/graphql-ui/?query=" + encode(resource("graphql/examples/explore.graphql"))
                + "&variables=" + encode("{\"id\": \"\", \"revisionId\": \"\"}")
                + (secured ? "&headers=" + encode("{\"Authorization\": \"Bearer mg_…\"}") : "");
        router.get("/graphiql").handler(ctx -> ctx.redirect(graphiql));
        router.getWithRegex("/browser").handler(ctx -> ctx.redirect("/browser/"));
        router.route("/browser/*").handler(StaticHandler.create("browser").setCachingEnabled(true));
        router.get("/browser-guide/mnemograph.grass").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Access-Control-Allow-Origin", "*")
                .end(GRASS));
        // Built on each request from cypher/explore/ on the classpath; the Browser fetches it with XHR, and a Browser
        // loaded from elsewhere (e.g. a Neo4j server's own) may :play it too, hence CORS.
        router.get("/browser-guide/mnemograph.html").blockingHandler(ctx -> {
            URI uri = URI.create(ctx.request().absoluteURI());
            String base = uri.getScheme() + "://" + uri.getRawAuthority();
            ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Access-Control-Allow-Origin", "*")
                    .end(BrowserGuide.html(Thread.currentThread().getContextClassLoader()).replace("{{base}}", base));
        });
        // Neo4j Browser asks the server it was loaded from for this document (as Neo4j's own HTTP server answers it).
        router.get("/").produces("application/json").handler(ctx -> {
            String bolt = "bolt://" + graph.embeddedBoltAddress().orElse("localhost:7687");
            ctx.json(new JsonObject()
                    .put("bolt_direct", bolt)
                    .put("bolt_routing", bolt.replace("bolt://", "neo4j://"))
                    .put("neo4j_version", "5.26")
                    .put("neo4j_edition", "community")
                    .put("auth_config", new JsonObject().put("oidc_providers", new io.vertx.core.json.JsonArray())));
        });
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String resource(String name) {
        try (InputStream in = BrowserRoutes.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
