package io.mnemograph.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** What an operator and a person exploring see: health, Neo4j Browser, the GraphQL UI. */
@QuarkusTest
class OperationsTest {

    @Test
    void readyAndLiveOnceNeo4jMigrationsAndModelAreUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'mnemograph' }.data.storage", equalTo("embedded"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void neo4jBrowserIsServedAndFindsTheEmbeddedBoltPort() {
        given().when().get("/browser/").then().statusCode(200).body(containsString("<html"));
        given().redirects().follow(false).when().get("/browser").then().statusCode(302)
                .header("Location", equalTo("/browser/"));
        given().accept("application/json").when().get("/").then().statusCode(200)
                .body("bolt_direct", startsWith("bolt://"));
    }

    @Test
    void graphqlUiIsServed() {
        given().when().get("/q/graphql-ui/").then().statusCode(200);
    }
}
