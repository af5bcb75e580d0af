package io.mnemograph.access;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys kept in the graph as {@code (:ApiKey)} nodes, so that every replica of a server-mode deployment sees the
 * same keys and a revocation on the next request. A secret is {@code mg_<key id>_<43 random characters>}: the id finds
 * the node, and the node holds only a salted SHA-256 of the secret (the secret is random, so a slow hash adds nothing).
 */
@ApplicationScoped
public class ApiKeys {

    /** A new key and its secret, which is never shown again. */
    public record NewKey(ApiKey key, String secret) {
    }

    private static final Pattern SECRET = Pattern.compile("mg_([0-9a-f]{32})_[A-Za-z0-9_-]{43}");
    /** lastUsedAt is written at most this often per key: a busy key does not write on every request. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final GraphStore store;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(GraphStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates a key. {@code by} must hold ADMIN over every scope the new key is granted, and the new key gets no
     * permission its creator lacks.
     */
    public NewKey create(String name, List<String> scopes, Set<Permission> permissions, Grants by) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InvalidInputException("a key's name must have 1 to 100 characters");
        }
        if (permissions == null || permissions.isEmpty()) {
            throw new InvalidInputException("a key needs at least one permission");
        }
        List<String> grants = Grants.validScopes(scopes);
        if (!by.holds(Permission.ADMIN) || !by.covers(grants)) {
            throw new AccessDeniedException("this key may not create keys for " + grants);
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = "mg_" + id + "_" + B64.encodeToString(secretBytes);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltText = B64.encodeToString(salt);
        List<String> perms = EnumSet.copyOf(permissions).stream().map(Enum::name).toList();
        var rows = store.update("access/create_key", Map.of("id", id, "name", n, "scopes", grants,
                "permissions", perms, "now", utc(clock.instant()), "salt", saltText, "hash", hash(saltText, secret)));
        return new NewKey(key(cast(rows.get(0).get("key"))), secret);
    }

    /** Revokes a key at once; false when it was revoked already. Only a manager of all its scopes may. */
    public boolean revoke(String id, Grants by) {
        ApiKey k = find(id).filter(key -> by.holds(Permission.ADMIN) && by.covers(key.scopes()))
                .orElseThrow(() -> new NotFoundException("no API key " + id));
        if (k.revoked()) {
            return false;
        }
        store.update("access/revoke_key", Map.of("id", id, "now", utc(clock.instant())));
        return true;
    }

    /** The keys {@code by} manages (all of them for the admin key), oldest first. */
    public List<ApiKey> list(Grants by) {
        if (!by.holds(Permission.ADMIN)) {
            throw new AccessDeniedException("listing keys needs the ADMIN permission");
        }
        return store.query("access/keys", Map.of()).stream().map(r -> key(cast(r.get("key"))))
                .filter(k -> by.covers(k.scopes())).toList();
    }

    /** Whether a token has the shape of a key's secret (the admin key aside). */
    public static boolean looksLikeKey(String token) {
        return token.startsWith("mg_");
    }

    /** The grants of a secret, or empty when it is malformed, unknown, wrong or revoked. */
    public Optional<Grants> authenticate(String secret) {
        Matcher m = SECRET.matcher(secret);
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        var rows = store.query("access/key", Map.of("id", id));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = cast(rows.get(0).get("key"));
        boolean match = MessageDigest.isEqual(hash((String) row.get("salt"), secret).getBytes(StandardCharsets.US_ASCII),
                ((String) row.get("hash")).getBytes(StandardCharsets.US_ASCII));
        ApiKey key = key(row);
        if (!match || key.revoked()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
            store.update("access/touch_key", Map.of("id", id, "now", utc(now),
                    "before", utc(now.minus(TOUCH_INTERVAL))));
        }
        return Optional.of(key.grants());
    }

    /** Whether a stored key is still good: not revoked, not deleted. */
    public boolean active(String id) {
        return find(id).map(k -> !k.revoked()).orElse(false);
    }

    private Optional<ApiKey> find(String id) {
        var rows = store.query("access/key", Map.of("id", id));
        return rows.isEmpty() ? Optional.empty() : Optional.of(key(cast(rows.get(0).get("key"))));
    }

    static String hash(String salt, String secret) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt.getBytes(StandardCharsets.US_ASCII));
            d.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ApiKey key(Map<String, Object> r) {
        Set<Permission> perms = EnumSet.noneOf(Permission.class);
        for (Object p : (List<Object>) r.get("permissions")) {
            perms.add(Permission.valueOf((String) p));
        }
        return new ApiKey((String) r.get("id"), (String) r.get("name"),
                ((List<Object>) r.get("scopes")).stream().map(String::valueOf).toList(), perms,
                instant(r.get("createdAt")), instant(r.get("lastUsedAt")), Boolean.TRUE.equals(r.get("revoked")));
    }

    private static Instant instant(Object t) {
        return t == null ? null : ((ZonedDateTime) t).toInstant();
    }

    private static ZonedDateTime utc(Instant i) {
        return i.atZone(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
