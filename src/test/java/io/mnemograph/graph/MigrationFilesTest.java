package io.mnemograph.graph;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every migration file is listed in cypher/migrations/index.txt (the list the runner reads), in order. */
class MigrationFilesTest {

    @Test
    void indexListsEveryMigrationFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("cypher/migrations"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cypher"))
                    .sorted().toList();
            assertEquals(onDisk, Migrations.files());
        }
    }

    @Test
    void splitsStatementsAndSkipsComments() {
        assertEquals(List.of("CREATE A", "CREATE B\n  OPTIONS {}"),
                Migrations.split("// comment\nCREATE A;\nCREATE B\n  OPTIONS {};\n"));
    }
}
