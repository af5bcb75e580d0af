package io.mnemograph.recall;

/**
 * The knobs of ranking, as one value: the defaults are what the LoCoMo benchmark (docs/benchmarks.md) measured best;
 * the benchmark's ablations switch parts off one at a time through {@link #with}-style copies.
 *
 * @param candidates     how many candidates each index gives (at least the limit asked)
 * @param rrf            fuse by reciprocal rank instead of the calibrated blend (ablation only)
 * @param cosineZero     raw cosine that counts as "unrelated" (calibrated score 0)
 * @param cosineOne      raw cosine that counts as "a strong match" (calibrated score 1)
 * @param bm25Half       BM25 score that counts half as much as the best possible (saturation b / (b + half))
 * @param textWeight     share of BM25 in the direct score; the rest is the calibrated cosine
 * @param nameWeight     bonus for mentioning the names (capitalised words) of the query, times the share mentioned
 * @param speakerWeight  bonus for a memory spoken by someone the query names (chat turns stored as "name: text")
 * @param sessionWeight  bonus from the session: times the mean direct score of the session's best two candidates
 * @param seeds          how many of the best direct hits are expanded through the graph
 * @param window         how many turns before and after a seed (NEXT steps) are reached
 * @param nextWeight     bonus of a NEXT neighbour, times the seed's score, divided by the steps
 * @param linkWeight     bonus of a LINKED neighbour, times the seed's score and the link's strength
 * @param keywordWeight  bonus of a memory sharing a rare keyword with a seed, times the seed's score
 * @param protect        share of the limit kept for the best direct hits, whatever expansion brings
 * @param brevityWeight  most a short memory loses (GRAPH), times the share of {@code brevityLength} it falls short of
 * @param brevityLength  content length (characters) from which a memory loses nothing for brevity
 * @param eventWeight    bonus (GRAPH) of a memory whose content places an event in time ("last weekend", "in May")
 * @param redundancy     (GRAPH) how much a candidate loses, times its cosine beyond {@code cosineZero}, to the most
 *                       similar memory already ranked above it: the second telling of one fact makes room for another
 * @param eventTime      whether a question's time words also match the time spans memories mention (event time),
 *                       not only when they were said
 */
public record RecallTuning(int candidates, boolean rrf, double cosineZero, double cosineOne, double bm25Half,
                           double textWeight, double nameWeight, double speakerWeight,
                           double sessionWeight, int seeds, int window,
                           double nextWeight, double linkWeight, double keywordWeight, double protect,
                           double brevityWeight, int brevityLength, double eventWeight, double redundancy,
                           boolean eventTime) {

    /** Most memories sharing a keyword for it to count as rare enough to expand through. */
    static final int MAX_KEYWORD_MEMORIES = 25;

    // 50 candidates from each index, not 100 (issue 15, 2026-12-04): R@10 on the dev conversations not lower in any
    // fold (docs/benchmarks.md), and the storage part at 100k memories ~11 % shorter
    public static final RecallTuning DEFAULT = new RecallTuning(50, false, 0.45, 0.85, 6.0, 0.35, 0.0, 0.20, 0.20, 20, 1,
            0.25, 0.05, 0.0, 0.5, 0.20, 300, 0.04, 0.30, true);

    /** How many of the best candidates the redundancy step reorders (at least three times the limit asked). */
    static final int REDUNDANCY_POOL = 60;

    public RecallTuning withCandidates(int v) {
        return new RecallTuning(v, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withRrf(boolean v) {
        return new RecallTuning(candidates, v, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withCosineZero(double v) {
        return new RecallTuning(candidates, rrf, v, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withCosineOne(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, v, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withBm25Half(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, v, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withTextWeight(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, v, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withNameWeight(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, v, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withSpeakerWeight(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, v, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withSessionWeight(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, v, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withSeeds(int v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, v, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withWindow(int v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, v, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withNextWeight(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, v, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withLinkWeight(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, v, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withKeywordWeight(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, v, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withProtect(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, v, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withBrevity(double weight, int length) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, weight, length, eventWeight, redundancy, eventTime);
    }

    public RecallTuning withEventWeight(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, v, redundancy, eventTime);
    }

    public RecallTuning withRedundancy(double v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, v, eventTime);
    }

    public RecallTuning withEventTime(boolean v) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, v);
    }

    /** Expansion from {@code seeds} best hits, {@code window} turns either way, NEXT weight {@code nextWeight}. */
    public RecallTuning withExpansion(int seeds, int window, double nextWeight) {
        return new RecallTuning(candidates, rrf, cosineZero, cosineOne, bm25Half, textWeight, nameWeight, speakerWeight, sessionWeight, seeds, window, nextWeight, linkWeight, keywordWeight, protect, brevityWeight, brevityLength, eventWeight, redundancy, eventTime);
    }

    /** The calibrated similarity: 0 for an unrelated text, 1 for a strong match (may leave 0..1). */
    double cosine(double neo4jScore) {
        // Neo4j reports cosine similarity as (1 + cos) / 2; back to cos first.
        double cos = 2 * neo4jScore - 1;
        return (cos - cosineZero) / (cosineOne - cosineZero);
    }

    /**
     * What a memory of {@code length} characters loses for saying little: a short memory ("Wow! Did you see that
     * band?") resembles a question through the names and frame it shares with it, not through an answer. Nothing
     * when the length is unknown (-1).
     */
    double brevityPenalty(int length) {
        return length < 0 || brevityLength <= 0 ? 0 : brevityWeight * Math.max(0, 1 - (double) length / brevityLength);
    }

    /** BM25 squeezed into 0..1, so that it adds to the calibrated cosine on one scale. */
    double bm25(double score) {
        return score <= 0 ? 0 : score / (score + bm25Half);
    }
}
