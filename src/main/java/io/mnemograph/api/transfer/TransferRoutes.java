package io.mnemograph.api.transfer;

import io.mnemograph.access.Grants;
import io.mnemograph.access.Permission;
import io.mnemograph.api.security.CallerIdentity;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.transfer.BadLine;
import io.mnemograph.transfer.ExportService;
import io.mnemograph.transfer.ImportService;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /export} streams scopes as NDJSON; {@code POST /import} reads such a stream back (docs/export.md). Both
 * sit behind the {@code authenticated} path policy; the scope checks are here. Graph work runs on worker threads: the
 * export writes its chunks from there, and the import body is first spooled to a temporary file on the event loop,
 * so that it can be read twice (checked whole, then written) without holding it in memory.
 */
@Singleton
public class TransferRoutes {

    private static final Logger LOG = Logger.getLogger(TransferRoutes.class);
    private static final String SPOOL = "mnemograph.import.spool";
    private static final int CHUNK = 64 * 1024;

    void routes(@Observes Router router, ExportService exporter, ImportService importer) {
        router.get("/export").blockingHandler(ctx -> export(ctx, exporter), false);
        router.post("/import").handler(this::spool);
        router.post("/import").blockingHandler(ctx -> load(ctx, importer), false);
    }

    private void export(RoutingContext ctx, ExportService exporter) {
        Optional<Grants> grants = grants(ctx);
        if (grants.isEmpty()) {
            fail(ctx, 401, "an API key is required");
            return;
        }
        List<String> asked = ctx.queryParam("scope");
        String scope;
        List<String> scopes;
        try {
            scope = asked.isEmpty() ? null : MemoryRules.scope(asked.get(0));
        } catch (InvalidInputException e) {
            fail(ctx, 400, e.getMessage());
            return;
        }
        if (scope == null) {
            if (!grants.get().allows("*", Permission.ADMIN)) {
                fail(ctx, 403, "exporting every scope needs the ADMIN permission over '*'; name one scope with ?scope=");
                return;
            }
            scopes = exporter.scopes();
        } else {
            if (!grants.get().allows(scope, Permission.READ)) {
                fail(ctx, 403, "this key may not read scope " + scope);
                return;
            }
            scopes = List.of(scope);
        }
        boolean vectors = "true".equalsIgnoreCase(ctx.request().getParam("vectors"));
        HttpServerResponse res = ctx.response();
        res.setChunked(true).putHeader("Content-Type", "application/x-ndjson; charset=utf-8");
        StringBuilder pending = new StringBuilder(CHUNK + 1024);
        try {
            exporter.export(scope, scopes, vectors, line -> {
                pending.append(line).append('\n');
                if (pending.length() >= CHUNK) {
                    send(res, pending);
                }
            });
            send(res, pending);
            res.end();
            LOG.infof("export: %s%s by %s", scope == null ? "every scope" : "scope " + scope,
                    vectors ? " with vectors" : "", grants.get().name());
        } catch (ClientGone e) {
            LOG.infof("export of %s: the client went away", scope == null ? "every scope" : scope);
        } catch (RuntimeException e) {
            LOG.error("export failed", e);
            if (!res.headWritten()) {
                fail(ctx, 500, "export failed; see the server log");
            } else {
                // the stream lacks its end line: closing tells the client it is cut short
                ctx.request().connection().close();
            }
        }
    }

    private static final class ClientGone extends RuntimeException {
        ClientGone() {
            super("client gone", null, false, false);
        }
    }

    /** Writes what is pending, first waiting (on this worker thread) while the client reads slower than we export. */
    private static void send(HttpServerResponse res, StringBuilder pending) {
        if (pending.length() == 0) {
            return;
        }
        if (res.closed()) {
            throw new ClientGone();
        }
        if (res.writeQueueFull()) {
            CountDownLatch drained = new CountDownLatch(1);
            res.drainHandler(v -> drained.countDown());
            try {
                if (res.writeQueueFull() && !drained.await(5, TimeUnit.MINUTES)) {
                    throw new ClientGone();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClientGone();
            }
        }
        res.write(Buffer.buffer(pending.toString()));
        pending.setLength(0);
    }

    /** On the event loop: checks the caller can write at all, then streams the body to a temporary file. */
    private void spool(RoutingContext ctx) {
        Optional<Grants> grants = grants(ctx);
        if (grants.isEmpty()) {
            fail(ctx, 401, "an API key is required");
            return;
        }
        if (!grants.get().holds(Permission.WRITE)) {
            fail(ctx, 403, "this key may not write");
            return;
        }
        ctx.request().pause();
        var fs = ctx.vertx().fileSystem();
        fs.createTempFile("mnemograph-import-", ".ndjson")
                .compose(path -> fs.open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
                        .compose(file -> ctx.request().pipeTo(file))
                        .onSuccess(v -> {
                            ctx.put(SPOOL, path);
                            ctx.next();
                        })
                        .onFailure(e -> fs.delete(path)))
                .onFailure(e -> {
                    LOG.warn("import: could not receive the body", e);
                    fail(ctx, 400, "the request body could not be read");
                });
    }

    private void load(RoutingContext ctx, ImportService importer) {
        Path file = Path.of((String) ctx.get(SPOOL));
        Grants grants = grants(ctx).orElseThrow();
        try {
            ImportService.Summary summary = importer.importFile(file, s -> grants.allows(s, Permission.WRITE));
            ctx.response().putHeader("Content-Type", "application/json").end(summary.json().encode());
        } catch (ImportService.Refused e) {
            fail(ctx, 403, "this key may not write in scope " + e.scope() + ": nothing was imported");
        } catch (BadLine e) {
            fail(ctx, e.conflict() ? 409 : 400, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("import failed", e);
            fail(ctx, 500, "import failed; see the server log");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("import: could not delete %s", file);
            }
        }
    }

    private static Optional<Grants> grants(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user ? CallerIdentity.grants(user.getSecurityIdentity())
                : Optional.empty();
    }

    private static void fail(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
