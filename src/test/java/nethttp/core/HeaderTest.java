package nethttp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class HeaderTest {

    private static String wire(Header h, Set<String> exclude) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.write(out, exclude);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static Header of(String... keyThenValues) {
        Header h = new Header();
        for (int i = 0; i < keyThenValues.length; i += 2) h.add(keyThenValues[i], keyThenValues[i + 1]);
        return h;
    }

    /** The rows of Go's headerWriteTests (net/http/header_test.go), keys spelled as Go's test spells them. */
    @Test
    void writesSortedAndExcludesLikeGo() throws Exception {
        assertEquals("", wire(new Header(), Set.of()));
        assertEquals("Content-Length: 0\r\nContent-Type: text/html; charset=UTF-8\r\n",
                wire(of("Content-Type", "text/html; charset=UTF-8", "Content-Length", "0"), Set.of()));
        assertEquals("Content-Length: 0\r\nContent-Length: 1\r\nContent-Length: 2\r\n",
                wire(of("Content-Length", "0", "Content-Length", "1", "Content-Length", "2"), Set.of()));
        Header three = of("Expires", "-1", "Content-Length", "0", "Content-Encoding", "gzip");
        assertEquals("Content-Encoding: gzip\r\nExpires: -1\r\n", wire(three, Set.of("Content-Length")));
        Header threeLengths = of("Expires", "-1", "Content-Length", "0", "Content-Length", "1", "Content-Length", "2",
                "Content-Encoding", "gzip");
        assertEquals("Content-Encoding: gzip\r\nExpires: -1\r\n", wire(threeLengths, Set.of("Content-Length")));
        assertEquals("", wire(three, Set.of("Content-Length", "Expires", "Content-Encoding")));

        Header blanks = new Header();
        blanks.setRaw("Nil", List.of());
        blanks.setRaw("Empty", List.of());
        blanks.setRaw("Blank", List.of(""));
        blanks.setRaw("Double-Blank", List.of("", ""));
        assertEquals("Blank: \r\nDouble-Blank: \r\nDouble-Blank: \r\n", wire(blanks, Set.of()));

        Header many = new Header();
        for (int i = 9; i >= 1; i--) many.setRaw("k" + i, List.of(i + "a", i + "b"));
        assertEquals("k1: 1a\r\nk1: 1b\r\nk2: 2a\r\nk2: 2b\r\nk3: 3a\r\nk3: 3b\r\n"
                + "k4: 4a\r\nk4: 4b\r\nk6: 6a\r\nk6: 6b\r\n"
                + "k7: 7a\r\nk7: 7b\r\nk8: 8a\r\nk8: 8b\r\nk9: 9a\r\nk9: 9b\r\n", wire(many, Set.of("k5")));

        Header invalidKeys = new Header();
        invalidKeys.setRaw("Content-Type", List.of("text/html; charset=UTF-8"));
        invalidKeys.setRaw("NewlineInValue", List.of("1\r\nBar: 2"));
        invalidKeys.setRaw("NewlineInKey\r\n", List.of("1"));
        invalidKeys.setRaw("Colon:InKey", List.of("1"));
        invalidKeys.setRaw("Evil: 1\r\nSmuggledValue", List.of("1"));
        assertEquals("Content-Type: text/html; charset=UTF-8\r\nNewlineInValue: 1  Bar: 2\r\n",
                wire(invalidKeys, Set.of()));
    }

    @Test
    void keysThatAreNotTokensAreNeverWritten() throws Exception {
        Header h = new Header();
        h.setRaw("", List.of("empty name"));
        h.setRaw("Sp ace", List.of("1"));
        h.setRaw("Caf\u00e9", List.of("1"));
        h.setRaw("Ok", List.of("1"));
        assertEquals("Ok: 1\r\n", wire(h, Set.of()));
    }

    @Test
    void lineBreaksInValuesBecomeSpaces() throws Exception {
        assertEquals("Content-Type: text/html; charset=UTF-8\r\nNewlineinvalue: 1  Bar: 2\r\n",
                wire(of("Content-Type", "text/html; charset=UTF-8", "NewlineInValue", "1\r\nBar: 2"), Set.of()));
        assertEquals("X: a\r\n", wire(of("X", " \t a \r\n"), Set.of()));
    }

    @Test
    void everyMethodCanonicalizesItsKey() {
        Header h = new Header();
        h.add("content-type", "a");
        h.add("CONTENT-TYPE", "b");
        assertEquals(Set.of("Content-Type"), h.keys());
        assertEquals("a", h.get("Content-type"));
        assertEquals(List.of("a", "b"), h.values("cOnTeNt-TyPe"));
        assertTrue(h.has("content-TYPE"));
        h.set("content-type", "c");
        assertEquals(List.of("c"), h.values("Content-Type"));
        h.del("CONTENT-type");
        assertFalse(h.has("Content-Type"));
        assertEquals("", h.get("Content-Type"));
        assertEquals(List.of(), h.values("Content-Type"));
        assertTrue(h.isEmpty());
    }

    private static Gen<String> tokenKeys() {
        String alphabet = "abcXYZ-0_";
        return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(1, 10).map(ix -> {
            StringBuilder b = new StringBuilder();
            for (int i : ix) b.append(alphabet.charAt(i));
            return b.toString();
        });
    }

    @Test
    void setThenGetRoundTripsUnderAnySpellingOfTheKey() {
        qt().forAll(tokenKeys(), strings().basicLatinAlphabet().ofLengthBetween(0, 8)).checkAssert((key, value) -> {
            Header h = new Header();
            h.set(key, value);
            assertEquals(value, h.get(key.toUpperCase(Locale.ROOT)));
            assertEquals(value, h.get(key.toLowerCase(Locale.ROOT)));
            assertEquals(List.of(value), h.values(key));
            assertEquals(1, h.size());
        });
    }

    @Test
    void addKeepsValuesInOrder() {
        qt().forAll(tokenKeys(), lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 5)).ofSizeBetween(1, 6))
                .checkAssert((key, values) -> {
                    Header h = new Header();
                    for (String v : values) h.add(key, v);
                    assertEquals(values, h.values(key));
                    assertEquals(values.get(0), h.get(key));
                });
    }

    @Test
    void copyIsDeepAndEqual() {
        qt().forAll(tokenKeys(), tokenKeys()).checkAssert((k1, k2) -> {
            Header h = of(k1, "v1", k2, "v2");
            Header c = h.copy();
            assertEquals(h, c);
            assertEquals(h.hashCode(), c.hashCode());
            c.add(k1, "more");
            assertNotEquals(h, c);
            assertEquals(h.values(k1).size() + 1, c.values(k1).size());
        });
    }

    /** One byte per char, unless a char does not fit in one: then the value is text, sent as UTF-8. */
    @Test
    void valuesAreWrittenAsBytesUnlessTheyHoldACharAboveU00FF() throws Exception {
        Header h = new Header();
        h.set("X-Bytes", "caf\u00c3\u00a9 \u00e9");
        h.set("X-Text", " h\u00e9llo \u2603 ");
        h.set("X-Broken", "\ud800x");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        h.write(out);
        assertEquals("X-Broken: \u00ef\u00bf\u00bdx\r\nX-Bytes: caf\u00c3\u00a9 \u00e9\r\nX-Text: h\u00c3\u00a9llo \u00e2\u0098\u0083\r\n",
                out.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
