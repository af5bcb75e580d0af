package io.mnemograph.agent;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordsTest {

    @Test
    void speakerPrefixIsRecognisedAndNeverAKeyword() {
        String turn = "Caroline: I went hiking in the Rockies with Caroline's sister.";
        assertEquals("Caroline", Words.speaker(turn));
        assertEquals("I went hiking in the Rockies with Caroline's sister.", Words.body(turn));
        assertFalse(Words.candidates(turn).containsKey("caroline"));
        assertNull(Words.speaker("no speaker here: just text"));
    }

    @Test
    void candidatesAreContentWordsAndNamePairs() {
        var c = Words.candidates("Melanie: We drove to the Grand Canyon last weekend and the canyon was huge.");
        assertTrue(c.containsKey("grand canyon"), c.toString());
        assertEquals(2, c.get("canyon"));
        assertFalse(c.containsKey("the"));
        assertFalse(c.containsKey("last"));
        assertFalse(c.containsKey("weekend"));
    }

    @Test
    void firstSentenceIsCutAtAWord() {
        assertEquals("Short one.", Words.firstSentence("Bob: Short one. Second sentence.", 50));
        String cut = Words.firstSentence("A very long sentence without an end that keeps going and going", 20);
        assertTrue(cut.endsWith("…") && cut.length() <= 21, cut);
    }

    @Test
    void namesInsideASentenceLookProper() {
        assertTrue(Words.looksProper("Caroline: We camped near Banff for two nights.", "banff"));
        assertFalse(Words.looksProper("Caroline: We camped near the lake.", "lake"));
        assertFalse(Words.looksProper("Caroline: Lake trips are fun. Lake Louise next?", "lake"),
                "only at sentence starts");
        assertTrue(Words.looksProper("Caroline: Lake trips are fun, Lake Louise next?", "lake"));
        assertFalse(Words.looksProper("Caroline: We saw Banffshire and Banff_x.", "banff"), "inside a longer word");
        assertTrue(Words.looksProper("Caroline: we saw (Banff) too", "banff"));
    }

    @Test
    void theScanAgreesWithTheRegexItReplaced() {
        String[] texts = {
                "Caroline: We camped near Banff for two nights. Banff was cold!",
                "Melanie: Grand Canyon trip? Grand. The Grand Canyon is huge; Canyon walls.",
                "Bob: i'm in Paris.Paris is great!Paris\tParis? Paris", "Paris", "Jon: Paris",
                "[Gina] Studio 54 and the Studio's lights, Rock-climbing in Rock-Creek.",
                "Nate: O'Brien's shop, Obrien o'brien. Été in Montréal, Montréal-Nord."};
        for (String text : texts) {
            for (String word : Words.candidates(text).keySet()) {
                java.util.regex.Pattern regex = java.util.regex.Pattern.compile("(?<![.!?]\\s)(?<!^)\\b"
                        + java.util.regex.Pattern.quote(Words.capitalise(word)) + "\\b");
                assertEquals(regex.matcher(Words.body(text)).find(), Words.looksProper(text, word),
                        text + " / " + word);
            }
        }
    }
}
