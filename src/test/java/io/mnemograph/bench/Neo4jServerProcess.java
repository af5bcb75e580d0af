package io.mnemograph.bench;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Neo4j 5.26 server in a child JVM ({@link Neo4jServerMain}, started with this JVM's classpath), for the benchmarks'
 * server mode ({@code -Dbench.server=true}): the application reaches it only over Bolt, as it would a remote server.
 * The database and the child's log live under target/bench-server/. With the init argument {@code next=true}, a newer
 * Neo4j instead: the child runs on the JDK in {@code -Dneo4j.next.java} (21+) with the jars listed in the file
 * {@code -Dneo4j.next.classpath} (see src/test/resources/neo4j-next/pom.xml), this project's test classes first.
 */
public class Neo4jServerProcess implements QuarkusTestResourceLifecycleManager {

    private Process process;
    private boolean next;

    @Override
    public void init(Map<String, String> initArgs) {
        next = Boolean.parseBoolean(initArgs.getOrDefault("next", "false"));
    }

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target", "bench-server", String.valueOf(System.currentTimeMillis())).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty(next ? "neo4j.next.java" : "java.home"), "bin", "java").toString());
            // the same --add-opens as this JVM (surefire's argLine): Neo4j's page cache wants them
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-opens")).forEach(command::add);
            command.add("-Xmx" + System.getProperty("bench.server.heap", "1g"));
            command.add("-cp");
            command.add(next ? Path.of("target", "test-classes").toAbsolutePath() + java.io.File.pathSeparator
                    + Files.readString(Path.of(System.getProperty("neo4j.next.classpath"))).strip()
                    : System.getProperty("java.class.path"));
            command.add(Neo4jServerMain.class.getName());
            command.add(dir.resolve("db").toString());
            command.add(System.getProperty("bench.server.pageCache", "512m"));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Path log = dir.resolve("server.log");
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(Neo4jServerMain.READY)) {
                    String uri = line.substring(Neo4jServerMain.READY.length()).strip();
                    drain(out, log);
                    System.out.println("Neo4j server in child JVM " + process.pid() + " at " + uri + " (" + dir + ")");
                    return Map.of("mnemograph.neo4j.uri", uri);
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("the Neo4j server process ended before it was ready:\n" + seen);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps reading the child's output into its log, so that it never blocks on a full pipe. */
    private static void drain(BufferedReader out, Path log) {
        Thread t = new Thread(() -> {
            try (var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String l;
                while ((l = out.readLine()) != null) {
                    w.write(l);
                    w.newLine();
                    w.flush();
                }
            } catch (IOException ignored) {
                // the child is gone: nothing more to log
            }
        }, "neo4j-server-log");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
