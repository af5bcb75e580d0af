package io.mnemograph.api.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("NewApiKey")
@Description("A key just created, with its secret: shown here once and never again (only its hash is kept).")
public class NewApiKeyView {
    private final ApiKeyView apiKey;
    private final String secret;

    NewApiKeyView(ApiKeyView apiKey, String secret) {
        this.apiKey = apiKey;
        this.secret = secret;
    }

    public @NonNull ApiKeyView getApiKey() {
        return apiKey;
    }

    @Description("Send it as Authorization: Bearer <secret>.")
    public @NonNull String getSecret() {
        return secret;
    }
}
