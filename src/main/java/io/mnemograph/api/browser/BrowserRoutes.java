package io.mnemograph.api.browser;

import io.mnemograph.graph.GraphProvider;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Serves Neo4j Browser (the static files of org.neo4j.client:neo4j-browser) at /browser/, and the discovery document
 * it reads at / to find the embedded Bolt connector, so it connects without a login form.
 */
@Singleton
public class BrowserRoutes {

    void routes(@Observes Router router, GraphProvider graph) {
        router.getWithRegex("/browser").handler(ctx -> ctx.redirect("/browser/"));
        router.route("/browser/*").handler(StaticHandler.create("browser").setCachingEnabled(true));
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
}
