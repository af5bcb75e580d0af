package io.mnemograph.api;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Talks to /graphql over real HTTP with a bearer key, as a client of a secured server does. Every answer is checked
 * for what an error must never carry: a stack trace, an exception's class name, our package names.
 */
final class Bearer {

    private Bearer() {
    }

    /** One HTTP answer: its status and, when it is JSON, the GraphQL answer. */
    record Answer(int status, JsonPath json, String body) {
        List<Map<String, Object>> errors() {
            return json == null ? null : json.getList("errors");
        }

        boolean failed() {
            return status != 200 || (errors() != null && !errors().isEmpty());
        }

        String firstError() {
            return errors() == null || errors().isEmpty() ? "" : String.valueOf(errors().get(0).get("message"));
        }
    }

    static Answer call(String key, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        Response r = request.when().post("/graphql");
        String text = r.asString();
        JsonPath json = text.startsWith("{") ? JsonPath.from(text) : null;
        Object errors = json == null ? null : json.get("errors");
        assertClean(json == null ? text : String.valueOf(errors));
        return new Answer(r.statusCode(), json, text);
    }

    /** A call that must succeed; returns its answer. */
    static JsonPath ok(String key, String query, Map<String, Object> variables) {
        Answer a = call(key, query, variables);
        assertEquals(200, a.status(), a.body());
        assertNull(a.errors(), () -> "GraphQL errors: " + a.body());
        return a.json();
    }

    /** A call that must fail with a GraphQL error; returns the first error's message. */
    static String error(String key, String query, Map<String, Object> variables) {
        Answer a = call(key, query, variables);
        assertEquals(200, a.status(), a.body());
        assertNotNull(a.errors(), () -> "expected an error, got " + a.body());
        assertFalse(a.errors().isEmpty());
        return a.firstError();
    }

    /** What no error may contain: a stack trace, a Java class or package name. */
    static void assertClean(String errors) {
        for (String bad : List.of("Exception", "\tat ", "io.mnemograph", "java.", "org.neo4j", "io.smallrye", "io.quarkus")) {
            assertFalse(errors.contains(bad), () -> "an error carries '" + bad + "': " + abbreviate(errors));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
