package nethttp.textproto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected texts are what Go 1.19's {@code fmt.Sprintf("%q", ...)} prints for the same bytes. */
class QuoteMoreCasesTest {

    @Test
    void escapesLikeGo() {
        assertEquals("\"\\vchunked\"", Quote.quote("\u000bchunked"));
        assertEquals("\"\\xff\"", Quote.quote("\u00ff"));
        assertEquals("\"\\u00a0\"", Quote.quote("\u00c2\u00a0"));
        assertEquals("\"a\\\"b\\\\c\"", Quote.quote("a\"b\\c"));
        assertEquals("\"\\x7f\\x00\\t\"", Quote.quote("\u007f\u0000\t"));
        assertEquals("\"\\u2028\"", Quote.quote("\u00e2\u0080\u00a8"));
        assertEquals("\"\\xed\\xa0\\x80\"", Quote.quote("\u00ed\u00a0\u0080"), "a surrogate is not valid UTF-8");
        assertEquals("\"\\xc0\\xaf\"", Quote.quote("\u00c0\u00af"), "an overlong form is not valid UTF-8");
    }

    @Test
    void printableUtf8StaysAsTheSameBytes() {
        assertEquals("\"\u00c3\u00a9x\"", Quote.quote("\u00c3\u00a9x"));
        assertEquals("\"\u00f0\u009f\u0098\u0080\"", Quote.quote("\u00f0\u009f\u0098\u0080"));
    }

    @Test
    void quotesListsLikeGo() {
        assertEquals("[\"1\" \" 2\"]", Quote.quote(List.of("1", " 2")));
        assertEquals("[]", Quote.quote(List.of()));
    }
}
