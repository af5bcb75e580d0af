package io.mnemograph.access;

import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.MemoryRules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a caller may do: permissions over scope grants. A grant is an exact scope name, or a prefix ending in {@code *}
 * ({@code team-b:*} matches {@code team-b:eng}, not {@code team-bx}; {@code *} alone matches every scope).
 *
 * @param keyId       the stored key's id, or null for the admin key and for an open server (security off)
 * @param name        who the caller is, for logs and messages
 * @param scopes      the grants
 * @param permissions what it may do in them; ADMIN implies the others
 */
public record Grants(String keyId, String name, List<String> scopes, Set<Permission> permissions) {

    private static final Pattern GRANT = Pattern.compile("[A-Za-z0-9._:-]{0,127}\\*");

    /** Every scope, every permission: the admin key. */
    public static final Grants ADMIN_KEY = new Grants(null, "admin", List.of("*"), EnumSet.allOf(Permission.class));

    /** Every scope, every permission: a server with security off (it listens on loopback only then). */
    public static final Grants OPEN = new Grants(null, "local", List.of("*"), EnumSet.allOf(Permission.class));

    public Grants {
        scopes = List.copyOf(scopes);
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** Whether this caller may do {@code permission} in {@code scope}. */
    public boolean allows(String scope, Permission permission) {
        if (!permissions.contains(permission) && !permissions.contains(Permission.ADMIN)) {
            return false;
        }
        for (String grant : scopes) {
            if (matches(grant, scope)) {
                return true;
            }
        }
        return false;
    }

    /** Whether it holds a permission at all, in some scope. */
    public boolean holds(Permission permission) {
        return permissions.contains(permission) || permissions.contains(Permission.ADMIN);
    }

    /** The scope a request without one acts in: the caller's only grant, when that is one exact scope. */
    public Optional<String> onlyScope() {
        return scopes.size() == 1 && !scopes.get(0).endsWith("*") ? Optional.of(scopes.get(0)) : Optional.empty();
    }

    /** Whether every scope {@code other} reaches, this reaches too (so an ADMIN key manages only keys below it). */
    public boolean covers(List<String> other) {
        for (String o : other) {
            boolean covered = false;
            for (String mine : scopes) {
                if (mine.endsWith("*") ? o.startsWith(mine.substring(0, mine.length() - 1)) : mine.equals(o)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(String grant, String scope) {
        return grant.endsWith("*") ? scope.startsWith(grant.substring(0, grant.length() - 1)) : grant.equals(scope);
    }

    /** Checks the grants a new key asks for: exact scope names or prefixes ending in {@code *}; duplicates dropped. */
    public static List<String> validScopes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidInputException("a key needs at least one scope");
        }
        if (requested.size() > 100) {
            throw new InvalidInputException("a key may be granted at most 100 scopes");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : requested) {
            if (s != null && GRANT.matcher(s).matches()) {
                out.add(s);
            } else {
                out.add(MemoryRules.scope(s == null ? "" : s));
            }
        }
        return new ArrayList<>(out);
    }
}
