package io.mnemograph.api.security;

import io.mnemograph.access.Grants;
import io.mnemograph.config.SecurityConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <key>} and hands the key to the identity providers ({@link ApiKeyIdentityProvider});
 * a bearer token that is not a key is left to smallrye-jwt's mechanism ({@link JwtGrants}).
 * With security off (no admin key configured) every request is the local user with every grant: the server then
 * listens on loopback only ({@link SecureDefaults}). With security on, a request without a key is anonymous, and the
 * path policies in application.properties answer it 401.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ApiKeyMechanism.class);
    static final int MIN_ADMIN_KEY_LENGTH = 32;
    private static final String BEARER = "bearer ";

    private final boolean secured;
    private final ApiKeyIdentityProvider keys;

    ApiKeyMechanism(SecurityConfig config, ApiKeyIdentityProvider keys) {
        this.secured = config.adminKey().filter(k -> !k.isBlank()).isPresent();
        this.keys = keys;
    }

    void checkAtStart(@Observes StartupEvent event, SecurityConfig config) {
        if (secured && config.adminKey().get().strip().length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalStateException("mnemograph.security.admin-key (MNEMOGRAPH_SECURITY_ADMIN_KEY) must have at least "
                    + MIN_ADMIN_KEY_LENGTH + " characters");
        }
        LOG.info(secured ? "Security on: every request to /graphql needs a bearer key (docs/security.md)"
                : "Security off (no mnemograph.security.admin-key): open to anyone who reaches the HTTP port, "
                + "which listens on loopback only unless quarkus.http.host says otherwise");
    }

    /** Whether keys are required (an admin key is configured). */
    public boolean secured() {
        return secured;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager providers) {
        if (!secured) {
            return Uni.createFrom().item(CallerIdentity.of(Grants.OPEN));
        }
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(BEARER.length()).strip();
        if (!keys.handles(token)) {
            return Uni.createFrom().nullItem(); // a JWT, perhaps: smallrye-jwt's mechanism comes next
        }
        var request = new TokenAuthenticationRequest(new TokenCredential(token, "bearer"));
        return providers.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"mnemograph\""));
    }

    /** Before smallrye-jwt's mechanism: with security off, every request is the local user, bearer header or not. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
