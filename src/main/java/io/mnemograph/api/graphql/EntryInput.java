package io.mnemograph.api.graphql;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("EntryInput")
public class EntryInput {
    @NonNull
    public String key;
    @NonNull
    public String value;
}
