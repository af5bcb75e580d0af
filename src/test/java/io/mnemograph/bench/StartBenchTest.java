package io.mnemograph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Start with a large store: runs the packaged server as a user does ({@code java -Xmx2g -jar
 * target/quarkus-app/quarkus-run.jar}) on the database a scale run left (newest under target/bench-graph/, or
 * {@code -Dbench.graph=DIR}), and measures the time from launch to ready, the first recall's answer time while the
 * vectors are still being read in the background, and when that read ends; then asks the same questions again and
 * checks the answers did not change (recall answers correctly while vectors load). Writes target/bench/start.md.
 * Run after a scale run and a package: {@code ./mvnw -B package -DskipTests && ./mvnw -B surefire:test -Pbench
 * -Dbench=start -Dtest=StartBenchTest [-Dbench.graph=DIR] [-Dbench.start.scope=scale-bench]} (only this test: a
 * Quarkus test in the same run would open the same database first).
 */
@Tag("benchmark")
class StartBenchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> QUESTIONS = List.of("What did Gina say about baking sourdough bread after work?",
            "When did Jon start hiking in the mountains?", "What happened at Velmorka?",
            "Who went painting landscapes with my sister?");

    /** The moment every question is asked as of: before the run, after every memory the scale run wrote. */
    private static final java.time.Instant AS_OF = java.time.Instant.now().minus(Duration.ofMinutes(5));

    @Test
    void start() throws Exception {
        String which = System.getProperty("bench", "locomo");
        Assumptions.assumeTrue(which.equals("start"), "-Dbench=" + which);
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "package first: no " + jar);
        Path graph = graphDir();
        String scope = System.getProperty("bench.start.scope", "scale-bench");
        String heap = System.getProperty("bench.start.heap", "2g");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", "bench", "start-server.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("MNEMOGRAPH_") || k.startsWith("QUARKUS_"));
        env.put("MNEMOGRAPH_DATA_DIR", graph.toString());
        env.put("MNEMOGRAPH_NEO4J_PAGE_CACHE", "512m");
        env.put("MNEMOGRAPH_NEO4J_BOLT_ENABLED", "false");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        long t0 = System.nanoTime();
        Process process = builder.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            while (!ready(base)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server stopped; see " + log);
                }
                if (seconds(t0) > 600) {
                    throw new IllegalStateException("not ready within 10 minutes; see " + log);
                }
                Thread.sleep(50);
            }
            double ready = seconds(t0);
            boolean loadingAtReady = !preloaded(log);
            List<List<String>> during = new ArrayList<>();
            List<Double> duringMs = new ArrayList<>();
            for (String q : QUESTIONS) {
                long q0 = System.nanoTime();
                during.add(recall(base, q, scope));
                duringMs.add((System.nanoTime() - q0) / 1e6);
            }
            boolean loadingAfterFirst = !preloaded(log);
            while (!preloaded(log)) {
                if (seconds(t0) > 900) {
                    throw new IllegalStateException("vectors not read within 15 minutes; see " + log);
                }
                Thread.sleep(100);
            }
            double loaded = seconds(t0);
            List<List<String>> after = new ArrayList<>();
            for (String q : QUESTIONS) {
                after.add(recall(base, q, scope));
            }
            String line = Files.readAllLines(log).stream().filter(x -> x.contains("read for search")).findFirst()
                    .orElse("");
            String report = String.format(Locale.ROOT, """
                            ## Start with a large store, %s

                            %d cores, Java %s, server `java -Xmx%s -jar target/quarkus-app/quarkus-run.jar` on %s \
                            (load average before: %s).

                            | launch → ready | vectors still loading at ready | first recall (scope %s) | its questions \
                            answered while loading | answers equal after the load | vectors read |
                            | --- | --- | --- | --- | --- | --- |
                            | %.1f s | %s | %.0f ms (then %s ms) | %s | %s | at %.1f s after launch (%s) |
                            """, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), heap, graph, load, scope, ready,
                    loadingAtReady ? "yes" : "no", duringMs.get(0),
                    duringMs.subList(1, duringMs.size()).stream().map(x -> String.format(Locale.ROOT, "%.0f", x))
                            .toList(), loadingAfterFirst ? "yes" : "no (the load ended first)",
                    during.equals(after) ? "yes" : "NO", loaded, line.replaceAll(".*\\) ", ""));
            Files.writeString(Path.of("target", "bench", "start.md"), report);
            System.out.println(report);
            assertFalse(during.get(0).isEmpty(), "the first recall found nothing in " + scope);
            assertEquals(after, during, "recall answered otherwise while the vectors were loading");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** -Dbench.graph, or the newest database a benchmark run left under target/bench-graph/. */
    private static Path graphDir() throws IOException {
        String given = System.getProperty("bench.graph");
        if (given != null) {
            return Path.of(given).toAbsolutePath();
        }
        Path root = Path.of("target", "bench-graph");
        Assumptions.assumeTrue(Files.isDirectory(root), "no database: run the scale benchmark first");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("nothing under " + root)).toAbsolutePath();
        }
    }

    private static boolean ready(URI base) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean preloaded(Path log) throws IOException {
        return Files.readString(log).contains("read for search");
    }

    /**
     * The ids recall answers, in order, as of {@link #AS_OF}: a look at the past reinforces nothing, so the answers
     * before and after the load can be compared (a recall as of now strengthens what it returns, and the next one
     * ranks otherwise).
     */
    private static List<String> recall(URI base, String question, String scope) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query",
                "query($q: String!, $s: String, $at: DateTime) { recall(query: $q, scope: $s, limit: 10, at: $at) "
                        + "{ memory { id } } }",
                "variables", Map.of("q", question, "s", scope, "at", AS_OF.toString())));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/graphql"))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(r.body());
        if (answer.has("errors")) {
            throw new IllegalStateException("recall failed: " + answer.get("errors"));
        }
        List<String> ids = new ArrayList<>();
        answer.at("/data/recall").forEach(x -> ids.add(x.at("/memory/id").asText()));
        return ids;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
