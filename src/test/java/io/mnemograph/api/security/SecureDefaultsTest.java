package io.mnemograph.api.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where HTTP listens when nobody said: loopback while the server is open, every interface once keys are required. */
class SecureDefaultsTest {

    @Test
    void loopbackWithoutAnAdminKeyEveryInterfaceWithOne() {
        assertEquals("127.0.0.1", host(Map.of()));
        assertEquals("127.0.0.1", host(Map.of("mnemograph.security.admin-key", "  ")));
        assertEquals("0.0.0.0", host(Map.of("mnemograph.security.admin-key", "k".repeat(40))));
    }

    @Test
    void anExplicitHostWinsBecauseTheDefaultRanksBelowTheUsersSources() {
        ConfigSource source = new SecureDefaults().getConfigSources(context(Map.of())).iterator().next();
        // application.properties ranks 250, the environment 300, system properties 400
        assertTrue(source.getOrdinal() < 250, "ordinal " + source.getOrdinal());
    }

    private static String host(Map<String, String> config) {
        return new SecureDefaults().getConfigSources(context(config)).iterator().next().getValue("quarkus.http.host");
    }

    private static ConfigSourceContext context(Map<String, String> config) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String v = config.get(name);
                return v == null ? null : ConfigValue.builder().withName(name).withValue(v).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return Collections.unmodifiableSet(config.keySet()).iterator();
            }
        };
    }
}
