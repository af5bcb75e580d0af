package io.mnemograph.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cheap text analysis for notes: the speaker prefix, sentences, and candidate keywords (words and word pairs). */
public final class Words {

    /** "Caroline: …" or "[Caroline] …": a chat turn's speaker, which is never a keyword on its own. */
    private static final Pattern SPEAKER = Pattern.compile("^\\s*\\[?([A-Z][\\p{L}.' -]{0,40}?)\\]?\\s*:\\s+");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'’-]*|\\p{N}+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList(("a about above after again against all also am an and any are aren't as at be "
            + "because been before being below between both but by can can't cannot could couldn't did didn't do does "
            + "doesn't doing don't down during each few for from further get gets got had hadn't has hasn't have haven't "
            + "having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in "
            + "into is isn't it it's its itself just let's like me more most much mustn't my myself no nor not now of off "
            + "on once only or other ought our ours ourselves out over own really same shan't she she'd she'll she's "
            + "should shouldn't so some such than that that's the their theirs them themselves then there there's these "
            + "they they'd they'll they're they've this those through to too under until up upon us very was wasn't we "
            + "we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why "
            + "why's will with won't would wouldn't yeah yes you you'd you'll you're you've your yours yourself "
            + "yourselves oh wow hey hi hello thanks thank lol okay ok um uh haha great good nice cool awesome amazing "
            + "really totally definitely actually pretty lot lots thing things stuff something anything everything "
            + "one ones make makes made going go goes went gonna want wanted know knew think thought feel felt see saw "
            + "say said tell told sure glad love loved loves way time times day days bit still even well back ever "
            + "always never maybe kind sort much many us let last next first second two three four five six seven "
            + "eight nine ten new old big small little near far long short whole every another lately recently "
            + "today tonight yesterday tomorrow week weekend month year making starts started start take took "
            + "taking come came coming look looking looks keep kept try tried trying find found give gave getting "
            + "doing done put use used need needs lots bunch able true sounds sound super fun hard easy best better "
            + "happy excited proud glad sorry hope hoping wish").split(" ")));

    private Words() {
    }

    /** The speaker named at the start of a chat turn, or null. */
    public static String speaker(String content) {
        Matcher m = SPEAKER.matcher(content);
        return m.find() ? m.group(1).strip() : null;
    }

    /** The content without its speaker prefix. */
    public static String body(String content) {
        Matcher m = SPEAKER.matcher(content);
        return m.find() ? content.substring(m.end()) : content;
    }

    /** The first sentence of the body, at most {@code max} characters (cut at a word). */
    public static String firstSentence(String content, int max) {
        String body = body(content).strip();
        String first = SENTENCE_END.split(body, 2)[0];
        if (first.length() <= max) {
            return first;
        }
        int cut = first.lastIndexOf(' ', max);
        return first.substring(0, cut > max / 2 ? cut : max) + "…";
    }

    /**
     * Candidate keywords of a text with how often each occurs: content words (no stop words, no speaker name, at least
     * three letters) and pairs of adjacent content words. Lower-cased, in order of first appearance.
     */
    public static Map<String, Integer> candidates(String content) {
        String speaker = speaker(content);
        String speakerLower = speaker == null ? null : speaker.toLowerCase(Locale.ROOT);
        Map<String, Integer> out = new LinkedHashMap<>();
        Matcher m = TOKEN.matcher(body(content));
        String previous = null;
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            if (w.endsWith("'s")) {
                w = w.substring(0, w.length() - 2);
            }
            boolean content_ = w.length() >= 3 && !STOP.contains(w) && !w.equals(speakerLower)
                    && !w.chars().allMatch(Character::isDigit);
            if (!content_) {
                previous = null;
                continue;
            }
            out.merge(w, 1, Integer::sum);
            boolean name = Character.isUpperCase(m.group().charAt(0));
            // Pairs only of capitalised words ("Banff National", "Grand Canyon"): other pairs were mostly noise.
            if (previous != null && name) {
                out.merge(previous + " " + w, 1, Integer::sum);
            }
            previous = name ? w : null;
        }
        return out;
    }

    /** Whether the word appears capitalised inside the text (not only at a sentence start): a name or place. */
    public static boolean looksProper(String content, String word) {
        // A plain scan, not a regex: the agent asks this for every candidate keyword of every memory it stores, and
        // compiling a pattern per call cost ~6 % of ingest.
        String body = body(content);
        String name = capitalise(word);
        if (name.isEmpty()) {
            return false;
        }
        for (int at = body.indexOf(name, 1); at >= 0; at = body.indexOf(name, at + 1)) {
            int end = at + name.length();
            boolean sentenceStart = at >= 2 && ".!?".indexOf(body.charAt(at - 2)) >= 0 && isSpace(body.charAt(at - 1));
            if (!sentenceStart && boundary(body, at) && boundary(body, end)) {
                return true;
            }
        }
        return false;
    }

    /** A word boundary at {@code i}, as the regex {@code \\b} sees one: a word character on one side only. */
    private static boolean boundary(String s, int i) {
        boolean left = i > 0 && isWordChar(s.charAt(i - 1));
        boolean right = i < s.length() && isWordChar(s.charAt(i));
        return left != right;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** The regex class {@code \\s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static String capitalise(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
