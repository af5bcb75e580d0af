package io.mnemograph.langchain4j;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;

/**
 * Hands test classes one server without security, started on first use and shared by every class of the run (a
 * start costs seconds); JUnit closes it when the run ends.
 */
final class OpenServer implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MnemographServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(OpenServer.class))
                .getOrComputeIfAbsent("server", key -> {
                    try {
                        return MnemographServer.start(Map.of());
                    } catch (Exception e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }, MnemographServer.class);
    }
}
