package nethttp.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nethttp.textproto.Quote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parses each URL of a table the way Go 1.19 did and compares every field, or the error text.
 * The table's third column was produced by Go's {@code url.ParseRequestURI} (mode R) and
 * {@code url.Parse} (mode P) on the same inputs.
 */
class GoParseTableTest {

    record Case(String mode, String input, String expected) {
        @Override
        public String toString() {
            return mode + " " + input;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = GoParseTableTest.class.getResourceAsStream("go-parse-cases.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            for (String line : text.split("\n")) {
                String[] cols = line.split("\t", -1);
                cases.add(new Case(cols[0], cols[1], cols[2]));
            }
        }
        assertFalse(cases.isEmpty());
        return cases.stream();
    }

    /** The table writes control bytes as text so that it stays one case per line. */
    private static String decodeInput(String s) {
        return s.replace("\\x7f", "\u007f").replace("\\x01", "\u0001").replace("\\n", "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGo(Case c) {
        String input = decodeInput(c.input());
        String actual;
        try {
            URL u = c.mode().equals("R") ? URL.parseRequestURI(input) : URL.parse(input);
            actual = "OK " + describe(u);
        } catch (URLException e) {
            actual = "ERR " + e.getMessage();
        }
        assertEquals(c.expected(), actual);
    }

    private static String describe(URL u) {
        return "scheme=" + q(u.scheme) + " opaque=" + q(u.opaque)
                + " user=" + q(u.hasUser ? "@" + u.user : "") + " host=" + q(u.host)
                + " path=" + q(u.path) + " rawPath=" + q(u.rawPath) + " force=" + u.forceQuery
                + " rawQuery=" + q(u.rawQuery) + " frag=" + q(u.fragment) + " rawFrag=" + q(u.rawFragment)
                + " omit=" + u.omitHost + " string=" + q(u.toString());
    }

    private static String q(String s) {
        return Quote.quote(s);
    }
}
