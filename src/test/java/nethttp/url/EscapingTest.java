package nethttp.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class EscapingTest {

    @Test
    void pathUnescapeDecodesEscapesButKeepsPlus() throws URLException {
        assertEquals("a b+c/d", Escaping.pathUnescape("a%20b+c%2Fd"));
        assertEquals("\u00c3\u00a9", Escaping.pathUnescape("%C3%A9")); // two bytes, kept as bytes
    }

    @Test
    void queryUnescapeTurnsPlusIntoSpace() throws URLException {
        assertEquals("a b c", Escaping.queryUnescape("a+b%20c"));
    }

    @Test
    void badEscapesNameTheOffendingThreeBytesAtMost() {
        assertEquals("invalid URL escape \"%zz\"",
                assertThrows(URLException.class, () -> Escaping.pathUnescape("/x%zzy")).getMessage());
        assertEquals("invalid URL escape \"%4\"",
                assertThrows(URLException.class, () -> Escaping.pathUnescape("%4")).getMessage());
        assertEquals("invalid URL escape \"%\"",
                assertThrows(URLException.class, () -> Escaping.pathUnescape("abc%")).getMessage());
    }

    @Test
    void escapingDependsOnThePartOfTheURL() {
        assertEquals("a%2Fb%3Fc%20d", Escaping.pathEscape("a/b?c d"));
        assertEquals("a%2Fb%3Fc+d%26", Escaping.queryEscape("a/b?c d&"));
        assertEquals("/a/b%3Fc", Escaping.escape("/a/b?c", Escaping.Mode.PATH));
        assertEquals("%C3%A9", Escaping.escape("\u00c3\u00a9", Escaping.Mode.PATH));
    }

    /** A wire string's bytes are escaped one by one; text that no byte string can be is escaped as UTF-8. */
    @Test
    void textAboveLatin1IsEscapedAsUtf8() {
        assertEquals("caf%E9", Escaping.pathEscape("caf\u00e9"));
        assertEquals("caf%C3%A9", Escaping.pathEscape("caf\u00c3\u00a9"));
        assertEquals("%E2%82%ACuro+caf%C3%A9", Escaping.queryEscape("\u20acuro caf\u00e9"));
        assertEquals("%F0%9F%98%80%EF%BF%BD", Escaping.queryEscape("\uD83D\uDE00\uD83D"));
    }

    @Test
    void hostEscapesOfAsciiAreRefusedExceptPercent() throws URLException {
        assertThrows(URLException.class, () -> Escaping.unescape("%41", Escaping.Mode.HOST));
        assertEquals("\u00c3\u00a9", Escaping.unescape("%C3%A9", Escaping.Mode.HOST));
        assertEquals("invalid character \"/\" in host name",
                assertThrows(URLException.class, () -> Escaping.unescape("a/b", Escaping.Mode.HOST)).getMessage());
    }

    @Test
    void pathEscapeThenUnescapeGivesBackAnyByteString() {
        qt().forAll(strings().betweenCodePoints(0, 0xff).ofLengthBetween(0, 40))
                .check(s -> {
                    try {
                        return Escaping.pathUnescape(Escaping.pathEscape(s)).equals(s)
                                && Escaping.queryUnescape(Escaping.queryEscape(s)).equals(s);
                    } catch (URLException e) {
                        return false;
                    }
                });
    }

    @Test
    void anEscapedPathParsesBackToTheSamePath() {
        qt().forAll(strings().betweenCodePoints(0x20, 0xff).ofLengthBetween(0, 40))
                .check(s -> {
                    String path = "/" + s;
                    URL u = new URL();
                    u.path = path;
                    try {
                        URL back = URL.parseRequestURI(u.requestURI());
                        return back.path.equals(path) && back.rawQuery.isEmpty();
                    } catch (URLException e) {
                        return false;
                    }
                });
    }
}
