package io.mnemograph.api.graphql;

import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("MemoryInput")
@Description("Something to remember: a chat turn, an observation, a fact.")
public class MemoryInput {
    @NonNull
    @Description("The text of the memory (at most mnemograph.limits.max-content-bytes, 32 KiB by default).")
    public String content;
    @Description("The memory's namespace: one agent, user or conversation. Default \"default\"; [A-Za-z0-9._:-]{1,128}.")
    public String scope;
    @Description("The episode it belongs to: one conversation, one task run.")
    public String sessionId;
    @Description("When it happened (event time). Default: the time of recording. (ISO-8601)")
    // Read as text and parsed in MemoryApi: a malformed date inside an input object would otherwise fail in SmallRye's
    // argument transformation, whose message names our Java class.
    @ToScalar(Scalar.DateTime.class)
    public String occurredAt;
    @Description("The caller's id, unique per scope: remembering it again returns the stored memory unchanged.")
    public String externalId;
    @Description("Keywords the caller already knows; the agent adds its own.")
    public List<@NonNull String> keywords;
    @Description("Tags the caller already knows; the agent adds its own.")
    public List<@NonNull String> tags;
    @Description("Free key/value pairs kept with the memory.")
    public List<@NonNull EntryInput> metadata;
}
