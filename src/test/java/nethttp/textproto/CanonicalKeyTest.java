package nethttp.textproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a-b-c           | A-B-C
            a-1-c           | A-1-C
            User-Agent      | User-Agent
            uSER-aGENT      | User-Agent
            user-agent      | User-Agent
            USER-AGENT      | User-Agent
            foo-bar_baz     | Foo-Bar_baz
            foo-bar$baz     | Foo-Bar$baz
            foo-bar~baz     | Foo-Bar~baz
            foo-bar*baz     | Foo-Bar*baz
            '' | ''
            'C Ontent-Transfer-Encoding' | 'C Ontent-Transfer-Encoding'
            'foo bar'       | 'foo bar'
            'foo-bar '      | 'foo-bar '
            """)
    void followsGoTable(String in, String out) {
        // The cases of Go's TestCanonicalMIMEHeaderKey that are plain text.
        assertEquals(out, CanonicalKey.canonicalize(in));
    }

    /** The rule written out plainly: tokens get upper case at the start and after '-', else lower. */
    private static String model(String s) {
        for (char c : s.toCharArray()) {
            if (!CanonicalKey.isTokenChar(c)) return s;
        }
        StringBuilder out = new StringBuilder();
        boolean startOfWord = true;
        for (char c : s.toCharArray()) {
            char d = c < 128 ? (startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c)) : c;
            out.append(d);
            startOfWord = c == '-';
        }
        return out.toString();
    }

    @Test
    void agreesWithTheModelAndIsIdempotent() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x80).ofLengthBetween(0, 12))
                .check(s -> {
                    String once = CanonicalKey.canonicalize(s);
                    return once.equals(model(s)) && CanonicalKey.canonicalize(once).equals(once);
                });
    }

    @Test
    void agreesWithTheModelOnHeaderLikeKeys() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 3), strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 16))
                .check((junk, s) -> {
                    String key = junk.isEmpty() ? s : s + junk;
                    return CanonicalKey.canonicalize(key).equals(model(key));
                });
    }
}
