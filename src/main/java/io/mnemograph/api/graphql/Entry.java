package io.mnemograph.api.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Entry")
public class Entry {
    private final String key;
    private final String value;

    Entry(String key, String value) {
        this.key = key;
        this.value = value;
    }

    public @NonNull String getKey() {
        return key;
    }

    public @NonNull String getValue() {
        return value;
    }
}
