package io.mnemograph.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.pq.PQVectors;
import io.github.jbellis.jvector.pq.ProductQuantization;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import io.mnemograph.graph.ScopeVectorsProbe;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Today's in-process vector index against two maintained ANN libraries (issue 15): jvector 3.0.6 (graph + product
 * quantization) and Lucene 9.11's HNSW with int7 scalar quantization. One scope holds every vector; each index gives a
 * shortlist that is ranked again by the exact vectors (held here in a float[][], as the graph gives them in
 * production), and the top 50 are compared with an exact brute-force top 50. A search is "effort:shortlist": a graph
 * index explores with a beam of {@code effort} (Lucene's k, jvector's topK) and hands its best {@code shortlist} by
 * its own quantized scores to the exact ranking; today's index has a fixed effort (its Hamming pass keeps
 * max(20 × shortlist, 2000)), so it runs the searches whose effort equals their shortlist. A small scope of 100
 * memories spread through the store is searched too: today each scope has its own index, an ANN library would share
 * one graph and filter it.
 *
 * <p>Vectors as in the scale benchmark ({@link ScaleData}: 200 centroids that are real embeddings, gaussian noise
 * 0.03 a dimension), questions embedded by the real model. A plain JUnit test: no application, no database. Writes
 * target/bench/ann.md. Run: {@code ./mvnw -B verify -Pbench -Dbench=ann [-Dbench.ann.sizes=100000,1000000]
 * [-Dbench.ann.candidates=scope,lucene,jvector] [-Dbench.ann.searches=100:100,200:200] [-Dbench.questions=200]
 * [-Dbench.ann.small-questions=50]}.
 */
@Tag("benchmark")
class AnnBenchTest {

    static final int K = 50;
    static final int SMALL_SCOPE = 100;
    static final int WARM_UP = 100;
    static final int SMALL_WARM_UP = 10;
    /** Neighbours a node keeps on the bottom layer: Lucene's M=16 gives 32 there, so jvector gets 32 as well. */
    static final int DEGREE = 32;
    static final int BEAM = 100;
    /** jvector's PQ: 4 dimensions a subspace, one byte each (96 bytes a vector at 384 dimensions). */
    static final int PQ_DIMENSIONS_PER_SUBSPACE = 4;

    /** One index under test: a shortlist of memory numbers for a query, over everything or the small scope only. */
    interface Candidate extends AutoCloseable {
        String name();

        void build(float[][] vectors, int n, boolean[] small) throws IOException;

        /** The best {@code size} by the index's own scores, of a search with a beam of {@code effort}. */
        int[] search(float[] query, int effort, int size) throws IOException;

        int[] searchSmall(float[] query, int effort, int size) throws IOException;

        /** Whether the index's search effort can be set apart from the shortlist's size. */
        default boolean tunable() {
            return true;
        }

        /** Bytes the index keeps outside the heap (files it maps), 0 for none. */
        default long offHeapBytes() {
            return 0;
        }

        /** The index's own estimate of its heap, or -1. */
        default long heapEstimate() {
            return -1;
        }

        default String notes() {
            return "";
        }

        @Override
        default void close() throws IOException {
        }
    }

    record Row(int memories, String candidate, int effort, int shortlist, double buildSeconds, long heapBytes,
               long heapEstimate, long offHeapBytes, double recall, double minRecall, double cosineGap, double p50,
               double p95, double smallRecall,
               double smallMinRecall, double smallP50, String notes, String load) {
    }

    @Test
    void ann() throws Exception {
        String which = System.getProperty("bench", "locomo");
        Assumptions.assumeTrue(which.equals("ann") || which.equals("all"), "-Dbench=" + which);
        int[] sizes = Arrays.stream(System.getProperty("bench.ann.sizes", "100000,1000000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).sorted().toArray();
        List<String> names = Arrays.stream(System.getProperty("bench.ann.candidates", "scope,lucene,jvector")
                .split(",")).map(String::strip).toList();
        int production = ScopeVectorsProbe.shortlistSize(K);
        List<int[]> searches = Arrays.stream(System.getProperty("bench.ann.searches",
                        production + ":" + production).split(","))
                .map(s -> Arrays.stream(s.strip().split(":")).mapToInt(Integer::parseInt).toArray()).toList();
        String searchList = searches.stream().map(e -> e[0] + ":" + e[1]).collect(Collectors.joining(", "));
        int questionCount = Integer.getInteger("bench.questions", 200);
        // a filtered search over one shared graph can visit most of it: fewer of those at a million
        int smallQuestions = Integer.getInteger("bench.ann.small-questions", 50);
        Path out = Path.of("target/bench");
        Files.createDirectories(out);

        long t0 = System.nanoTime();
        EmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
        float[][] centroids = new float[ScaleData.topics()][];
        for (int t = 0; t < centroids.length; t++) {
            centroids[t] = unit(model.embed(ScaleData.topicSentence(t)).content().vector());
        }
        // the same seed and order of draws as the scale benchmark: questions first, then the memories
        ScaleData data = new ScaleData(42, centroids, 0.03, 20_000);
        List<String> questionTexts = data.questions(questionCount + WARM_UP);
        float[][] queries = questionTexts.stream().map(q -> unit(model.embed(q).content().vector()))
                .toArray(float[][]::new);
        float[][] warmUp = Arrays.copyOfRange(queries, questionCount, queries.length);
        queries = Arrays.copyOf(queries, questionCount);
        System.out.printf(Locale.ROOT, "ann: %d centroids and %d questions embedded in %.1f s%n", centroids.length,
                queries.length + warmUp.length, (System.nanoTime() - t0) / 1e9);

        float[][] vectors = new float[sizes[sizes.length - 1]][];
        int filled = 0;
        String lastSession = null;
        List<Row> rows = new ArrayList<>();
        Map<Integer, String> loads = new LinkedHashMap<>();
        for (int n : sizes) {
            t0 = System.nanoTime();
            while (filled < n) {
                int batch = Math.min(5000, n - filled);
                ScaleData.Batch b = data.batch(filled, batch, lastSession);
                lastSession = b.lastSession();
                for (Map<String, Object> m : b.memories()) {
                    vectors[filled++] = (float[]) m.get("embedding");
                }
            }
            boolean[] small = new boolean[n];
            int[] members = new int[SMALL_SCOPE];
            for (int i = 0; i < SMALL_SCOPE; i++) {
                members[i] = (int) ((long) i * n / SMALL_SCOPE);
                small[members[i]] = true;
            }
            int[][] truth = exactTopK(vectors, IntStream.range(0, n).toArray(), queries);
            int[][] smallTruth = exactTopK(vectors, members, queries);
            System.out.printf(Locale.ROOT, "ann: %,d vectors and exact top %d in %.1f s%n", n, K,
                    (System.nanoTime() - t0) / 1e9);
            String loadBefore = load();
            for (String name : names) {
                Candidate c = switch (name) {
                    case "scope" -> new Today();
                    case "jvector" -> new JVector();
                    case "lucene" -> new LuceneHnsw();
                    default -> throw new IllegalArgumentException("unknown candidate " + name);
                };
                long heapBefore = usedHeap();
                t0 = System.nanoTime();
                c.build(vectors, n, small);
                double buildSeconds = (System.nanoTime() - t0) / 1e9;
                long heap = usedHeap() - heapBefore;
                System.out.printf(Locale.ROOT, "ann: %s over %,d built in %.1f s, heap %.0f MB (load %s)%n",
                        c.name(), n, buildSeconds, heap / 1e6, load());
                for (int[] search : searches) {
                    int effort = search[0];
                    int shortlist = search[1];
                    if (!c.tunable() && effort != shortlist) {
                        continue;
                    }
                    for (int i = 0; i < warmUp.length; i++) {
                        rerank(vectors, warmUp[i], c.search(warmUp[i], effort, shortlist));
                        if (i < SMALL_WARM_UP) {
                            rerank(vectors, warmUp[i], c.searchSmall(warmUp[i], effort, shortlist));
                        }
                    }
                    double[] times = new double[queries.length];
                    double[] recalls = new double[queries.length];
                    double[] gaps = new double[queries.length];
                    int smallCount = Math.min(queries.length, smallQuestions);
                    double[] smallTimes = new double[smallCount];
                    double[] smallRecalls = new double[smallCount];
                    for (int i = 0; i < queries.length; i++) {
                        long s = System.nanoTime();
                        int[] top = rerank(vectors, queries[i], c.search(queries[i], effort, shortlist));
                        times[i] = (System.nanoTime() - s) / 1e6;
                        assertEquals(K, top.length, c.name() + " gave fewer than k over the whole store");
                        recalls[i] = recall(top, truth[i]);
                        gaps[i] = meanCosine(vectors, queries[i], truth[i]) - meanCosine(vectors, queries[i], top);
                        if (i >= smallCount) {
                            continue;
                        }
                        s = System.nanoTime();
                        top = rerank(vectors, queries[i], c.searchSmall(queries[i], effort, shortlist));
                        smallTimes[i] = (System.nanoTime() - s) / 1e6;
                        smallRecalls[i] = recall(top, smallTruth[i]);
                    }
                    Row row = new Row(n, c.name(), c.tunable() ? effort : -1, shortlist, buildSeconds, heap,
                            c.heapEstimate(), c.offHeapBytes(),
                            mean(recalls), Arrays.stream(recalls).min().orElse(0), mean(gaps), percentile(times, 50),
                            percentile(times, 95), mean(smallRecalls), Arrays.stream(smallRecalls).min().orElse(0),
                            percentile(smallTimes, 50), c.notes(), load());
                    rows.add(row);
                    System.out.println("ann: " + row);
                    Files.writeString(out.resolve("ann.md"),
                            report(rows, loads, searchList, questionCount, smallQuestions));
                    if (c instanceof Today) {
                        // the design's promise, which any replacement must keep: a scope's own search is exact
                        assertEquals(1.0, row.smallMinRecall(), 1e-9, "today's per-scope search is not exact");
                    }
                }
                c.close();
            }
            loads.put(n, loadBefore + " → " + load());
            Files.writeString(out.resolve("ann.md"), report(rows, loads, searchList, questionCount, smallQuestions));
        }
        String report = report(rows, loads, searchList, questionCount, smallQuestions);
        Files.writeString(out.resolve("ann.md"), report);
        System.out.println(report);
        assertTrue(rows.stream().allMatch(r -> r.recall() > 0.5), "an index misses most neighbours: a broken setup");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Today's index: a ScopeVectors for the whole store, and one of its own for the small scope. */
    static final class Today implements Candidate {
        private ScopeVectorsProbe all;
        private ScopeVectorsProbe small;

        @Override
        public String name() {
            return "today (ScopeVectors)";
        }

        @Override
        public void build(float[][] vectors, int n, boolean[] inSmall) {
            all = new ScopeVectorsProbe();
            small = new ScopeVectorsProbe();
            for (int i = 0; i < n; i++) {
                all.add(i, vectors[i]);
                if (inSmall[i]) {
                    small.add(i, vectors[i]);
                }
            }
        }

        @Override
        public int[] search(float[] query, int effort, int size) {
            return all.shortlist(query, size);
        }

        @Override
        public int[] searchSmall(float[] query, int effort, int size) {
            return small.shortlist(query, size);
        }

        @Override
        public boolean tunable() {
            return false;
        }

        @Override
        public long heapEstimate() {
            return all.heapBytes() + small.heapBytes();
        }

        @Override
        public String notes() {
            return "int8 + binary codes, one index a scope";
        }
    }

    /**
     * jvector: a Vamana graph built with exact scores (the float vectors are at hand while building), searched by
     * product-quantized scores. The graph, the PQ codes and an id ↔ number map like today's are what production
     * would keep on the heap; the exact vectors stay in the graph database.
     */
    static final class JVector implements Candidate {
        private final VectorTypeSupport vts = VectorizationProvider.getInstance().getVectorTypeSupport();
        private ForkJoinPool pool;
        private OnHeapGraphIndex graph;
        private PQVectors codes;
        private GraphSearcher searcher;
        private Bits inSmall;
        private String[] ids;
        private Map<String, Integer> position;

        @Override
        public String name() {
            return "jvector 3.0.6 (PQ " + 384 / PQ_DIMENSIONS_PER_SUBSPACE + " B)";
        }

        @Override
        public void build(float[][] vectors, int n, boolean[] small) throws IOException {
            long t0 = System.nanoTime();
            pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
            int dimensions = vectors[0].length;
            RandomAccessVectorValues values = new RandomAccessVectorValues() {
                @Override
                public int size() {
                    return n;
                }

                @Override
                public int dimension() {
                    return dimensions;
                }

                @Override
                public VectorFloat<?> getVector(int i) {
                    return vts.createFloatVector(vectors[i]);
                }

                @Override
                public boolean isValueShared() {
                    return false;
                }

                @Override
                public RandomAccessVectorValues copy() {
                    return this;
                }
            };
            var similarity = io.github.jbellis.jvector.vector.VectorSimilarityFunction.DOT_PRODUCT;
            try (GraphIndexBuilder builder = new GraphIndexBuilder(
                    BuildScoreProvider.randomAccessScoreProvider(values, similarity), dimensions, DEGREE, BEAM,
                    1.2f, 1.2f, pool, pool)) {
                graph = builder.build(values);
            }
            System.out.printf(Locale.ROOT, "ann: jvector graph built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            // centring helps Euclidean distance only (jvector's own advice); these are dot products of unit vectors
            ProductQuantization pq = ProductQuantization.compute(values, dimensions / PQ_DIMENSIONS_PER_SUBSPACE,
                    256, false);
            codes = (PQVectors) pq.encodeAll(values, pool);
            searcher = new GraphSearcher(graph);
            inSmall = i -> small[i];
            // not used by the search, but production needs both directions (a hit's id; a forgotten id's node)
            ids = new String[n];
            position = new HashMap<>();
            for (int i = 0; i < n; i++) {
                ids[i] = "memory-" + i;
                position.put(ids[i], i);
            }
        }

        private int[] search(float[] query, int effort, int size, Bits accept) {
            var score = codes.precomputedScoreFunctionFor(vts.createFloatVector(query),
                    io.github.jbellis.jvector.vector.VectorSimilarityFunction.DOT_PRODUCT);
            SearchResult r = searcher.search(new SearchScoreProvider(score), effort, accept);
            return Arrays.stream(r.getNodes()).limit(size).mapToInt(x -> x.node).toArray();
        }

        @Override
        public int[] search(float[] query, int effort, int size) {
            return search(query, effort, size, Bits.ALL);
        }

        @Override
        public int[] searchSmall(float[] query, int effort, int size) {
            return search(query, effort, size, inSmall);
        }

        @Override
        public long heapEstimate() {
            return graph.ramBytesUsed() + codes.ramBytesUsed();
        }

        @Override
        public String notes() {
            return String.format(Locale.ROOT, "degree %d, beam %d; graph %.0f MB + PQ %.0f MB by its estimate",
                    DEGREE, BEAM, graph.ramBytesUsed() / 1e6, codes.ramBytesUsed() / 1e6);
        }

        @Override
        public void close() throws IOException {
            searcher.close();
            pool.shutdown();
        }
    }

    /**
     * Lucene 9.11 (the version Neo4j 5.26 brings): HNSW over int7 scalar-quantized vectors in a memory-mapped
     * directory, merged to one segment (a search visits every segment's graph). The scope is a keyword field, the
     * small scope's search a filtered k-NN query. Lucene also writes the float vectors (it re-quantizes from them on
     * merge): on disk, not on the heap.
     */
    static final class LuceneHnsw implements Candidate {
        private Path dir;
        private MMapDirectory directory;
        private DirectoryReader reader;
        private IndexSearcher searcher;
        private int[] numbers; // doc id → memory number
        private final Query smallScope = new TermQuery(new Term("scope", "small"));
        private String files = "";

        @Override
        public String name() {
            return "Lucene 9.11 HNSW int7";
        }

        @Override
        public void build(float[][] vectors, int n, boolean[] small) throws IOException {
            long t0 = System.nanoTime();
            dir = Files.createTempDirectory(Path.of("target/bench"), "ann-lucene-");
            directory = new MMapDirectory(dir);
            int threads = Runtime.getRuntime().availableProcessors();
            ExecutorService merges = Executors.newFixedThreadPool(threads);
            KnnVectorsFormat format = new Lucene99HnswScalarQuantizedVectorsFormat(DEGREE / 2, BEAM, threads, 7,
                    false, null, merges);
            IndexWriterConfig config = new IndexWriterConfig()
                    .setCodec(new Lucene99Codec() {
                        @Override
                        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                            return format;
                        }
                    })
                    .setRAMBufferSizeMB(1800)
                    .setUseCompoundFile(false)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                // one writer thread a core: each builds its own segment's graph, the merge then joins them
                IntStream.range(0, threads).parallel().forEach(t -> {
                    try {
                        for (int i = t; i < n; i += threads) {
                            Document doc = new Document();
                            doc.add(new KnnFloatVectorField("v", vectors[i], VectorSimilarityFunction.DOT_PRODUCT));
                            doc.add(new StringField("scope", small[i] ? "small" : "big", Field.Store.NO));
                            doc.add(new NumericDocValuesField("number", i));
                            writer.addDocument(doc);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                System.out.printf(Locale.ROOT, "ann: Lucene documents added in %.1f s%n",
                        (System.nanoTime() - t0) / 1e9);
                writer.forceMerge(1);
                writer.commit();
            } finally {
                merges.shutdown();
            }
            reader = DirectoryReader.open(directory);
            assertEquals(1, reader.leaves().size(), "one segment");
            searcher = new IndexSearcher(reader);
            LeafReader leaf = reader.leaves().get(0).reader();
            numbers = new int[leaf.maxDoc()];
            NumericDocValues values = leaf.getNumericDocValues("number");
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                numbers[doc] = (int) values.longValue();
            }
            Map<String, Long> byKind = new TreeMap<>();
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.toList()) {
                    String name = p.getFileName().toString();
                    String kind = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                    byKind.merge(kind, Files.size(p), Long::sum);
                }
            }
            files = byKind.entrySet().stream().filter(e -> e.getValue() > 1_000_000)
                    .map(e -> String.format(Locale.ROOT, ".%s %.0f MB", e.getKey(), e.getValue() / 1e6))
                    .collect(Collectors.joining(", "));
        }

        private int[] search(Query query, int size) throws IOException {
            TopDocs top = searcher.search(query, size);
            int[] out = new int[top.scoreDocs.length];
            int i = 0;
            for (ScoreDoc d : top.scoreDocs) {
                out[i++] = numbers[d.doc];
            }
            return out;
        }

        @Override
        public int[] search(float[] query, int effort, int size) throws IOException {
            return search(new KnnFloatVectorQuery("v", query, effort), size);
        }

        @Override
        public int[] searchSmall(float[] query, int effort, int size) throws IOException {
            return search(new KnnFloatVectorQuery("v", query, effort, smallScope), size);
        }

        @Override
        public long offHeapBytes() {
            try (Stream<Path> list = Files.list(dir)) {
                return list.mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String notes() {
            return "M " + DEGREE / 2 + ", beam " + BEAM + "; files " + files;
        }

        @Override
        public void close() throws IOException {
            reader.close();
            directory.close();
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The exact top K of {@code among} for each query, best first (on both cores). */
    static int[][] exactTopK(float[][] vectors, int[] among, float[][] queries) {
        return IntStream.range(0, queries.length).parallel().mapToObj(q -> {
            int[] best = new int[K];
            double[] scores = new double[K];
            Arrays.fill(scores, Double.NEGATIVE_INFINITY);
            for (int i : among) {
                double s = dot(queries[q], vectors[i]);
                if (s > scores[K - 1]) {
                    int at = K - 1;
                    while (at > 0 && scores[at - 1] < s) {
                        scores[at] = scores[at - 1];
                        best[at] = best[at - 1];
                        at--;
                    }
                    scores[at] = s;
                    best[at] = i;
                }
            }
            return among.length < K ? Arrays.copyOf(best, among.length) : best;
        }).toArray(int[][]::new);
    }

    /** The exact ranking of a shortlist, its best K: what production does with the vectors read from the graph. */
    static int[] rerank(float[][] vectors, float[] query, int[] shortlist) {
        double[] scores = new double[shortlist.length];
        Integer[] order = new Integer[shortlist.length];
        for (int i = 0; i < shortlist.length; i++) {
            scores[i] = dot(query, vectors[shortlist[i]]);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
        int[] out = new int[Math.min(K, shortlist.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = shortlist[order[i]];
        }
        return out;
    }

    /**
     * The mean exact cosine of these memories to the query: the exact top 50's minus the found 50's says how much
     * closer the missed neighbours were (near ties cost little, a wrong region a lot).
     */
    static double meanCosine(float[][] vectors, float[] query, int[] numbers) {
        double sum = 0;
        for (int i : numbers) {
            sum += dot(query, vectors[i]);
        }
        return numbers.length == 0 ? 0 : sum / numbers.length;
    }

    static double recall(int[] found, int[] truth) {
        if (truth.length == 0) {
            return 1;
        }
        int hit = 0;
        for (int t : truth) {
            for (int f : found) {
                if (f == t) {
                    hit++;
                    break;
                }
            }
        }
        return (double) hit / truth.length;
    }

    static double dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int d = 0;
        for (; d + 3 < a.length; d += 4) {
            s0 += a[d] * b[d];
            s1 += a[d + 1] * b[d + 1];
            s2 += a[d + 2] * b[d + 2];
            s3 += a[d + 3] * b[d + 3];
        }
        for (; d < a.length; d++) {
            s0 += a[d] * b[d];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }

    /** Heap in use after the collector has had its chance (a few rounds: one can leave garbage behind). */
    static long usedHeap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static double mean(double[] xs) {
        return Arrays.stream(xs).average().orElse(0);
    }

    static double percentile(double[] xs, int p) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String report(List<Row> rows, Map<Integer, String> loads, String searches, int questions,
                         int smallQuestions) {
        StringBuilder b = new StringBuilder();
        b.append("## ANN libraries compared, ").append(LocalDate.now()).append("\n\n");
        b.append(String.format(Locale.ROOT, "JDK %s, %d cores, heap max %.1f GB; %d questions (after %d warm-up), "
                        + "k=%d, searches (effort:shortlist) %s, each shortlist re-ranked exactly; small scope: %d "
                        + "memories spread through the store, %d questions.%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e9, questions, WARM_UP, K, searches,
                SMALL_SCOPE, smallQuestions));
        loads.forEach((n, l) -> b.append(String.format(Locale.ROOT, "Load average at %,d: %s.%n", n, l)));
        b.append("\n| memories | index | effort:shortlist | build s | heap MB (measured) | B/memory "
                + "| heap MB (own estimate) | off-heap MB | recall@50 mean (min) | cosine gap | p50 ms | p95 ms "
                + "| small scope recall@50 mean (min) | small p50 ms | notes |\n");
        b.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: "
                + "| --- |\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT,
                    "| %,d | %s | %s | %.1f | %.0f | %.0f | %s | %s | %.4f (%.2f) | %.4f | %.2f | %.2f | %.3f (%.2f) "
                            + "| %.2f | %s |%n",
                    r.memories(), r.candidate(),
                    (r.effort() < 0 ? "fixed" : Integer.toString(r.effort())) + ":" + r.shortlist(),
                    r.buildSeconds(), r.heapBytes() / 1e6,
                    (double) r.heapBytes() / r.memories(),
                    r.heapEstimate() < 0 ? "–" : String.format(Locale.ROOT, "%.0f", r.heapEstimate() / 1e6),
                    r.offHeapBytes() == 0 ? "–" : String.format(Locale.ROOT, "%.0f", r.offHeapBytes() / 1e6),
                    r.recall(), r.minRecall(), r.cosineGap(), r.p50(), r.p95(), r.smallRecall(), r.smallMinRecall(),
                    r.smallP50(), r.notes()));
        }
        return b.toString();
    }
}
