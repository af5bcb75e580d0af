package io.mnemograph.replicas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Mnemograph replica as users run it: {@code java -jar target/quarkus-app/quarkus-run.jar} in a process of its own,
 * in server mode against a Neo4j server (env {@code MNEMOGRAPH_NEO4J_URI}), with an admin key, on a free HTTP port.
 * Closing it stops the process.
 */
final class Replica implements AutoCloseable {

    // a start takes ~10 s on a quiet machine, far longer when the 2 cores are shared with other builds
    private static final Duration READY_WITHIN = Duration.ofSeconds(Long.getLong("replica.ready-timeout-seconds", 180));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    private final Process process;
    private final Path log;
    private final URI graphql;
    private final URI ready;

    private Replica(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.graphql = URI.create("http://127.0.0.1:" + port + "/graphql");
        this.ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    }

    /** Starts the packaged jar against this Neo4j; returns at once (see {@link #awaitReady()}). */
    static Replica start(String name, String boltUri, String adminKey, Path dataDir) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": this test runs after `package` (./mvnw -B verify)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", "replica-" + name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("MNEMOGRAPH_") || k.startsWith("QUARKUS_"));
        env.put("MNEMOGRAPH_NEO4J_URI", boltUri);
        env.put("MNEMOGRAPH_SECURITY_ADMIN_KEY", adminKey);
        // server mode must not touch it: the test checks it stays absent
        env.put("MNEMOGRAPH_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new Replica(name, process, log, port);
    }

    /** Waits until the replica reports ready (schema migrated, pending memories resumed, statements warmed up). */
    Replica awaitReady() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica " + name + " exited with " + process.exitValue()
                        + " before it was ready:\n" + logTail());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("replica " + name + " not ready within " + READY_WITHIN.toSeconds() + " s:\n"
                + logTail());
    }

    /** Posts a GraphQL request with this bearer key; the HTTP status and the JSON answer. */
    Answer post(String key, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            HttpRequest request = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("replica " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a request that must succeed (HTTP 200, no GraphQL error); its {@code data}. */
    JsonNode ok(String key, String query, Map<String, Object> variables) {
        Answer a = post(key, query, variables);
        if (a.status() != 200 || a.json() == null || a.json().hasNonNull("errors")) {
            throw new AssertionError("replica " + name + " answered " + a.status() + ": " + a.body());
        }
        return a.json().get("data");
    }

    record Answer(int status, JsonNode json, String body) {
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
