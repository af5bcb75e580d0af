package io.mnemograph.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.mnemograph.api.Bearer.call;
import static io.mnemograph.api.Bearer.error;
import static io.mnemograph.api.Bearer.ok;
import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JWTs from an identity provider, verified with a locally generated RSA key pair: their claims grant scopes and
 * permissions exactly as a key's do, next to the keys themselves.
 */
@QuarkusTest
@TestProfile(JwtProfileTest.WithIdentityProvider.class)
class JwtProfileTest {

    static final String ISSUER = "https://idp.mnemograph.test";
    static final KeyPair STRANGER = keyPair();

    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path pem = Files.createTempDirectory("mnemograph-jwt").resolve("idp.pem");
                Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(idp().getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
                return Map.of("mnemograph.security.admin-key", SecurityProfileTest.ADMIN,
                        "mp.jwt.verify.publickey.location", pem.toUri().toString(),
                        "mp.jwt.verify.issuer", ISSUER);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aTokensClaimsGrantItsScopesAndPermissionsLikeAKey() {
        String team = freshScope("jwt-team");
        String other = freshScope("jwt-other");
        String token = token(idp().getPrivate(), ISSUER, Instant.now().plusSeconds(600),
                new JsonArray().add(team + ":*"), new JsonArray().add("READ").add("WRITE"));
        String id = ok(token, "mutation($i: MemoryInput!) { remember(input: $i) { id scope } }",
                vars("i", vars("content", "The team retro is on Thursday.", "scope", team + ":eng")))
                .getString("data.remember.id");
        assertEquals(id, ok(token, "query($s: String) { recall(query: \"retro\", scope: $s) { memory { id } } }",
                vars("s", team + ":eng")).getString("data.recall[0].memory.id"));
        assertTrue(error(token, "mutation($i: MemoryInput!) { remember(input: $i) { id } }",
                vars("i", vars("content", "elsewhere", "scope", other))).contains("no WRITE permission"));
        assertTrue(error(token, "mutation($id: ID!) { forget(id: $id) }", vars("id", id)).contains("no memory"));
        assertTrue(error(token, "{ apiKeys { id } }", null).contains("ADMIN"));
        // what the token may not see is not found
        String secret = ok(SecurityProfileTest.ADMIN, "mutation($i: MemoryInput!) { remember(input: $i) { id } }",
                vars("i", vars("content", "Not for the team.", "scope", other))).getString("data.remember.id");
        assertNull(ok(token, "query($id: ID!) { memory(id: $id) { content } }", vars("id", secret)).get("data.memory"));
        // keys keep working beside tokens
        String key = ok(SecurityProfileTest.ADMIN, SecurityProfileTest.CREATE_KEY, vars("n", "beside-jwt",
                "s", List.of(other), "p", List.of("READ"))).getString("data.createApiKey.secret");
        assertEquals("Not for the team.", ok(key, "query($id: ID!) { memory(id: $id) { content } }", vars("id", secret))
                .getString("data.memory.content"));
    }

    @Test
    void expiredForeignOrWronglyIssuedTokensAre401AndMissingClaimsGrantNothing() {
        JsonArray scopes = new JsonArray().add("*");
        JsonArray perms = new JsonArray().add("ADMIN");
        String q = "{ recall(query: \"x\", scope: \"x\") { score } }";
        assertEquals(401, call(token(idp().getPrivate(), ISSUER, Instant.now().minusSeconds(600), scopes, perms), q, null).status());
        assertEquals(401, call(token(STRANGER.getPrivate(), ISSUER, Instant.now().plusSeconds(600), scopes, perms), q, null).status());
        assertEquals(401, call(token(idp().getPrivate(), "https://elsewhere.test", Instant.now().plusSeconds(600), scopes, perms),
                q, null).status());
        String bare = token(idp().getPrivate(), ISSUER, Instant.now().plusSeconds(600), null, null);
        assertTrue(error(bare, q, null).contains("no READ permission"));
        String malformed = token(idp().getPrivate(), ISSUER, Instant.now().plusSeconds(600), new JsonArray().add("a b"), perms);
        assertTrue(error(malformed, q, null).contains("no READ permission"));
    }

    static String token(PrivateKey key, String issuer, Instant expires, JsonArray scopes, JsonArray permissions) {
        JsonObject claims = new JsonObject().put("iss", issuer).put("sub", "agent-7")
                .put("iat", Instant.now().minusSeconds(5).getEpochSecond()).put("exp", expires.getEpochSecond());
        if (scopes != null) {
            claims.put("mnemograph_scopes", scopes);
        }
        if (permissions != null) {
            claims.put("mnemograph_permissions", permissions);
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(new JsonObject().put("alg", "RS256").put("typ", "JWT").encode()
                .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rs256.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The identity provider's key pair, one per JVM: the profile (which configures the public key) and the test (which
     * signs) are loaded by different class loaders, so the pair travels through a system property.
     */
    static synchronized KeyPair idp() {
        String held = System.getProperty("jwt-profile-test.idp");
        try {
            if (held == null) {
                KeyPair pair = keyPair();
                System.setProperty("jwt-profile-test.idp", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
                        + "." + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                return pair;
            }
            String[] parts = held.split("\\.");
            java.security.KeyFactory rsa = java.security.KeyFactory.getInstance("RSA");
            return new KeyPair(rsa.generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(parts[1]))),
                    rsa.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[0]))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
