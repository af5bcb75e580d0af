package io.mnemograph.api.security;

import io.mnemograph.access.ApiKeys;
import io.mnemograph.access.Grants;
import io.mnemograph.config.SecurityConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Turns a bearer key into the caller's grants: the admin key (every scope), or a key stored in the graph, read on
 * every request so that a revocation holds on the next one, on every replica. The graph is read off the event loop.
 * Any other token is left to the next provider: a JWT ({@link JwtGrants}).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final byte[] adminKey;
    private final ApiKeys keys;

    ApiKeyIdentityProvider(SecurityConfig config, ApiKeys keys) {
        this.adminKey = config.adminKey().map(k -> k.strip().getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.keys = keys;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (isAdminKey(token)) {
            return Uni.createFrom().item(CallerIdentity.of(Grants.ADMIN_KEY));
        }
        if (!ApiKeys.looksLikeKey(token)) {
            return Uni.createFrom().nullItem();
        }
        return context.runBlocking(() -> keys.authenticate(token).map(CallerIdentity::of)
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked key")));
    }

    /** Whether a bearer token is for this provider: the admin key or a key's secret (anything else may be a JWT). */
    boolean handles(String token) {
        return isAdminKey(token) || ApiKeys.looksLikeKey(token);
    }

    private boolean isAdminKey(String token) {
        return adminKey != null && MessageDigest.isEqual(adminKey, token.getBytes(StandardCharsets.UTF_8));
    }

    /** Before smallrye-jwt's validator, which would refuse our keys as malformed tokens. */
    @Override
    public int priority() {
        return 100;
    }
}
