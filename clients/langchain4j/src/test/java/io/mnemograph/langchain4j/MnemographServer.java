package io.mnemograph.langchain4j;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Mnemograph server, started from the jar the root build writes, as a child process on free ports with its
 * data in a temporary directory. Closing it kills the process and deletes the data.
 */
final class MnemographServer implements AutoCloseable {

    // 90 s by default: a start takes ~6 s on a quiet machine and 40-55 s on a busy one with 2 cores
    private static final Duration READY_WITHIN =
            Duration.ofSeconds(Long.getLong("mnemograph.server.ready-timeout-seconds", 90));
    private static final List<String> ADD_OPENS = List.of("java.nio", "sun.nio.ch", "java.io", "java.lang",
            "java.util.concurrent", "java.util");

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final String baseUrl;

    private MnemographServer(Process process, Path dataDir, Path log, String baseUrl) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** Starts the server with these extra environment variables and waits until it is ready. */
    static MnemographServer start(Map<String, String> env) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("mnemograph.server.jar", "../../target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Mnemograph server jar is missing at " + jar + ": these tests start "
                    + "the real server. Build it first at the repository root: ./mvnw -B package -DskipTests");
        }
        int httpPort = freePort();
        int boltPort = freePort();
        Path dataDir = Files.createTempDirectory("mnemograph-lc4j-");
        Path log = Path.of("target", "mnemograph-server-" + httpPort + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ADD_OPENS.forEach(p -> command.add("--add-opens=java.base/" + p + "=ALL-UNNAMED"));
        command.add("-Xmx1g");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        // with an admin key the server would listen on every interface; these tests need loopback only
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("MNEMOGRAPH_DATA_DIR", dataDir.toString());
        builder.environment().put("MNEMOGRAPH_NEO4J_BOLT_ADDRESS", "localhost:" + boltPort);
        builder.environment().remove("MNEMOGRAPH_SECURITY_ADMIN_KEY");
        builder.environment().putAll(env);
        Process process = builder.start();
        // should the test JVM be stopped before JUnit closes the server, the server must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        MnemographServer server = new MnemographServer(process, dataDir, log, "http://127.0.0.1:" + httpPort);
        try {
            server.awaitReady();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String baseUrl() {
        return baseUrl;
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Mnemograph server exited with " + process.exitValue()
                        + " before it was ready; its log (" + log + ") ends with:\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The Mnemograph server was not ready within " + READY_WITHIN.toSeconds()
                + " s at " + baseUrl + "/q/health/ready; its log (" + log + ") ends with:\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
