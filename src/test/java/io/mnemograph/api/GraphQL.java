package io.mnemograph.api;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Talks to the running application's /graphql endpoint over real HTTP, as a user's client does. */
public final class GraphQL {

    private GraphQL() {
    }

    /** Posts a query; returns the whole JSON answer (data and errors). */
    public static JsonPath post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** Posts a query that must succeed; returns its answer. */
    public static JsonPath ok(String query, Map<String, Object> variables) {
        JsonPath answer = post(query, variables);
        assertNull(answer.get("errors"), () -> "GraphQL errors: " + answer.prettify());
        return answer;
    }

    /** Posts a query that must fail; returns the first error's message. */
    public static String error(String query, Map<String, Object> variables) {
        JsonPath answer = post(query, variables);
        List<Map<String, Object>> errors = answer.getList("errors");
        assertTrue(errors != null && !errors.isEmpty(), () -> "expected an error, got " + answer.prettify());
        return String.valueOf(errors.get(0).get("message"));
    }

    /** A scope no other test uses, so tests never see each other's memories. */
    public static String freshScope(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
