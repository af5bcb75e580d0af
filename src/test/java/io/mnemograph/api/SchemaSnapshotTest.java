package io.mnemograph.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * graphql/schema.graphql is the reviewed contract: it must equal the schema the server serves. After an intended API
 * change, run the tests with -DupdateSchema=true to rewrite the snapshot, and review its diff.
 */
@QuarkusTest
class SchemaSnapshotTest {

    @Test
    void committedSnapshotEqualsTheServedSchema() throws Exception {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Path snapshot = Path.of("graphql/schema.graphql");
        if (Boolean.getBoolean("updateSchema")) {
            Files.writeString(snapshot, served);
        }
        assertEquals(Files.readString(snapshot).strip(), served.strip(),
                "graphql/schema.graphql differs from the served schema: review the change, then run the tests with "
                        + "-DupdateSchema=true to update the snapshot");
    }
}
