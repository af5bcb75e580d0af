package io.mnemograph.api.security;

import io.mnemograph.access.Grants;
import io.mnemograph.access.Permission;
import io.mnemograph.config.SecurityConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Gives a verified JWT the same grants a key has, from two claims ({@code mnemograph.security.jwt.*}): the scopes it
 * may act in and its permissions. A token whose claims are missing or malformed is granted nothing.
 */
@ApplicationScoped
public class JwtGrants implements SecurityIdentityAugmentor {

    private final String scopesClaim;
    private final String permissionsClaim;

    JwtGrants(SecurityConfig config) {
        this.scopesClaim = config.jwt().scopesClaim();
        this.permissionsClaim = config.jwt().permissionsClaim();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || identity.getAttribute(CallerIdentity.GRANTS) != null) {
            return Uni.createFrom().item(identity);
        }
        Grants grants = grants(jwt);
        var b = QuarkusSecurityIdentity.builder(identity).addAttribute(CallerIdentity.GRANTS, grants);
        grants.permissions().forEach(p -> b.addRole(p.name()));
        return Uni.createFrom().item(b.build());
    }

    Grants grants(JsonWebToken jwt) {
        String name = "jwt:" + jwt.getName();
        try {
            List<String> scopes = Grants.validScopes(strings(jwt.getClaim(scopesClaim)));
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            for (String p : strings(jwt.getClaim(permissionsClaim))) {
                permissions.add(Permission.valueOf(p.strip().toUpperCase(java.util.Locale.ROOT)));
            }
            return new Grants(null, name, scopes, permissions);
        } catch (RuntimeException e) { // a malformed or missing claim: nothing granted, and the caller is told so
            return new Grants(null, name, List.of(), Set.of());
        }
    }

    private static List<String> strings(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                out.add(v instanceof JsonString s ? s.getString() : v.toString());
            }
        } else if (claim instanceof Collection<?> c) {
            c.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        } else if (claim instanceof JsonString s) {
            out.addAll(List.of(s.getString().trim().split("[\\s,]+")));
        } else if (claim instanceof String s) {
            out.addAll(List.of(s.trim().split("[\\s,]+")));
        }
        out.removeIf(String::isEmpty);
        return out;
    }
}
