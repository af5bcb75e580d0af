package io.mnemograph.langchain4j;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ContentRetriever} over Mnemograph's {@code recall}: each recollection becomes a {@link Content} whose text is
 * the memory's content, with the score under {@link ContentMetadata#SCORE} and in the segment's metadata
 * ({@value #ID}, {@value #SCORE}, {@value #REASONS} joined by {@code "; "}, {@value #OCCURRED_AT} as ISO-8601).
 */
public final class MnemographContentRetriever implements ContentRetriever {

    /** Segment metadata key: the memory's id. */
    public static final String ID = "mnemograph_id";
    /** Segment metadata key: recall's calibrated score. */
    public static final String SCORE = "mnemograph_score";
    /** Segment metadata key: why the memory came back, reasons joined by {@code "; "}. */
    public static final String REASONS = "mnemograph_reasons";
    /** Segment metadata key: when the memory happened. */
    public static final String OCCURRED_AT = "mnemograph_occurred_at";

    private final MnemographClient client;
    private final String scope;
    private final Integer limit;
    private final Double minScore;

    private MnemographContentRetriever(Builder builder) {
        this.client = builder.client != null ? builder.client
                : MnemographClient.builder().baseUrl(builder.baseUrl).apiKey(builder.apiKey).build();
        this.scope = builder.scope;
        this.limit = builder.limit;
        this.minScore = builder.minScore;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<Content> retrieve(Query query) {
        return client.recall(query.text(), scope, limit, minScore).stream()
                .map(MnemographContentRetriever::toContent)
                .toList();
    }

    private static Content toContent(Recollection recollection) {
        Metadata metadata = new Metadata()
                .put(ID, recollection.id())
                .put(SCORE, recollection.score())
                .put(REASONS, String.join("; ", recollection.reasons()));
        if (recollection.occurredAt() != null) {
            metadata.put(OCCURRED_AT, recollection.occurredAt().toString());
        }
        return Content.from(TextSegment.from(recollection.content(), metadata),
                Map.of(ContentMetadata.SCORE, recollection.score()));
    }

    /**
     * Builds a {@link MnemographContentRetriever}: either a {@link #client(MnemographClient)} or a
     * {@link #baseUrl(String)} (and a key if the server asks for one).
     */
    public static final class Builder {
        private MnemographClient client;
        private String baseUrl;
        private String apiKey;
        private String scope;
        private Integer limit;
        private Double minScore;

        private Builder() {
        }

        /** A client to share with other parts of the agent; when set, baseUrl and apiKey are not used. */
        public Builder client(MnemographClient client) {
            this.client = client;
            return this;
        }

        /** The server's root, e.g. {@code http://localhost:8080}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The bearer key; none for a server running without security. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The scope to recall from; default the server's (the key's only scope, or {@code default}). */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /** At most this many contents (1..1000); default the server's (10). */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** Leave out memories scoring below it; default none. 0.45 abstained on every off-topic LoCoMo question. */
        public Builder minScore(double minScore) {
            this.minScore = minScore;
            return this;
        }

        public MnemographContentRetriever build() {
            if (client == null) {
                Objects.requireNonNull(baseUrl, "either client or baseUrl");
            }
            return new MnemographContentRetriever(this);
        }
    }
}
