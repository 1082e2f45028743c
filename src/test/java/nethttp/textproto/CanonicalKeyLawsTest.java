package nethttp.textproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class CanonicalKeyLawsTest {

    /** Go's canonicalHeaderKeyTests (net/textproto/header_test.go). */
    @Test
    void canonicalizesLikeGo() {
        String[][] cases = {
            {"a-b-c", "A-B-C"},
            {"a-1-c", "A-1-C"},
            {"User-Agent", "User-Agent"},
            {"uSER-aGENT", "User-Agent"},
            {"user-agent", "User-Agent"},
            {"USER-AGENT", "User-Agent"},
            {"foo-bar_baz", "Foo-Bar_baz"},
            {"foo-bar$baz", "Foo-Bar$baz"},
            {"foo-bar~baz", "Foo-Bar~baz"},
            {"foo-bar*baz", "Foo-Bar*baz"},
            {"üser-agenT", "üser-agenT"},
            {"a B", "a B"},
            {"C Ontent-Transfer-Encoding", "C Ontent-Transfer-Encoding"},
            {"foo bar", "foo bar"},
        };
        for (String[] c : cases) assertEquals(c[1], CanonicalKey.canonicalize(c[0]), c[0]);
    }

    @Test
    void tokensAreWhatRfc7230Allows() {
        assertTrue(CanonicalKey.isToken("X-Custom_1.2!#$%&'*+^`|~"));
        assertFalse(CanonicalKey.isToken(""));
        for (char c : " \t\"(),/:;<=>?@[\\]{}\u007f\u0000\u00e9".toCharArray()) {
            assertFalse(CanonicalKey.isTokenChar(c), "char " + (int) c);
            assertFalse(CanonicalKey.isToken("a" + c), "char " + (int) c);
        }
    }

    /** Token keys from letters, digits, hyphens and a few other token chars. */
    private static Gen<String> tokenKeys() {
        String alphabet = "aAzZmM09--_.~";
        return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(1, 12).map(ix -> {
            StringBuilder b = new StringBuilder();
            for (int i : ix) b.append(alphabet.charAt(i));
            return b.toString();
        });
    }

    /** A token key with one character that is not a token char put in somewhere. */
    private static Gen<String> nonTokenKeys() {
        String intruders = " :\u00fc\t(";
        return tokenKeys().zip(integers().between(0, 12), integers().between(0, intruders.length() - 1),
                (k, at, which) -> {
                    int i = Math.min(at, k.length());
                    return k.substring(0, i) + intruders.charAt(which) + k.substring(i);
                });
    }

    /** Any key: with or without a non-token character. */
    private static Gen<String> keys() {
        return tokenKeys().mix(nonTokenKeys());
    }

    @Test
    void canonicalizingTwiceChangesNothing() {
        qt().forAll(keys()).checkAssert(k -> {
            String once = CanonicalKey.canonicalize(k);
            assertEquals(once, CanonicalKey.canonicalize(once), k);
        });
    }

    @Test
    void tokenKeysAreCaseInsensitive() {
        qt().forAll(tokenKeys()).checkAssert(k -> {
            String c = CanonicalKey.canonicalize(k);
            assertEquals(c, CanonicalKey.canonicalize(k.toLowerCase(Locale.ROOT)), k);
            assertEquals(c, CanonicalKey.canonicalize(k.toUpperCase(Locale.ROOT)), k);
            assertTrue(c.equalsIgnoreCase(k), k);
        });
    }

    @Test
    void tokenKeysComeOutUpperAfterHyphenAndAtStartLowerElsewhere() {
        qt().forAll(tokenKeys()).checkAssert(k -> {
            String c = CanonicalKey.canonicalize(k);
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                if (!Character.isLetter(ch)) continue;
                boolean startsWord = i == 0 || c.charAt(i - 1) == '-';
                assertEquals(startsWord, Character.isUpperCase(ch), c);
            }
        });
    }

    @Test
    void keysWithANonTokenCharStayAsGiven() {
        qt().forAll(nonTokenKeys()).checkAssert(k -> {
            assertFalse(CanonicalKey.isToken(k), k);
            assertEquals(k, CanonicalKey.canonicalize(k));
        });
    }
}
