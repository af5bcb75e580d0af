package io.mnemograph.api.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * Where the HTTP server listens when nobody said: on loopback only while security is off (no admin key), on every
 * interface once keys are required. {@code quarkus.http.host} set anywhere (QUARKUS_HTTP_HOST) overrides this: its
 * ordinal is below application.properties and the environment.
 */
public class SecureDefaults implements ConfigSourceFactory {

    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue key = context.getValue("mnemograph.security.admin-key");
        boolean secured = key != null && key.getValue() != null && !key.getValue().isBlank();
        return List.of(new PropertiesConfigSource(Map.of("quarkus.http.host", secured ? "0.0.0.0" : "127.0.0.1"),
                "mnemograph-secure-defaults", ORDINAL));
    }
}
