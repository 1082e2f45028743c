package nethttp.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import nethttp.differential.GoProgram;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class JsonTest {

    private static String bytes(int... b) {
        StringBuilder s = new StringBuilder();
        for (int x : b) s.append((char) x);
        return s.toString();
    }

    private static String quoted(String bytes) {
        return new String(Json.quote(bytes), StandardCharsets.ISO_8859_1);
    }

    @Test
    void escapesHtmlSignificantCharactersAsGoDoes() {
        assertEquals("\"\\u003ca href=\\\"x\\\"\\u003e\\u0026amp;\\u003c/a\\u003e\"", quoted("<a href=\"x\">&amp;</a>"));
    }

    @Test
    void controlBytesUseShortEscapesOnlyForNewlineReturnAndTab() {
        assertEquals("\"\\n\\r\\t\\u0000\\u0008\\u000c\\u001f\\\\\"", quoted("\n\r\t\u0000\b\f\u001f\\"));
        // DEL is not a control character for JSON and passes through.
        assertEquals("\"\u007f\"", quoted("\u007f"));
    }

    @Test
    void validUtf8PassesThroughButLineAndParagraphSeparatorsAreEscaped() {
        // é (C3 A9), € (E2 82 AC) and 😀 (F0 9F 98 80) stay as their bytes.
        String text = bytes(0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80);
        assertEquals("\"" + text + "\"", quoted(text));
        assertEquals("\"\\u2028\\u2029\"", quoted(bytes(0xE2, 0x80, 0xA8, 0xE2, 0x80, 0xA9)));
    }

    @Test
    void eachByteOfAnInvalidSequenceBecomesOneReplacementCharacter() {
        assertEquals("\"\\ufffd\"", quoted(bytes(0xFF)));
        // A truncated three-byte sequence: Go replaces byte by byte, not the maximal prefix.
        assertEquals("\"\\ufffd\\ufffda\"", quoted(bytes(0xE2, 0x82, 'a')));
        // A surrogate (ED A0 80) and an overlong slash (C0 AF) are invalid in Go's UTF-8.
        assertEquals("\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"", quoted(bytes(0xED, 0xA0, 0x80, 0xC0, 0xAF)));
        // The replacement character itself, when validly encoded, is kept as its bytes.
        assertEquals("\"" + bytes(0xEF, 0xBF, 0xBD) + "\"", quoted(bytes(0xEF, 0xBF, 0xBD)));
    }

    @Test
    void indentsLikeGoAndKeepsEmptyContainersCompact() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("L", List.of("x", "y"));
        inner.put("Empty", List.of());
        inner.put("None", Map.of());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Name", "n");
        v.put("Inner", inner);
        v.put("Nil", null);
        v.put("N", 42L);
        v.put("Ok", false);
        String expected = """
                {
                  "Name": "n",
                  "Inner": {
                    "L": [
                      "x",
                      "y"
                    ],
                    "Empty": [],
                    "None": {}
                  },
                  "Nil": null,
                  "N": 42,
                  "Ok": false
                }
                """;
        assertEquals(expected, new String(Json.encodeIndented(v), StandardCharsets.ISO_8859_1));
    }

    @Test
    void refusesCharactersThatAreNotBytes() {
        assertThrows(IllegalArgumentException.class, () -> Json.quote("\u20ac"));
    }

    /** Bytes that exercise the escaping rules and the edges of UTF-8, mixed with any byte. */
    private static Gen<Integer> interestingByte() {
        List<Integer> edges = List.of(0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, (int) '"', (int) '\\', (int) '<', (int) '>',
                (int) '&', (int) '/', (int) 'a',
                0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xA8, 0xA9, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE2, 0xED,
                0xEF, 0xF0, 0xF4, 0xF5, 0xFF);
        return Generate.pick(edges).mix(integers().between(0, 255), 40);
    }

    /** Whole sequences that Go treats specially: U+2028, U+2029, U+FFFD and a four-byte rune. */
    private static Gen<List<Integer>> interestingRun() {
        return Generate.pick(List.of(
                List.of(0xE2, 0x80, 0xA8), List.of(0xE2, 0x80, 0xA9), List.of(0xEF, 0xBF, 0xBD),
                List.of(0xF0, 0x9F, 0x98, 0x80), List.of(0xC3, 0xA9), List.of(0xED, 0x9F, 0xBF)));
    }

    @Test
    void matchesGoEncodingJsonOnRandomByteStrings() throws Exception {
        Path exe = GoProgram.build("jsonstrings");
        Process go = new ProcessBuilder(exe.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (Writer toGo = new OutputStreamWriter(go.getOutputStream(), StandardCharsets.US_ASCII);
                BufferedReader fromGo = new BufferedReader(new InputStreamReader(go.getInputStream(), StandardCharsets.US_ASCII))) {
            Gen<List<Integer>> single = interestingByte().map(b -> List.of(b));
            Gen<List<List<Integer>>> pieces = lists().of(single.mix(interestingRun(), 25))
                    .ofSizeBetween(0, 24);
            qt().withExamples(2000).forAll(pieces).checkAssert(parts -> {
                String s = join(parts);
                byte[] expected = askGo(toGo, fromGo, s);
                assertEquals(render(expected), render(Json.encodeIndented(sample(s))), "for bytes " + render(toBytes(s)));
            });
        } finally {
            go.destroy();
            go.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String join(List<List<Integer>> parts) {
        StringBuilder s = new StringBuilder();
        for (List<Integer> part : parts) for (int b : part) s.append((char) b);
        return s.toString();
    }

    /** The Java twin of the value the Go helper encodes for each string. */
    private static Map<String, Object> sample(String s) {
        List<String> pair = new ArrayList<>();
        pair.add(s);
        pair.add("");
        Map<String, Object> m = new TreeMap<>();
        m.put(s, pair);
        Map<String, Object> k = new TreeMap<>();
        k.put("b", List.of());
        k.put("a", null);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("S", s);
        v.put("M", m);
        v.put("K", k);
        v.put("Nil", null);
        v.put("Empty", Map.of());
        v.put("N", -1L);
        v.put("B", true);
        return v;
    }

    private static byte[] askGo(Writer toGo, BufferedReader fromGo, String s) {
        try {
            toGo.write(HexFormat.of().formatHex(toBytes(s)));
            toGo.write('\n');
            toGo.flush();
            String line = fromGo.readLine();
            if (line == null) throw new IOException("the Go helper ended early");
            return HexFormat.of().parseHex(line);
        } catch (IOException e) {
            throw new AssertionError("talking to the Go helper failed", e);
        }
    }

    private static byte[] toBytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bytes as text a person can compare: printable ASCII as is, the rest as \xHH. */
    private static String render(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xFF;
            if (c == '\n') s.append("\\n\n");
            else if (c >= 0x20 && c < 0x7F && c != '\\') s.append((char) c);
            else s.append(String.format("\\x%02x", c));
        }
        return s.toString();
    }

    @Test
    void encodedBytesAreExactlyTheRenderedOnes() {
        assertArrayEquals(new byte[] {'"', '\\', 'u', '0', '0', '3', 'c', '"'}, Json.quote("<"));
    }
}
